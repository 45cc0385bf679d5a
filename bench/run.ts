/**
 * `npm run bench` (add `-- --quick` for a short smoke run): Relief's engines against TensorFlow.js
 * (cpu and wasm backends), numpy and torch, on the same data and initial parameters, in one process
 * run. Prints a table with ratios and writes bench/results/latest.json. Not a test.
 *
 * Timing on a shared machine: every peer is measured in chunks interleaved with chunks of Relief's
 * dense engine (numpy GD chunk, Relief chunk, numpy chunk, ...), so both see the same background load,
 * and every step or grid point is timed on its own: the ratio compares the fastest step (point) of each
 * side within the same phase — on a loaded machine the fastest one is the least disturbed, for every
 * tool alike. Means are reported too.
 *
 * A: full-batch GD, 1-H-1 ReLU, H in {64, 256}, N = 10,000, sin(3x) + 0.3x², seed-001 init, lr 0.01.
 * B: a 51x51 loss grid around the initial point at H = 256 (and a 201x201 exact grid).
 * C: time per GD step over N (H = 64) and over H (N = 10,000) for both engines, with fitted exponents.
 * Memory: a 401x401 grid at H = 256, N = 100,000 in a separate process (bench/memory.ts).
 * Then the end-to-end section (bench/endToEnd.ts, also alone as `npm run bench:e2e`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { Dataset } from '../src/core/data/dataset';
import type { LossPlane } from '../src/core/engine/plane';
import { engines } from '../src/core/engine/registry';
import type { Objective } from '../src/core/objective';
import { findPython, startPyPeer, type PyPeer } from './pyPeer';
import { benchData, benchPlane, growthExponent, reluSpec, seed001Params } from './setup';
import { createTfGd, createTfGrid, tfVersion, useBackend, type TfBackend } from './tfjsPeer';

// Optimise hot functions on the main thread: on a loaded machine V8's background compiler thread can
// be starved for seconds, leaving the timed kernels in baseline code. Steady-state code is the same.
v8.setFlagsFromString('--no-concurrent-recompilation');

const quick = process.argv.includes('--quick');
const here = path.dirname(fileURLToPath(import.meta.url));
const LR = 0.01;
const N = 10_000;
const GRID = 51;
const STEPS = quick ? 50 : 500;
/** Per peer: GD steps per chunk and number of chunks (Relief runs the same chunk size alongside). */
const GD_PLAN: Record<string, { chunk: number; chunks: number }> = {
  numpy: { chunk: quick ? 10 : 50, chunks: STEPS / (quick ? 10 : 50) },
  torch: { chunk: 10, chunks: quick ? 2 : 10 },
  'tfjs-wasm': { chunk: 10, chunks: quick ? 2 : 10 },
  'tfjs-cpu': { chunk: 2, chunks: quick ? 2 : 8 },
};
/** Grid rows the python peers compute, and tfjs grid points per chunk x chunks. */
const PY_GRID_ROWS = quick ? 3 : 17;
const TF_GRID_PLAN: Record<TfBackend, { chunk: number; chunks: number }> = {
  wasm: { chunk: 17, chunks: quick ? 2 : 9 },
  cpu: { chunk: 3, chunks: quick ? 2 : 6 },
};

const log = (s: string): void => void process.stderr.write(s + '\n');
const now = (): number => performance.now();
const rel = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const min = (a: number[]): number => Math.min(...a);
const mean = (a: number[]): number => a.reduce((s, v) => s + v, 0) / a.length;

/** One tool's row in a table. Times are milliseconds per unit (GD step or grid point). */
interface Row {
  tool: string;
  units: number;
  bestMs: number;
  meanMs: number;
  /** Fastest unit over Relief dense's fastest unit in the same interleaved phase. */
  vsDense: number;
  finalLoss?: number;
  /** Relative difference from Relief dense on the same quantity (loss after as many steps, grid values). */
  check?: number;
  note?: string;
}

/** A chunk of timed units: the fastest single unit and the mean, in milliseconds. */
interface Chunk {
  best: number;
  mean: number;
}
const bestOf = (cs: Chunk[]): number => min(cs.map((c) => c.best));
const meanOf = (cs: Chunk[]): number => mean(cs.map((c) => c.mean));

/**
 * Times `n` calls of `unit`, in groups of `group` consecutive calls: "best" is the fastest group's
 * time per call. Groups of 1 time each call on its own; units of a few microseconds (the exact
 * engine's steps) are timed in groups, since a lone call is then mostly timer and scheduling jitter.
 */
