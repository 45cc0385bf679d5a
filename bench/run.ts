/**
 * `npm run bench` (add `-- --quick` for a short smoke run): Relief's engines against TensorFlow.js
 * (cpu and wasm backends), numpy and torch, on the same data and initial parameters, in one process
 * run. Prints a table with ratios and writes bench/results/latest.json. Not a test: timings vary
 * with the machine and its load; the ratios are measured in the same run.
 *
 * A: full-batch GD, 1-H-1 ReLU, H in {64, 256}, N = 10,000, sin(3x) + 0.3x², seed-001 init, lr 0.01.
 * B: a 51x51 loss grid around the initial point at H = 256 (and a 201x201 exact grid).
 * C: time per GD step over N (H = 64) and over H (N = 10,000) for both engines, with fitted exponents.
 * Memory: a 401x401 grid at H = 256, N = 100,000 in a separate process (bench/memory.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../src/core/data/dataset';
import type { LossPlane } from '../src/core/engine/plane';
import { engines } from '../src/core/engine/registry';
import { benchData, benchPlane, growthExponent, reluSpec, seed001Params } from './setup';
import { tfGd, tfGrid, tfVersion, useBackend, type TfBackend } from './tfjsPeer';

const quick = process.argv.includes('--quick');
const here = path.dirname(fileURLToPath(import.meta.url));
const LR = 0.01;
const STEPS = quick ? 50 : 500;
const N = 10_000;
const GRID = 51;
// Slow peers run fewer steps or grid points (their per-step and per-point times are what the ratios
// use; their losses are checked against Relief's loss curve at the same step).
const TF_WASM_STEPS = quick ? 20 : 100;
const TF_CPU_STEPS = quick ? 5 : 20;
const TORCH_STEPS = quick ? 20 : 100;
const TF_GRID_POINTS: Record<string, number> = { wasm: quick ? 51 : 153, cpu: quick ? 10 : 25 };
const PY_GRID_ROWS = quick ? 3 : 17;

const log = (s: string): void => void process.stderr.write(s + '\n');

interface Timed {
  tool: string;
  seconds: number;
  /** Steps or grid points timed. */
  units: number;
  perUnitMs: number;
  finalLoss?: number;
  /** Largest relative difference from Relief dense on the same quantity. */
  check?: number;
  note?: string;
}

const timed = (tool: string, seconds: number, units: number, extra: Partial<Timed> = {}): Timed => ({
  tool,
  seconds,
  units,
  perUnitMs: (1000 * seconds) / units,
  ...extra,
});

const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

/** Full-batch GD on a Relief engine: loss[k] after k steps. A short untimed warm-up compiles the kernels. */
function reliefGd(engine: string, data: Dataset, H: number, p0: Float64Array, steps: number) {
  const e = engines.get(engine)!;
  const spec = reluSpec(H);
  const run = (n: number) => {
    const f = e.createObjective(spec, data);
    const p = p0.slice();
    const g = new Float64Array(p.length);
    const loss = new Float64Array(n + 1);
    const t0 = performance.now();
    for (let k = 0; k < n; k++) {
      loss[k] = f.lossGrad(p, g);
      for (let i = 0; i < p.length; i++) p[i]! -= LR * g[i]!;
    }
    loss[n] = f.loss(p);
    return { seconds: (performance.now() - t0) / 1000, loss };
  };
  run(Math.min(20, steps));
  return run(steps);
}

function reliefGrid(engine: string, data: Dataset, H: number, plane: LossPlane) {
  const e = engines.get(engine)!;
  const rows = plane.betas.length;
  const out = new Float64Array(rows * plane.alphas.length);
  const small = { ...plane, betas: plane.betas.subarray(0, 1) };
  e.lossPlane!(reluSpec(H), data, small, 0, 1, new Float64Array(plane.alphas.length)); // warm-up
  const t0 = performance.now();
  e.lossPlane!(reluSpec(H), data, plane, 0, rows, out);
  return { seconds: (performance.now() - t0) / 1000, out };
}

function findPython(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import numpy'], { encoding: 'utf8' });
    if (r.status === 0) {
      const t = spawnSync(py, ['-c', 'import torch'], { encoding: 'utf8' });
      if (t.status === 0 || py === 'python3') return py;
    }
  }
  return null;
}

interface PyTaskResult {
  seconds: number;
  steps?: number;
  points?: number;
  finalLoss?: number;
  values?: number[];
}
interface PyResult {
  numpy: { version: string; tasks: PyTaskResult[] };
  torch: { version: string; threads: number; tasks: PyTaskResult[] } | null;
  torchError?: string;
}

