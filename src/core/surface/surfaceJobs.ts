/**
 * Worker jobs on surface experiments, both split by rows of a start grid so a pool can share one map:
 *  - `surfaceCritical`: Newton on the gradient from every start of the rows; the caller merges the
 *    row ranges' lists with `mergeCriticalPoints`.
 *  - `basins`: every start of the rows run through one method (a run's optimizer, an optimizer spec, or
 *    the plain Newton iteration), labelled by the critical point it ends at, with its step count.
 * Both report progress per row and stop between rows when cancelled.
 */
import { z } from 'zod';
import { optimizerSchema } from '../experiment/runSchema';
import type { Experiment } from '../experiment/schema';
import { experimentFromPayload, InvalidInputError } from '../jobs/trainJob';
import type { JobContext } from '../jobs/types';
import { defineJob } from '../jobs/types';
import { formatPath } from '../experiment/validate';
import { optimizers } from '../optim/registry';
import { BASIN_NONE, basinMap, type BasinMethod } from './basins';
import { findCriticalPoints, mergeCriticalPoints, type CriticalPoint } from './critical';
import type { KnownPoint, Window } from './gallery';
import { resolveSurface, type ResolvedSurface } from './resolve';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const range = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'range must have lo < hi');
const MAX_N = 1000;

const starts = z.int().min(1).max(MAX_N).describe('Starts per axis (n x n).');

const gridFields = {
  experiment: z.unknown(),
  window: z
    .strictObject({ a: range, b: range })
    .optional()
    .describe('Default: the model’s viewing window (a and b ranges).'),
  rows: z
    .tuple([z.int().min(0), z.int().min(0)])
    .optional()
    .describe('Rows [start, end) of the grid (along b) to compute; default all.'),
};

export const surfaceCriticalPayloadSchema = z.strictObject({ ...gridFields, n: starts.default(41) });
export type SurfaceCriticalPayload = z.input<typeof surfaceCriticalPayloadSchema>;

export const basinsPayloadSchema = z.strictObject({
  ...gridFields,
  n: starts.default(101),
  run: z.string().optional().describe('Use this run’s optimizer (and lr).'),
  optimizer: optimizerSchema.optional().describe('Or this optimizer; with neither, the Newton iteration.'),
  maxSteps: z
    .int()
    .min(1)
    .max(100_000)
    .optional()
    .describe('Step budget per start (default: the run’s steps, or 100).'),
  gtol: z.number().positive().optional().describe('Converged when |∇f|∞ ≤ gtol (default 1e-6).'),
  criticalN: z
    .int()
    .min(1)
    .max(MAX_N)
    .default(41)
    .describe('Start grid of the critical-point search used for labels.'),
});
export type BasinsPayload = z.input<typeof basinsPayloadSchema>;

export interface SurfaceCriticalResult {
  status: 'ok' | 'cancelled';
  window: Window;
  n: number;
  rows: [number, number];
  /** Rows actually searched (fewer when cancelled). */
  rowsDone: number;
  points: CriticalPoint[];
  /** The gallery's known points (empty for a formula) and, per known point, the index of the found one, or -1. */
  known: readonly KnownPoint[];
  knownFound: number[];
}

export interface BasinsResult {
  status: 'ok' | 'cancelled';
  window: Window;
  n: number;
  rowStart: number;
  rowEnd: number;
  rowsDone: number;
  /** 'newtonIteration' or the optimizer type. */
  method: string;
  /** The points labels refer to. */
  points: CriticalPoint[];
  label: Int32Array<ArrayBuffer>;
  steps: Int32Array<ArrayBuffer>;
  final: Float64Array<ArrayBuffer>;
}

function parsePayload<S extends z.ZodType>(schema: S, payload: unknown): z.output<S> {
  const r = schema.safeParse(payload);
  if (!r.success)
    throw new InvalidInputError(
      r.error.issues.map((i) => `${formatPath(i.path) || 'payload'}: ${i.message}`).join('\n'),
    );
  return r.data;
}

function surfaceOfExperiment(e: Experiment): ResolvedSurface {
  if (e.model.kind !== 'surface')
    throw new InvalidInputError('model: this job needs a surface model (kind "surface")');
  return resolveSurface(e.model);
}

function rowRange(rows: [number, number] | undefined, n: number): [number, number] {
  const [r0, r1] = rows ?? [0, n];
  if (r0 > r1 || r1 > n) throw new InvalidInputError(`rows: [${r0}, ${r1}] is not a range within [0, ${n}]`);
  return [r0, r1];
}