function timeUnits(n: number, unit: (k: number) => void, group = 1): Chunk {
  let best = Infinity;
  let total = 0;
  for (let k = 0; k < n; k += group) {
    const m = Math.min(group, n - k);
    const t0 = now();
    for (let q = 0; q < m; q++) unit(k + q);
    const ms = now() - t0;
    best = Math.min(best, ms / m);
    total += ms;
  }
  return { best, mean: total / n };
}

/** Exact-engine GD steps per timed group (see timeUnits). */
const EXACT_GROUP = 10;

/** GD on a Relief engine from p0; chunk(n) runs n steps, each timed on its own. */
function reliefStepper(engine: string, data: Dataset, H: number, p0: Float64Array) {
  const f: Objective = engines.get(engine)!.createObjective(reluSpec(H), data);
  const p = p0.slice();
  const g = new Float64Array(p.length);
  const loss: number[] = [];
  const step = () => {
    loss.push(f.lossGrad(p, g));
    for (let i = 0; i < p.length; i++) p[i]! -= LR * g[i]!;
  };
  return {
    loss,
    chunk: (n: number): Chunk => timeUnits(n, step, engine === 'exact' ? EXACT_GROUP : 1),
    final: () => f.loss(p),
  };
}

/** Loss after k steps of Relief dense (the reference curve), k = 0..STEPS. */
function referenceCurve(data: Dataset, H: number, p0: Float64Array): Float64Array {
  const s = reliefStepper('dense', data, H, p0);
  s.chunk(STEPS);
  return Float64Array.from([...s.loss, s.final()]);
}

async function workloadA(data: Dataset, H: number, p0: Float64Array, py: PyPeer | null, taskIndex: number) {
  const ref = referenceCurve(data, H, p0);
  const exactRef = reliefStepper('exact', data, H, p0);
  exactRef.chunk(STEPS);
  // A run's first thousands of exact steps take a few milliseconds, less than V8 needs to move the
  // WebAssembly kernels to their optimised tier; warm them up as a longer run would.
  reliefStepper('exact', data, H, p0).chunk(quick ? 500 : 5000);
  const exactCurve = [...exactRef.loss, exactRef.final()];
  const rows: Row[] = [];
  const denseAll: Chunk[] = [];
  const exactChunks: Chunk[] = [];
  let denseSteps = 0;
  let exactSteps = 0;
  let denseInNumpyPhase = NaN;

  /** Interleaves `chunks` rounds of (Relief dense chunk, peer chunk); returns both series. */
  async function phase(
    chunk: number,
    chunks: number,
    peer: (n: number) => Promise<Chunk>,
    withExact = false,
  ) {
    const dense = reliefStepper('dense', data, H, p0);
    const exact = reliefStepper('exact', data, H, p0);
    dense.chunk(20); // compile before timing
    exact.chunk(20);
    const d: Chunk[] = [];
    const q: Chunk[] = [];
    for (let c = 0; c < chunks; c++) {
      d.push(dense.chunk(chunk));
      denseSteps += chunk;
      if (withExact) {
        exactChunks.push(exact.chunk(chunk));
        exactSteps += chunk;
      }
      q.push(await peer(chunk));
    }
    denseAll.push(...d);
    if (withExact) denseInNumpyPhase = bestOf(d);
    return { d, q };
  }
  const peerRow = (tool: string, r: { d: Chunk[]; q: Chunk[] }, steps: number, loss: number) =>
    rows.push({
      tool,
      units: steps,
      bestMs: bestOf(r.q),
      meanMs: meanOf(r.q),
      vsDense: bestOf(r.q) / bestOf(r.d),
      finalLoss: loss,
      check: rel(loss, ref[steps]!),
    });

  if (py) {
    const plan = GD_PLAN.numpy!;
    const gd = (lib: string) => async (n: number) => {
      const r = await py.request<{ ms: number; bestMs: number }>({
        op: 'gd',
        lib,
        task: taskIndex,
        steps: n,
      });
      return { best: r.bestMs, mean: r.ms / n };
    };
    const loss = async (lib: string) =>
      (await py.request<{ loss: number }>({ op: 'loss', lib, task: taskIndex })).loss;
    const r = await phase(plan.chunk, plan.chunks, gd('numpy'), true);
    peerRow(`numpy ${py.numpy}`, r, plan.chunk * plan.chunks, await loss('numpy'));
    if (py.torch) {
      const tp = GD_PLAN.torch!;
      const t = await phase(tp.chunk, tp.chunks, gd('torch'));
      peerRow(`torch ${py.torch} (${py.torchThreads} thread)`, t, tp.chunk * tp.chunks, await loss('torch'));
    }
  } else {
    // No python: time exact alongside dense on its own.
    await phase(50, STEPS / 50, async () => ({ best: 0, mean: 0 }), true);
  }
  for (const backend of ['wasm', 'cpu'] as TfBackend[]) {
    await useBackend(backend);
    const plan = GD_PLAN[`tfjs-${backend}`]!;
    createTfGd(data.x, data.y, H, p0, LR).steps(2); // compile/warm the backend's kernels
    const tg = createTfGd(data.x, data.y, H, p0, LR);
    const r = await phase(plan.chunk, plan.chunks, async (n) => timeUnits(n, () => tg.steps(1)));
    peerRow(`tfjs-${backend} 4.22 (float32)`, r, plan.chunk * plan.chunks, tg.loss());
    tg.dispose();
  }
  const dense: Row = {
    tool: 'Relief dense',
    units: denseSteps,
    bestMs: bestOf(denseAll),
    meanMs: meanOf(denseAll),
    vsDense: 1,
    finalLoss: ref[STEPS]!,
    note: 'steps from all phases',
  };
  const exact: Row = {
    tool: 'Relief exact',
    units: exactSteps,
    bestMs: bestOf(exactChunks),
    meanMs: meanOf(exactChunks),
    vsDense: bestOf(exactChunks) / denseInNumpyPhase,
    finalLoss: exactCurve[STEPS]!,
    check: exactCurve.reduce((w, l, k) => Math.max(w, rel(l, ref[k]!)), 0),
    note: 'max over the whole loss curve',
  };
  return [dense, exact, ...rows];
}