function runPython(py: string, data: Dataset, tasks: object[]): PyResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'relief-bench-'));
  try {
    const file = path.join(dir, 'tasks.json');
    writeFileSync(file, JSON.stringify({ x: Array.from(data.x), y: Array.from(data.y), tasks }));
    const r = spawnSync(py, [path.join(here, 'peers.py'), file], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`peers.py failed: ${r.stderr}`);
    return JSON.parse(r.stdout) as PyResult;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function maxRelDiff(values: ArrayLike<number>, ref: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < values.length; k++) worst = Math.max(worst, rel(values[k]!, ref[k]!));
  return worst;
}

/** Time per GD step, running until `budget` seconds or `maxSteps` (at least 2 steps, after warm-up). */
function stepTime(engine: string, data: Dataset, H: number, budget: number, maxSteps: number) {
  const e = engines.get(engine)!;
  const spec = reluSpec(H);
  const t0 = performance.now();
  const f = e.createObjective(spec, data);
  const createMs = performance.now() - t0;
  const p = seed001Params(H);
  const g = new Float64Array(p.length);
  const step = () => {
    f.lossGrad(p, g);
    for (let i = 0; i < p.length; i++) p[i]! -= LR * g[i]!;
  };
  step();
  let steps = 0;
  const t1 = performance.now();
  while (steps < 2 || (steps < maxSteps && performance.now() - t1 < budget * 1000)) {
    step();
    steps++;
  }
  return { createMs, msPerStep: (performance.now() - t1) / steps, steps };
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}
const fmt = (v: number, digits = 3): string =>
  v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(digits);

function printTable(title: string, rows: Timed[], unit: string, base: Timed): string {
  const lines = [`\n${title}`];
  lines.push(
    `${pad('tool', 24)}${pad(`${unit}s`, 8, true)}${pad('total s', 10, true)}${pad(`ms/${unit}`, 12, true)}` +
      `${pad('x slower than dense', 21, true)}${pad('final loss', 14, true)}${pad('vs dense', 10, true)}`,
  );
  for (const r of rows) {
    lines.push(
      `${pad(r.tool, 24)}${pad(String(r.units), 8, true)}${pad(fmt(r.seconds), 10, true)}` +
        `${pad(fmt(r.perUnitMs), 12, true)}${pad(fmt(r.perUnitMs / base.perUnitMs), 21, true)}` +
        `${pad(r.finalLoss === undefined ? '' : r.finalLoss.toPrecision(8), 14, true)}` +
        `${pad(r.check === undefined ? '' : r.check.toExponential(1), 10, true)}` +
        (r.note ? `  ${r.note}` : ''),
    );
  }
  const text = lines.join('\n');
  console.log(text);
  return text;
}