/** Runs `row(i)` for each row, reporting progress and stopping between rows when cancelled. */
async function eachRow(ctx: JobContext, r0: number, r1: number, row: (i: number) => void): Promise<number> {
  for (let i = r0; i < r1; i++) {
    await ctx.checkpoint();
    if (ctx.cancelled) return i - r0;
    row(i);
    ctx.progress((i + 1 - r0) / Math.max(1, r1 - r0));
  }
  return r1 - r0;
}

/** Index of the found point matching each known point (same point to 1e-6), or -1. */
export function matchKnown(known: readonly KnownPoint[], points: readonly CriticalPoint[]): number[] {
  return known.map((k) =>
    points.findIndex(
      (p) =>
        Math.max(Math.abs(p.at[0] - k.at[0]), Math.abs(p.at[1] - k.at[1])) <=
        1e-6 * (1 + Math.abs(k.at[0]) + Math.abs(k.at[1])),
    ),
  );
}

export async function runSurfaceCritical(payload: unknown, ctx: JobContext): Promise<SurfaceCriticalResult> {
  const p = parsePayload(surfaceCriticalPayloadSchema, payload);
  const s = surfaceOfExperiment(experimentFromPayload(p.experiment));
  const n = p.n;
  const window = p.window ?? s.window;
  const [r0, r1] = rowRange(p.rows, n);
  const lists: CriticalPoint[][] = [];
  const done = await eachRow(ctx, r0, r1, (i) =>
    lists.push(findCriticalPoints(s.surface, { window, n, rows: [i, i + 1] })),
  );
  const points = mergeCriticalPoints(lists);
  return {
    status: done < r1 - r0 ? 'cancelled' : 'ok',
    window,
    n,
    rows: [r0, r1],
    rowsDone: done,
    points,
    known: s.known,
    knownFound: matchKnown(s.known, points),
  };
}

function methodOf(
  e: Experiment,
  p: z.output<typeof basinsPayloadSchema>,
): { method: BasinMethod; name: string; steps: number } {
  let spec: { type: string } & Record<string, unknown>;
  let steps = 100;
  if (p.run !== undefined) {
    const run = e.runs.find((r) => r.name === p.run);
    if (!run) throw new InvalidInputError(`run: no run named '${p.run}'`);
    spec = run.optimizer as typeof spec;
    steps = Math.max(1, run.steps);
  } else if (p.optimizer !== undefined) {
    spec = p.optimizer as typeof spec;
  } else {
    return { method: { kind: 'newtonIteration' }, name: 'newtonIteration', steps: p.maxSteps ?? 100 };
  }
  const def = optimizers.get(spec.type)!;
  const { type: _type, ...hp } = spec;
  const lr = typeof hp.lr === 'number' ? hp.lr : 1;
  return {
    method: { kind: 'optimizer', create: () => def.create(hp, 2), lr },
    name: spec.type,
    steps: p.maxSteps ?? steps,
  };
}

export async function runBasins(payload: unknown, ctx: JobContext): Promise<BasinsResult> {
  const p = parsePayload(basinsPayloadSchema, payload);
  const e = experimentFromPayload(p.experiment);
  const s = surfaceOfExperiment(e);
  const n = p.n;
  const window = p.window ?? s.window;
  const [r0, r1] = rowRange(p.rows, n);
  const { method, name, steps: maxSteps } = methodOf(e, p);
  // Every row range computes the same labelling points, so maps from several workers agree.
  const points = findCriticalPoints(s.surface, { window, n: p.criticalN });
  const cells = (r1 - r0) * n;
  const label = new Int32Array(cells).fill(BASIN_NONE);
  const steps = new Int32Array(cells).fill(-1);
  const final = new Float64Array(2 * cells).fill(NaN);
  const done = await eachRow(ctx, r0, r1, (i) => {
    const row = basinMap(s.surface, method, {
      window,
      n,
      rows: [i, i + 1],
      maxSteps,
      points,
      ...(p.gtol !== undefined ? { gtol: p.gtol } : {}),
    });
    label.set(row.label, (i - r0) * n);
    steps.set(row.steps, (i - r0) * n);
    final.set(row.final, 2 * (i - r0) * n);
  });
  return {
    status: done < r1 - r0 ? 'cancelled' : 'ok',
    window,
    n,
    rowStart: r0,
    rowEnd: r1,
    rowsDone: done,
    method: name,
    points,
    label,
    steps,
    final,
  };
}

export const surfaceCriticalJob = defineJob({ kind: 'surfaceCritical', run: runSurfaceCritical });
export const basinsJob = defineJob({ kind: 'basins', run: runBasins });