/**
 * Grid row i on a Relief engine, values into out: one lossPlane call per point, each timed (`point`),
 * or one call for the row (`row`: the exact engine's points take microseconds and carry each other's
 * splits and unit order, as in a real grid).
 */
function reliefRow(
  engine: string,
  data: Dataset,
  plane: LossPlane,
  out: Float64Array,
  mode: 'point' | 'row',
) {
  const e = engines.get(engine)!;
  const cols = plane.alphas.length;
  const one = new Float64Array(1);
  const rowOut = new Float64Array(cols);
  if (mode === 'row')
    return (i: number): Chunk => {
      const t = timeUnits(1, () =>
        e.lossPlane!(reluSpec(256), data, { ...plane, betas: plane.betas.subarray(i, i + 1) }, 0, 1, rowOut),
      );
      out.set(rowOut, i * cols);
      return { best: t.best / cols, mean: t.mean / cols };
    };
  return (i: number): Chunk =>
    timeUnits(cols, (j) => {
      const point = {
        ...plane,
        alphas: plane.alphas.subarray(j, j + 1),
        betas: plane.betas.subarray(i, i + 1),
      };
      e.lossPlane!(reluSpec(256), data, point, 0, 1, one);
      out[i * cols + j] = one[0]!;
    });
}

async function workloadB(data: Dataset, plane: LossPlane, py: PyPeer | null, taskIndex: number) {
  const points = GRID * GRID;
  const dense = new Float64Array(points);
  const exact = new Float64Array(points);
  const denseRow = reliefRow('dense', data, plane, dense, 'point');
  const exactRow = reliefRow('exact', data, plane, exact, 'row');
  denseRow(0); // compile
  exactRow(0);
  const d: Chunk[] = [];
  const ex: Chunk[] = [];
  const peers: Record<string, { q: Chunk[]; values: number[]; d: Chunk[] }> = {};
  for (let i = 0; i < GRID; i++) {
    d.push(denseRow(i));
    ex.push(exactRow(i));
    if (py && i < PY_GRID_ROWS)
      for (const lib of py.torch ? ['numpy', 'torch'] : ['numpy']) {
        const r = await py.request<{ ms: number; bestMs: number; values: number[] }>({
          op: 'grid',
          lib,
          task: taskIndex,
          row: i,
        });
        const s = (peers[lib] ??= { q: [], values: [], d: [] });
        s.q.push({ best: r.bestMs, mean: r.ms / GRID });
        s.values.push(...r.values);
        s.d.push(d[i]!);
      }
  }
  const rows: Row[] = [
    {
      tool: 'Relief dense',
      units: points,
      bestMs: bestOf(d),
      meanMs: meanOf(d),
      vsDense: 1,
      note: '1 thread',
    },
    {
      tool: 'Relief exact',
      units: points,
      bestMs: bestOf(ex),
      meanMs: meanOf(ex),
      vsDense: bestOf(ex) / bestOf(d),
      check: maxRelDiff(exact, dense),
    },
  ];
  for (const [lib, s] of Object.entries(peers))
    rows.push({
      tool: lib === 'numpy' ? `numpy ${py!.numpy}` : `torch ${py!.torch}`,
      units: s.values.length,
      bestMs: bestOf(s.q),
      meanMs: meanOf(s.q),
      vsDense: bestOf(s.q) / bestOf(s.d),
      check: maxRelDiff(s.values, dense),
      note: `first ${PY_GRID_ROWS} rows`,
    });
  for (const backend of ['wasm', 'cpu'] as TfBackend[]) {
    await useBackend(backend);
    const plan = TF_GRID_PLAN[backend];
    const grid = createTfGrid(data.x, data.y, 256, plane);
    grid.points(0, 2); // warm
    const q: Chunk[] = [];
    const dd: Chunk[] = [];
    const values: number[] = [];
    for (let c = 0; c < plan.chunks; c++) {
      dd.push(denseRow(c));
      q.push(timeUnits(plan.chunk, (k) => values.push(...grid.points(c * plan.chunk + k, 1))));
    }
    grid.dispose();
    rows.push({
      tool: `tfjs-${backend} 4.22 (float32)`,
      units: values.length,
      bestMs: bestOf(q),
      meanMs: meanOf(q),
      vsDense: bestOf(q) / bestOf(dd),
      check: maxRelDiff(values, dense),
      note: `first ${values.length} points`,
    });
  }
  return rows;
}