async function main(): Promise<void> {
  const started = performance.now();
  const data = benchData(N);
  const py = findPython();
  log(`python: ${py ?? 'none'}${quick ? ' (quick run)' : ''}`);
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick,
    machine: {
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model,
      memoryGB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      tfjs: tfVersion(),
      python: py,
    },
    // Other processes on the machine slow every tool; the ratios are only comparable at similar load.
    loadAverageAtStart: os.loadavg(),
  };
  const tables: string[] = [];

  // --- Workload A: full-batch GD ------------------------------------------------------------
  const hs = [64, 256];
  const params = Object.fromEntries(hs.map((H) => [H, seed001Params(H)]));
  const plane = benchPlane(params[256]!, GRID);
  const pyTasks = [
    ...hs.map((H) => ({
      kind: 'gd',
      H,
      lr: LR,
      steps: STEPS,
      torchSteps: TORCH_STEPS,
      params: Array.from(params[H]!),
    })),
    {
      kind: 'grid',
      H: 256,
      rows: PY_GRID_ROWS,
      center: Array.from(plane.center),
      d1: Array.from(plane.d1),
      d2: Array.from(plane.d2),
      alphas: Array.from(plane.alphas),
      betas: Array.from(plane.betas),
    },
  ];
  log('python peers (numpy, torch) ...');
  const pyRes = py ? runPython(py, data, pyTasks) : null;
  const A: Record<string, Timed[]> = {};
  for (const [t, H] of hs.entries()) {
    log(`workload A, H=${H} ...`);
    const dense = reliefGd('dense', data, H, params[H]!, STEPS);
    const exact = reliefGd('exact', data, H, params[H]!, STEPS);
    const ref = dense.loss;
    const rows: Timed[] = [
      timed('Relief dense', dense.seconds, STEPS, { finalLoss: ref[STEPS]! }),
      timed('Relief exact', exact.seconds, STEPS, {
        finalLoss: exact.loss[STEPS]!,
        check: maxRelDiff(exact.loss, ref),
      }),
    ];
    for (const backend of ['wasm', 'cpu'] as TfBackend[]) {
      await useBackend(backend);
      const steps = backend === 'cpu' ? TF_CPU_STEPS : TF_WASM_STEPS;
      await tfGd(data.x, data.y, H, params[H]!, LR, Math.min(5, steps)); // warm-up
      const r = await tfGd(data.x, data.y, H, params[H]!, LR, steps);
      rows.push(
        timed(`tfjs-${backend} (float32)`, r.seconds, steps, {
          finalLoss: r.finalLoss,
          check: rel(r.finalLoss, ref[steps]!),
        }),
      );
    }
    if (pyRes) {
      const np = pyRes.numpy.tasks[t]!;
      rows.push(
        timed(`numpy ${pyRes.numpy.version}`, np.seconds, np.steps!, {
          finalLoss: np.finalLoss!,
          check: rel(np.finalLoss!, ref[np.steps!]!),
        }),
      );
      const th = pyRes.torch?.tasks[t];
      if (th)
        rows.push(
          timed(`torch ${pyRes.torch!.version} (${pyRes.torch!.threads} thr)`, th.seconds, th.steps!, {
            finalLoss: th.finalLoss!,
            check: rel(th.finalLoss!, ref[th.steps!]!),
          }),
        );
    }
    A[`H${H}`] = rows;
    tables.push(printTable(`A: full-batch GD, 1-${H}-1 ReLU, N=${N}, lr ${LR}`, rows, 'step', rows[0]!));
  }
  report.A = A;

  // --- Workload B: loss grid ----------------------------------------------------------------
  log('workload B ...');
  const points = GRID * GRID;
  const dg = reliefGrid('dense', data, 256, plane);
  const eg = reliefGrid('exact', data, 256, plane);
  const B: Timed[] = [
    timed('Relief dense', dg.seconds, points, { note: '1 thread' }),
    timed('Relief exact', eg.seconds, points, { check: maxRelDiff(eg.out, dg.out) }),
  ];
  for (const backend of ['wasm', 'cpu'] as TfBackend[]) {
    await useBackend(backend);
    const r = await tfGrid(data.x, data.y, 256, plane, TF_GRID_POINTS[backend]!);
    B.push(
      timed(`tfjs-${backend} (float32)`, r.seconds, r.points, {
        check: maxRelDiff(r.values, dg.out),
        note: `first ${r.points} points`,
      }),
    );
  }
  if (pyRes) {
    const np = pyRes.numpy.tasks[2]!;
    B.push(
      timed(`numpy ${pyRes.numpy.version}`, np.seconds, np.points!, {
        check: maxRelDiff(np.values!, dg.out),
        note: `first ${PY_GRID_ROWS} rows`,
      }),
    );
    const th = pyRes.torch?.tasks[2];
    if (th)
      B.push(
        timed(`torch ${pyRes.torch!.version}`, th.seconds, th.points!, {
          check: maxRelDiff(th.values!, dg.out),
          note: `first ${PY_GRID_ROWS} rows`,
        }),
      );
  }
  tables.push(
    printTable(`B: ${GRID}x${GRID} loss grid at H=256, N=${N} (per grid point)`, B, 'point', B[0]!),
  );
  const big = benchPlane(params[256]!, 201);
  const eg201 = reliefGrid('exact', data, 256, big);
  const line201 = `exact engine, 201x201 grid at H=256, N=${N}: ${eg201.seconds.toFixed(3)} s (1 thread)`;
  console.log(line201);
  tables.push(line201);
  report.B = { grid51: B, exact201Seconds: eg201.seconds };

  // --- Workload C: scaling sweeps -----------------------------------------------------------
  log('workload C ...');
  const budget = quick ? 0.05 : 0.4;
  const nSizes = quick ? [1e3, 1e4, 1e5] : [1e3, 1e4, 1e5, 1e6];
  const hSizes = quick ? [16, 64, 256] : [16, 64, 256, 1024, 4096];
  const C: Record<string, { sizes: number[]; ms: number[]; createMs: number[]; exponent: number }> = {};
  const cLines = [`\nC: time per GD step (ms), fitted growth exponent t ~ size^k`];
  for (const engine of ['dense', 'exact']) {
    const byN = nSizes.map((n) => stepTime(engine, benchData(n), 64, budget, 2000));
    const byH = hSizes.map((H) => stepTime(engine, data, H, budget, 2000));
    C[`${engine}-N`] = {
      sizes: nSizes,
      ms: byN.map((r) => r.msPerStep),
      createMs: byN.map((r) => r.createMs),
      exponent: growthExponent(
        nSizes,
        byN.map((r) => r.msPerStep),
      ),
    };
    C[`${engine}-H`] = {
      sizes: hSizes,
      ms: byH.map((r) => r.msPerStep),
      createMs: byH.map((r) => r.createMs),
      exponent: growthExponent(
        hSizes,
        byH.map((r) => r.msPerStep),
      ),
    };
    for (const [key, label] of [
      [`${engine}-N`, `${engine}, H=64, N =`],
      [`${engine}-H`, `${engine}, N=${N}, H =`],
    ] as const) {
      const c = C[key]!;
      cLines.push(
        `${pad(label, 26)} ` +
          c.sizes.map((s, k) => `${s.toExponential(0)}: ${fmt(c.ms[k]!)}`).join('  ') +
          `   k = ${c.exponent.toFixed(2)}` +
          (engine === 'exact' && key.endsWith('N')
            ? `  (one-off sort: ${c.createMs.map((m) => fmt(m)).join(', ')} ms)`
            : ''),
      );
    }
  }
  console.log(cLines.join('\n'));
  tables.push(cLines.join('\n'));
  report.C = C;

  // --- Memory -------------------------------------------------------------------------------
  log('memory check (separate process) ...');
  const mem = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'memory.ts'), '1'],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (mem.status === 0) {
    const m = JSON.parse(mem.stdout) as {
      peakRssMB: number;
      dense: { secondsPerRow: number };
      exact: { seconds: number };
    };
    report.memory = m;
    const ml =
      `\nMemory, 401x401 grid at H=256, N=100,000: peak RSS ${m.peakRssMB} MB (limit 200); dense ` +
      `${m.dense.secondsPerRow.toFixed(2)} s per row on 1 thread (full grid ~${((401 * m.dense.secondsPerRow) / 60).toFixed(0)} min ` +
      `on 1 thread); exact full grid ${m.exact.seconds.toFixed(2)} s`;
    console.log(ml);
    tables.push(ml);
  } else log(`memory check failed: ${mem.stderr}`);

  // --- Targets ------------------------------------------------------------------------------
  const per = (rows: Timed[], prefix: string) => rows.find((r) => r.tool.startsWith(prefix))?.perUnitMs;
  const targets: { name: string; measured: number | null; target: string; met: boolean | null }[] = [];
  const ratio = (rows: Timed[], peer: string, tool: string) => {
    const a = per(rows, peer);
    const b = per(rows, tool);
    return a !== undefined && b !== undefined ? a / b : null;
  };
  for (const H of hs) {
    const rows = A[`H${H}`]!;
    const push = (name: string, v: number | null, min: number) =>
      targets.push({ name, measured: v, target: `>= ${min}x`, met: v === null ? null : v >= min });
    push(`dense GD vs numpy, H=${H}`, ratio(rows, 'numpy', 'Relief dense'), 4);
    push(`dense GD vs tfjs-wasm, H=${H}`, ratio(rows, 'tfjs-wasm', 'Relief dense'), 10);
    push(`exact GD vs numpy, H=${H}`, ratio(rows, 'numpy', 'Relief exact'), 1000);
  }
  const gr = ratio(B, 'numpy', 'Relief dense');
  targets.push({
    name: 'dense grid vs numpy, H=256',
    measured: gr,
    target: '>= 5x',
    met: gr === null ? null : gr >= 5,
  });
  targets.push({
    name: '201x201 exact grid, H=256, N=10,000 (s)',
    measured: eg201.seconds,
    target: '< 1 s',
    met: eg201.seconds < 1,
  });
  const tl = ['\nTargets (ratios measured in this run)'];
  for (const t of targets)
    tl.push(
      `${pad(t.name, 42)}${pad(t.measured === null ? 'n/a' : fmt(t.measured), 10, true)}  ${pad(t.target, 8)} ${
        t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met'
      }`,
    );
  console.log(tl.join('\n'));
  tables.push(tl.join('\n'));
  report.targets = targets;
  report.table = tables.join('\n');
  report.benchSeconds = (performance.now() - started) / 1000;
  report.loadAverageAtEnd = os.loadavg();

  const outDir = path.join(here, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, quick ? 'quick.json' : 'latest.json'),
    JSON.stringify(report, null, 1) + '\n',
  );
  log(
    `done in ${(report.benchSeconds as number).toFixed(0)} s; wrote bench/results/${quick ? 'quick' : 'latest'}.json`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
