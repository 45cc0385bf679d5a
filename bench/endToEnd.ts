/**
 * The end-to-end section of `npm run bench` (also `npm run bench:e2e`; `-- --quick` for a smoke run):
 * the CLI command lines exactly as a user types them (`npm run -s relief -- ...`, built CLI, worker
 * pool), against numpy scripts run the same way (`python3 bench/numpyGd.py FILE --out OUT`), with npm's
 * own floor (`npm run -s env`) for start-up. Then the multi-core table: the same command with
 * `--workers 1` and `--workers 2` (a 201x201 dense grid, a 64-start census). Writes
 * bench/results/endToEnd.json. Not a test: it asserts nothing.
 *
 * Every command runs several times, interleaved with the command it is compared with, so both see the
 * same background load on a shared machine; "best" is the fastest wall time (least disturbed), "cpu"
 * the mean user+system CPU seconds of the whole process tree (from /usr/bin/time when it exists).
 * The GPU rows are figures measured elsewhere (issue 16), recorded for reference, not run here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { ensureCliBuilt } from '../scripts/cliBuild.mjs';
import { benchData } from './setup';

const quick = process.argv.includes('--quick');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const work = mkdtempSync(path.join(os.tmpdir(), 'relief-e2e-bench-'));
const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const log = (s: string): void => void process.stderr.write(s + '\n');

interface Sample {
  wall: number;
  cpu: number | null;
}

/** Runs one command line through bash in the repository, as typed; throws if it fails. */
function runLine(line: string): Sample {
  const cpuFile = path.join(work, 'cpu.txt');
  const argv = timeBin ? [timeBin, '-o', cpuFile, '-f', '%U %S', 'bash', '-c', line] : ['bash', '-c', line];
  const t0 = performance.now();
  const r = spawnSync(argv[0]!, argv.slice(1), {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const wall = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`failed (${r.status}): ${line}\n${r.stderr}`);
  let cpu: number | null = null;
  if (timeBin) {
    const parts = readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    cpu = parts[0]! + parts[1]!;
  }
  return { wall, cpu };
}

interface Measured {
  label: string;
  command: string;
  best: number;
  mean: number;
  cpu: number | null;
  runs: number;
}

/** Runs the commands round-robin `repeats` times (a, b, a, b, ...), after one untimed round if `warm`. */
function interleaved(
  commands: { label: string; command: string }[],
  repeats: number,
  warm = false,
): Measured[] {
  const samples = commands.map(() => [] as Sample[]);
  if (warm) for (const c of commands) runLine(c.command); // the file cache, for the short start-up commands
  for (let k = 0; k < repeats; k++)
    commands.forEach((c, i) => {
      const s = runLine(c.command);
      samples[i]!.push(s);
      log(`  ${c.label}: ${s.wall.toFixed(2)} s wall${s.cpu === null ? '' : `, ${s.cpu.toFixed(2)} s cpu`}`);
    });
  return commands.map((c, i) => {
    const s = samples[i]!;
    const cpus = s.map((x) => x.cpu).filter((x): x is number => x !== null);
    return {
      ...c,
      best: Math.min(...s.map((x) => x.wall)),
      mean: s.reduce((a, x) => a + x.wall, 0) / s.length,
      cpu: cpus.length ? cpus.reduce((a, x) => a + x, 0) / cpus.length : null,
      runs: s.length,
    };
  });
}

// ---- Workload files (written once into a temp folder) ----------------------------------------------

const data = benchData(10_000);
const xs = Array.from(data.x);
const ys = Array.from(data.y);
function writeExperiment(name: string, doc: object): string {
  const f = path.join(work, name);
  writeFileSync(f, JSON.stringify(doc));
  return f;
}
const gdDoc = (engine: 'auto' | 'dense', steps: number) => ({
  relief: 1,
  name: 'GD 1-256-1, N = 10,000',
  seed: 1,
  data: { target: { expr: 'sin(3*x) + 0.3*x^2' }, train: { x: xs, y: ys } },
  model: {
    inputs: 1,
    hidden: [256],
    activation: 'relu',
    init: { weights: { dist: 'normal', std: 1 }, bias: { const: 0 } },
  },
  engine,
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps }],
});
const STEPS = quick ? 50 : 500;
const gdAuto = writeExperiment('gd-auto.json', gdDoc('auto', STEPS));
const gdDense = writeExperiment('gd-dense.json', gdDoc('dense', STEPS));
const GRID = quick ? 61 : 201;
const exactGrid = writeExperiment('grid-exact.json', {
  ...gdDoc('auto', 1),
  landscape: {
    center: 'init',
    directions: { kind: 'random', seed: 7 },
    resolution: [GRID, GRID],
    critical: false,
  },
});
const denseGridN = 2000;
const DENSE_H = quick ? 64 : 256;
const denseGrid = writeExperiment('grid-dense.json', {
  ...gdDoc('dense', 1),
  name: `dense 1-${DENSE_H}-1, N = 2,000`,
  data: {
    target: { expr: 'sin(3*x) + 0.3*x^2' },
    train: { x: xs.slice(0, denseGridN), y: ys.slice(0, denseGridN) },
  },
  model: { inputs: 1, hidden: [DENSE_H], activation: 'relu' },
  landscape: {
    center: 'init',
    directions: { kind: 'random', seed: 7 },
    resolution: [GRID, GRID],
    critical: false,
  },
});
const INITS = quick ? 8 : 64;
const CENSUS_STEPS = quick ? 200 : 1000;
const census = writeExperiment('census.json', {
  relief: 1,
  name: 'census 1-16-1, N = 200',
  seed: 1,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 200 } },
  model: { inputs: 1, hidden: [16], activation: 'tanh' },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.05 }, steps: CENSUS_STEPS }],
});
const out = (name: string) => path.join(work, name);
const relief = (args: string) => `npm run -s relief -- ${args}`;