function maxRelDiff(values: ArrayLike<number>, ref: Float64Array): number {
  let worst = 0;
  for (let k = 0; k < values.length; k++) worst = Math.max(worst, rel(values[k]!, ref[k]!));
  return worst;
}

/** Best single GD step (and one-off setup) over `budget` seconds of steps. */
function stepTime(engine: string, data: Dataset, H: number, budget: number) {
  const c0 = now();
  const s = reliefStepper(engine, data, H, seed001Params(H));
  const createMs = now() - c0;
  s.chunk(3);
  let best = Infinity;
  let steps = 0;
  const t0 = now();
  while (steps < 3 || (steps < 2000 && now() - t0 < budget * 1000)) {
    best = Math.min(best, s.chunk(1).best);
    steps++;
  }
  return { createMs, msPerStep: best, steps };
}

const pad = (s: string, n: number, right = false): string => (right ? s.padStart(n) : s.padEnd(n));
const fmt = (v: number, digits = 3): string =>
  v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(digits);

function table(title: string, rows: Row[], unit: string): string {
  const lines = [
    `\n${title}`,
    `${pad('tool', 30)}${pad(`${unit}s`, 7, true)}${pad(`best ms/${unit}`, 15, true)}${pad(`mean ms/${unit}`, 15, true)}` +
      `${pad('x dense', 10, true)}${pad('final loss', 14, true)}${pad('vs dense', 10, true)}`,
  ];
  for (const r of rows)
    lines.push(
      `${pad(r.tool, 30)}${pad(String(r.units), 7, true)}${pad(fmt(r.bestMs), 15, true)}${pad(fmt(r.meanMs), 15, true)}` +
        `${pad(fmt(r.vsDense), 10, true)}${pad(r.finalLoss === undefined ? '' : r.finalLoss.toPrecision(8), 14, true)}` +
        `${pad(r.check === undefined ? '' : r.check.toExponential(1), 10, true)}${r.note ? `  ${r.note}` : ''}`,
    );
  const text = lines.join('\n');
  console.log(text);
  return text;
}

