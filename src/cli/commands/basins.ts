/**
 * `relief basins` and `relief critical`: the surface jobs (`basins`, `surfaceCritical`) from the command
 * line, each grid split by rows over the worker pool and reassembled in row order.
 */
import { defaultOf } from '../../core/experiment/defaults';
import {
  basinsPayloadSchema,
  matchKnown,
  surfaceCriticalPayloadSchema,
} from '../../core/surface/surfaceJobs';
import { mergeCriticalPoints } from '../../core/surface/critical';
import { loadExperiment } from '../../node/experimentFile';
import { splitRange } from '../../core/pipeline/plan';
import { resultHeader } from '../analysisSupport';
import { CliError } from '../cliError';
import type { CliCommand } from '../command';
import { writeJsonAtomic } from '../jsonOut';
import { createJobRunner, workersOption } from '../pool';
import { createProgress } from '../progress';

/** Row ranges per grid: enough to keep every worker busy; the pool queues the rest. */
const PARTS = 8;

export const basinsCommand: CliCommand = {
  name: 'basins',
  summary: 'Basin-of-attraction map of a surface model: where each start of a grid ends',
  usage:
    'relief basins FILE --out BASINS.json [--run NAME] [--n N] [--max-steps K] [--critical-n M]\n' +
    '                [--workers N] [--inline] [--quiet]\n' +
    "  Runs every start of an N x N grid of cell centres over the model's window through one method (the\n" +
    "  run's optimizer with --run, else the plain Newton iteration on the gradient) and labels it by the\n" +
    '  critical point it ends at. Writes {"window","n","method","points","label","steps","final"} with\n' +
    '  label[i*N + j] for the start (a_j, b_i): an index into points, -1 none, -2 diverged; steps -1: the\n' +
    '  budget ran out. Surface models only (model.kind "surface").',
  args: ['FILE'],
  requiredOptions: ['out'],
  options: {
    out: { type: 'string', short: 'o' },
    run: { type: 'string' },
    n: { type: 'string' },
    'max-steps': { type: 'string' },
    'critical-n': { type: 'string' },
    workers: { type: 'string' },
    inline: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run([file], v) {
    const out = v.out as string;
    const { experiment, text } = loadExperiment(file!);
    requireSurface(experiment.model.kind, 'basins');
    const n = intOption(v.n, 'n', 1, 1000) ?? defaultOf(basinsPayloadSchema.shape.n)!;
    const payload = {
      experiment,
      n,
      ...(typeof v.run === 'string' ? { run: v.run } : {}),
      ...optional('maxSteps', intOption(v['max-steps'], 'max-steps', 1, 100_000)),
      ...optional('criticalN', intOption(v['critical-n'], 'critical-n', 1, 1000)),
    };
    const runner = createJobRunner({ inline: v.inline === true, workers: workersOption(v.workers) });
    const progress = createProgress(process.stderr, v.quiet === true);
    try {
      const rowsDone = new Map<number, number>();
      const report = () => progress.update('basins', [...rowsDone.values()].reduce((a, b) => a + b, 0) / n);
      const all = await Promise.all(
        splitRange(n, PARTS).map(([s, e], k) =>
          runner.run('basins', { ...payload, rows: [s, e] }, (f) => {
            rowsDone.set(k, f * (e - s));
            report();
          }),
        ),
      );
      const first = all[0]!;
      const N = n;
      const label = all.flatMap((r) => Array.from(r.label));
      const steps = all.flatMap((r) => Array.from(r.steps));
      const finals = all.flatMap((r) => Array.from(r.final));
      const counts = new Map<number, number>();
      for (const l of label) counts.set(l, (counts.get(l) ?? 0) + 1);
      progress.done(
        'basins',
        `${N}x${N} starts, ${first.method}: ${first.points.length} critical points, ${
          [...counts.entries()].filter(([l]) => l >= 0).length
        } reached, ${counts.get(-1) ?? 0} none, ${counts.get(-2) ?? 0} diverged`,
      );
      progress.finish();
      writeJsonAtomic(out, {
        ...resultHeader('basins', file!, text, experiment),
        window: first.window,
        n: N,
        method: first.method,
        points: first.points,
        label,
        steps,
        final: finals,
      });
      process.stderr.write(`wrote ${out}\n`);
      return 0;
    } finally {
      await runner.close();
    }
  },
};

export const criticalCommand: CliCommand = {
  name: 'critical',
  summary: 'Every critical point of a surface model in its window, classified as analyze does',
  usage:
    'relief critical FILE --out CRITICAL.json [--n N] [--workers N] [--inline] [--quiet]\n' +
    '  Newton on the gradient from an N x N grid of starts over the model’s window; writes\n' +
    '  {"window","n","points":[{"at","kind","index","value","eig","gradNorm","critical","hits"}],"known",\n' +
    '  "knownFound"}: knownFound[i] is the index in points of the gallery’s known point i, or -1.\n' +
    '  Surface models only (model.kind "surface").',
  args: ['FILE'],
  requiredOptions: ['out'],
  options: {
    out: { type: 'string', short: 'o' },
    n: { type: 'string' },
    workers: { type: 'string' },
    inline: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run([file], v) {
    const out = v.out as string;
    const { experiment, text } = loadExperiment(file!);
    requireSurface(experiment.model.kind, 'critical');
    const n = intOption(v.n, 'n', 1, 1000) ?? defaultOf(surfaceCriticalPayloadSchema.shape.n)!;
    const runner = createJobRunner({ inline: v.inline === true, workers: workersOption(v.workers) });
    const progress = createProgress(process.stderr, v.quiet === true);
    try {
      const rowsDone = new Map<number, number>();
      const all = await Promise.all(
        splitRange(n, PARTS).map(([s, e], k) =>
          runner.run('surfaceCritical', { experiment, n, rows: [s, e] }, (f) => {
            rowsDone.set(k, f * (e - s));
            progress.update('critical', [...rowsDone.values()].reduce((a, b) => a + b, 0) / n);
          }),
        ),
      );
      const first = all[0]!;
      const N = n;
      const points = mergeCriticalPoints(all.map((r) => r.points));
      const knownFound = matchKnown(first.known, points);
      progress.done(
        'critical',
        `${points.length} points (${['minimum', 'saddle', 'maximum', 'degenerate']
          .map((k) => `${points.filter((p) => p.kind === k).length} ${k}`)
          .join(', ')})`,
      );
      progress.finish();
      writeJsonAtomic(out, {
        ...resultHeader('critical', file!, text, experiment),
        window: first.window,
        n: N,
        points,
        known: first.known,
        knownFound,
      });
      process.stderr.write(`wrote ${out}\n`);
      return 0;
    } finally {
      await runner.close();
    }
  },
};

function optional<K extends string>(key: K, v: number | undefined): Partial<Record<K, number>> {
  return v === undefined ? {} : ({ [key]: v } as Record<K, number>);
}

/** The surface commands need a surface model: say so before any work. */
function requireSurface(kind: string | undefined, command: string): void {
  if (kind !== 'surface')
    throw new CliError(
      `model: ${command} needs a surface model (model.kind "surface", docs/surfaces.md); this file's model is a network`,
    );
}

/** An integer option within [lo, hi], or undefined when absent (the job's schema then gives the default). */
function intOption(v: unknown, name: string, lo: number, hi: number): number | undefined {
  if (v === undefined) return undefined;
  const x = Number(v);
  if (!Number.isInteger(x) || x < lo || x > hi)
    throw new CliError(`--${name}: must be an integer from ${lo} to ${hi}, got '${String(v)}'`);
  return x;
}