function pythonWithNumpy(): string | null {
  for (const py of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(py, ['-c', 'import numpy'], { stdio: 'ignore' });
    if (r.status === 0) return py;
  }
  return null;
}

// ---- Tables ------------------------------------------------------------------------------------------

const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));
const sec = (x: number | null) => (x === null ? 'n/a' : x < 10 ? x.toFixed(2) : x.toFixed(1));

function table(title: string, rows: Measured[], ratioTo?: (r: Measured) => string): string {
  const lines = [
    `\n${title}`,
    `${pad('what', 44)}${pad('best s', 9, true)}${pad('mean s', 9, true)}${pad('cpu s', 9, true)}  ${ratioTo ? 'ratio  ' : ''}command`,
  ];
  for (const r of rows)
    lines.push(
      `${pad(r.label, 44)}${pad(sec(r.best), 9, true)}${pad(sec(r.mean), 9, true)}${pad(sec(r.cpu), 9, true)}  ` +
        `${ratioTo ? pad(ratioTo(r), 7) : ''}${r.command.replace(work + '/', '')}`,
    );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const started = performance.now();
  log(`end-to-end bench${quick ? ' (quick)' : ''}: building the CLI if a source changed`);
  await ensureCliBuilt();
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    quick,
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    loadAverageAtStart: os.loadavg(),
  };
  const tables: string[] = [];

  log('start-up: npm run -s env, --help, validate a 10,000-sample file');
  const startup = interleaved(
    [
      { label: "npm's floor (npm run -s env)", command: 'npm run -s env' },
      { label: 'relief --help', command: relief('--help') },
      { label: 'relief validate (10,000 samples, 390 kB)', command: relief(`validate ${gdAuto}`) },
    ],
    quick ? 2 : 7,
    true,
  );
  const floor = startup[0]!;
  tables.push(
    table(
      'Start-up (ratio: best wall time over npm run -s env)',
      startup,
      (r) => `${(r.best / floor.best).toFixed(2)}x`,
    ),
  );

  log(`GD ${STEPS} steps, 1-256-1, N = 10,000, end to end`);
  const py = pythonWithNumpy();
  const gdCommands = [
    {
      label: 'relief run, engine auto (exact)',
      command: relief(`run ${gdAuto} --out ${out('auto.json')} --quiet`),
    },
    {
      label: 'relief run, engine dense',
      command: relief(`run ${gdDense} --out ${out('dense.json')} --quiet`),
    },
  ];
  if (py)
    gdCommands.push({
      label: 'numpy script',
      command: `${py} bench/numpyGd.py ${gdAuto} --out ${out('np.json')}`,
    });
  const gd = interleaved(gdCommands, quick ? 1 : 3);
  const numpy = gd.find((r) => r.label === 'numpy script');
  tables.push(
    table(
      `GD ${STEPS} steps, 1-256-1 ReLU, N = 10,000, end to end (ratio: numpy's best over this best)`,
      gd,
      (r) => (numpy ? `${(numpy.best / r.best).toFixed(1)}x` : 'n/a'),
    ),
  );

  log(`${GRID}x${GRID} exact grid at H = 256, N = 10,000, end to end`);
  const exact = interleaved(
    [
      {
        label: `relief landscape ${GRID}x${GRID}, exact, H=256`,
        command: relief(`landscape ${exactGrid} --out ${out('exact.json')} --quiet`),
      },
    ],
    quick ? 1 : 3,
  );
  tables.push(table('Exact grid end to end', exact));

  const gpu = [
    'GD 500 steps 1-256-1 N=10k, float64, hand-written gradients   0.096 s',
    'GD 500 steps 1-256-1 N=10k, float64, autograd                  0.323 s',
    'grid 201x201 at H=256, N=10k, float64                          1.32 s',
    'grid 201x201 at H=256, N=10k, float32                          0.87 s',
  ];
  tables.push(
    '\nReference, NOT measured here: NVIDIA H200 with torch 2.11 (figures from issue 16, measured elsewhere)\n' +
      gpu.map((g) => `  ${g}`).join('\n'),
  );

  log('multi-core: --workers 1 against --workers 2');
  const multi: { label: string; one: Measured; two: Measured }[] = [];
  for (const [label, args] of [
    [
      `${GRID}x${GRID} dense grid (1-${DENSE_H}-1, N = 2,000)`,
      `landscape ${denseGrid} --out ${out('grid.json')} --quiet`,
    ],
    [
      `census, ${INITS} starts (1-16-1, ${CENSUS_STEPS} GD steps)`,
      `census ${census} --inits ${INITS} --out ${out('census-out.json')} --quiet`,
    ],
  ] as const) {
    const [one, two] = interleaved(
      [
        { label: `${label}, 1 worker`, command: relief(`${args} --workers 1`) },
        { label: `${label}, 2 workers`, command: relief(`${args} --workers 2`) },
      ],
      quick ? 1 : 3,
    );
    multi.push({ label, one: one!, two: two! });
  }
  const ml = [
    '\nMulti-core (best wall time; speed-up = 1 worker over 2 workers)',
    `${pad('what', 48)}${pad('1 worker s', 12, true)}${pad('2 workers s', 13, true)}${pad('speed-up', 10, true)}`,
  ];
  for (const m of multi)
    ml.push(
      `${pad(m.label, 48)}${pad(sec(m.one.best), 12, true)}${pad(sec(m.two.best), 13, true)}${pad(`${(m.one.best / m.two.best).toFixed(2)}x`, 10, true)}`,
    );
  tables.push(ml.join('\n'));

  const byLabel = (l: string) => [...startup, ...gd].find((r) => r.label === l);
  const targets = [
    {
      name: 'auto engine vs numpy, end to end',
      measured: numpy ? numpy.best / byLabel(gdCommands[0]!.label)!.best : null,
      target: '>= 5x',
      ok: (x: number) => x >= 5,
    },
    {
      name: 'dense engine vs numpy, end to end',
      measured: numpy ? numpy.best / byLabel(gdCommands[1]!.label)!.best : null,
      target: '>= 2x',
      ok: (x: number) => x >= 2,
    },
    {
      name: '--help over npm run -s env',
      measured: startup[1]!.best / floor.best,
      target: '<= 2.5x',
      ok: (x: number) => x <= 2.5,
    },
    {
      name: 'validate 10k samples over npm run -s env',
      measured: startup[2]!.best / floor.best,
      target: '<= 3.5x',
      ok: (x: number) => x <= 3.5,
    },
    ...multi.map((m) => ({
      name: `2-worker speed-up: ${m.label.split(' (')[0]}`,
      measured: m.one.best / m.two.best,
      target: '>= 1.7x',
      ok: (x: number) => x >= 1.7,
    })),
  ];
  const tl = ['\nTargets (end to end)'];
  for (const t of targets)
    tl.push(
      `${pad(t.name, 50)}${pad(t.measured === null ? 'n/a' : `${t.measured.toFixed(2)}x`, 9, true)}  ${pad(t.target, 8)} ${t.measured === null ? 'not measured' : t.ok(t.measured) ? 'met' : 'NOT met'}`,
    );
  tables.push(tl.join('\n'));

  const text = tables.join('\n');
  console.log(text);
  Object.assign(report, {
    startup,
    gd,
    exact,
    multi,
    gpuReference: gpu,
    targets: targets.map(({ ok, ...t }) => ({ ...t, met: t.measured === null ? null : ok(t.measured) })),
    table: text,
    seconds: (performance.now() - started) / 1000,
    loadAverageAtEnd: os.loadavg(),
  });
  const outFile = quick
    ? path.join(os.tmpdir(), 'relief-bench-e2e-quick.json')
    : path.join(here, 'results', 'endToEnd.json');
  mkdirSync(path.dirname(outFile), { recursive: true });
  writeFileSync(outFile, JSON.stringify(report, null, 1) + '\n');
  log(`done in ${(report.seconds as number).toFixed(0)} s; wrote ${outFile}`);
}

main()
  .catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  })
  .finally(() => rmSync(work, { recursive: true, force: true }));