/** Runs one of the workloads A64, A256, B in this process; returns its JSON. */
async function part(name: string): Promise<unknown> {
  const data = benchData(N);
  const pyPath = findPython();
  const hs = [64, 256];
  const params = Object.fromEntries(hs.map((H) => [H, seed001Params(H)]));
  const plane = benchPlane(params[256]!, GRID);
  const tasks = [
    ...hs.map((H) => ({ kind: 'gd', H, lr: LR, params: Array.from(params[H]!) })),
    {
      kind: 'grid',
      H: 256,
      center: Array.from(plane.center),
      d1: Array.from(plane.d1),
      d2: Array.from(plane.d2),
      alphas: Array.from(plane.alphas),
      betas: Array.from(plane.betas),
    },
  ];
  const py = pyPath ? await startPyPeer(pyPath, here, data.x, data.y, tasks) : null;
  try {
    if (name === 'A64' || name === 'A256') {
      const H = name === 'A64' ? 64 : 256;
      return await workloadA(data, H, params[H]!, py, hs.indexOf(H));
    }
    const rows = await workloadB(data, plane, py, 2);
    const big = benchPlane(params[256]!, 201);
    const row201 = reliefRow('exact', data, big, new Float64Array(201 * 201), 'row');
    const t201 = now();
    const rows201 = Array.from({ length: 201 }, (_, i) => row201(i));
    return { rows, seconds201: (now() - t201) / 1000, best201: (bestOf(rows201) * 201 * 201) / 1000 };
  } finally {
    py?.close();
  }
}

/** Runs a part in a child process (same flags) and parses its JSON. */
function runPart<T>(name: string): T {
  const r = spawnSync(
    process.execPath,
    [
      '--no-concurrent-recompilation',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--part',
      name,
      ...(quick ? ['--quick'] : []),
    ],
    { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  if (r.status !== 0) throw new Error(`bench part ${name} failed`);
  return JSON.parse(r.stdout) as T;
}

async function main(): Promise<void> {
  const partIndex = process.argv.indexOf('--part');
  if (partIndex >= 0) {
    process.stdout.write(JSON.stringify(await part(process.argv[partIndex + 1]!)));
    return;
  }
  const started = now();
  const data = benchData(N);
  const pyPath = findPython();
  log(`python: ${pyPath ?? 'none'}${quick ? ' (quick run)' : ''}`);
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
      python: pyPath,
    },
    // Other processes slow every tool; interleaving keeps the ratios fair, not the absolute times.
    loadAverageAtStart: os.loadavg(),
  };
  const tables: string[] = [];
  const hs = [64, 256];

  // Workloads A and B run in child processes, one per network shape, as a Relief worker runs one
  // experiment: V8 specialises a kernel used by one network shape, not one shared by several.
  const A: Record<string, Row[]> = {};
  for (const H of hs) {
    log(`workload A, H=${H} ...`);
    A[`H${H}`] = runPart<Row[]>(`A${H}`);
    tables.push(table(`A: full-batch GD, 1-${H}-1 ReLU, N=${N}, lr ${LR} (per step)`, A[`H${H}`]!, 'step'));
  }
  report.A = A;
  log('workload B ...');
  const b = runPart<{ rows: Row[]; seconds201: number; best201: number }>('B');
  tables.push(table(`B: ${GRID}x${GRID} loss grid at H=256, N=${N} (per grid point)`, b.rows, 'point'));
  const B = b.rows;
  const best201 = b.best201;
  const line201 =
    `exact engine, 201x201 grid at H=256, N=${N}, 1 thread: ${b.seconds201.toFixed(3)} s ` +
    `(${best201.toFixed(3)} s at the fastest row's pace)`;
  console.log(line201);
  tables.push(line201);
  report.B = { grid51: B, exact201: { seconds: b.seconds201, bestPaceSeconds: best201 } };

  log('workload C ...');
  const budget = quick ? 0.05 : 0.4;
  const nSizes = quick ? [1e3, 1e4, 1e5] : [1e3, 1e4, 1e5, 1e6];
  const hSizes = quick ? [16, 64, 256] : [16, 64, 256, 1024, 4096];
  const C: Record<string, { sizes: number[]; ms: number[]; createMs: number[]; exponent: number }> = {};
  const cLines = [`\nC: time per GD step (ms, fastest step), fitted growth exponent t ~ size^k`];
  for (const engine of ['dense', 'exact']) {
    const sweeps = [
      {
        key: `${engine}-N`,
        label: `${engine}, H=64, N =`,
        sizes: nSizes,
        run: (n: number) => stepTime(engine, benchData(n), 64, budget),
      },
      {
        key: `${engine}-H`,
        label: `${engine}, N=${N}, H =`,
        sizes: hSizes,
        run: (h: number) => stepTime(engine, data, h, budget),
      },
    ];
    for (const sw of sweeps) {
      const rs = sw.sizes.map(sw.run);
      const c = {
        sizes: sw.sizes,
        ms: rs.map((r) => r.msPerStep),
        createMs: rs.map((r) => r.createMs),
        exponent: growthExponent(
          sw.sizes,
          rs.map((r) => r.msPerStep),
        ),
      };
      C[sw.key] = c;
      cLines.push(
        `${pad(sw.label, 24)} ` +
          c.sizes.map((s, k) => `${s}: ${fmt(c.ms[k]!)}`).join('  ') +
          `   k = ${c.exponent.toFixed(2)}` +
          (sw.key === 'exact-N' ? `  (one-off sort: ${c.createMs.map((m) => fmt(m)).join(', ')} ms)` : ''),
      );
    }
  }
  console.log(cLines.join('\n'));
  tables.push(cLines.join('\n'));
  report.C = C;

  log('memory check (separate process) ...');
  const mem = spawnSync(
    process.execPath,
    ['--no-concurrent-recompilation', '--import', 'tsx', path.join(here, 'memory.ts'), quick ? '5' : '41'],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    },
  );
  if (mem.status === 0) {
    const m = JSON.parse(mem.stdout) as {
      peakRssMB: number;
      dense: { points: number; secondsPerPoint: number };
      exact: { seconds: number };
    };
    report.memory = m;
    const fullMin = (401 * 401 * m.dense.secondsPerPoint) / 60;
    const ml =
      `\nMemory, 401x401 grid at H=256, N=100,000 (separate process): peak RSS ${m.peakRssMB} MB (limit 200).\n` +
      `  dense: ${m.dense.points} points at ${(1000 * m.dense.secondsPerPoint).toFixed(0)} ms each ` +
      `(full grid ~${fullMin.toFixed(0)} min on 1 thread); exact: full grid in ${m.exact.seconds.toFixed(2)} s`;
    console.log(ml);
    tables.push(ml);
  } else log(`memory check failed: ${mem.stderr}`);

  // Targets: fastest-unit ratios from the interleaved phases.
  const targets: { name: string; measured: number | null; target: string; met: boolean | null }[] = [];
  const vs = (rows: Row[], prefix: string) => rows.find((r) => r.tool.startsWith(prefix))?.vsDense ?? null;
  const add = (name: string, v: number | null, minRatio: number) =>
    targets.push({ name, measured: v, target: `>= ${minRatio}x`, met: v === null ? null : v >= minRatio });
  for (const H of hs) {
    const rows = A[`H${H}`]!;
    add(`dense GD vs numpy, H=${H}`, vs(rows, 'numpy'), 4);
    add(`dense GD vs tfjs-wasm, H=${H}`, vs(rows, 'tfjs-wasm'), 10);
    const np = rows.find((r) => r.tool.startsWith('numpy'));
    const ex = rows.find((r) => r.tool === 'Relief exact')!;
    // numpy and exact chunks ran in the same interleaved phase.
    add(`exact GD vs numpy, H=${H}`, np ? np.bestMs / ex.bestMs : null, 1000);
  }
  add('dense grid vs numpy, H=256', vs(B, 'numpy'), 5);
  targets.push({
    name: '201x201 exact grid, H=256, N=10,000 (s)',
    measured: best201,
    target: '< 1 s',
    met: best201 < 1,
  });
  const tl = ['\nTargets (fastest-step/point ratios from interleaved phases)'];
  for (const t of targets)
    tl.push(
      `${pad(t.name, 42)}${pad(t.measured === null ? 'n/a' : fmt(t.measured), 10, true)}  ${pad(t.target, 8)} ` +
        (t.met === null ? 'not measured' : t.met ? 'met' : 'NOT met'),
    );
  console.log(tl.join('\n'));
  tables.push(tl.join('\n'));
  report.targets = targets;
  report.table = tables.join('\n');
  report.benchSeconds = (now() - started) / 1000;
  report.loadAverageAtEnd = os.loadavg();

  // A quick run is a smoke test: its numbers are not kept.
  const outFile = quick
    ? path.join(os.tmpdir(), 'relief-bench-quick.json')
    : path.join(here, 'results', 'latest.json');
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(report, null, 1) + '\n');
  log(`done in ${(report.benchSeconds as number).toFixed(0)} s; wrote ${outFile}`);

  // The end-to-end section: command lines as a user types them, and the multi-core table.
  const e2e = spawnSync(
    process.execPath,
    [...process.execArgv, path.join(here, 'endToEnd.ts'), ...process.argv.slice(2)],
    {
      stdio: 'inherit',
    },
  );
  if (e2e.status !== 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
