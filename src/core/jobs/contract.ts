/**
 * The job contract: for every job kind, the schema of its payload (checked by the job host in the worker
 * before the job runs, since a worker is a boundary), the type of its result and of its progress
 * partials. The Node worker pool, the Web Worker pool, Electron's IPC engine and inline runs all speak
 * this one `JobRunner` type, so a caller gets the result type of the kind it asked for and no host
 * re-declares a result shape.
 */
import { z } from 'zod';
import type { AnalysisResult } from '../analysis/analyzeJob';
import type { CensusEntry } from '../analysis/census';
import { nebSpecSchema, type NebJobResult } from '../analysis/nebJob';
import type { FoundCritical } from '../analysis/saddlesJob';
import type { Experiment, ExperimentInput } from '../experiment/schema';
import { formatPath, validateExperiment } from '../experiment/validate';
import type { SliceParts, SliceRows } from '../landscape/slice';
import type { PlaneResult } from '../landscape/sliceJobs';
import type { BasinsResult, SurfaceCriticalResult } from '../surface/surfaceJobs';
import { basinsPayloadSchema, surfaceCriticalPayloadSchema } from '../surface/surfaceJobs';
import type { RunProgress, RunResult } from '../train/trainRun';
import { InvalidInputError } from './invalidInput';

/** The experiment document in a payload: validated with the one schema, defaults filled in. */
const experimentField = z
  .unknown()
  .transform((doc, ctx) => {
    const v = validateExperiment(doc);
    if (v.ok) return v.experiment;
    for (const p of v.problems) ctx.addIssue({ code: 'custom', message: p.message, path: pathOf(p.path) });
    return z.NEVER;
  })
  .describe('The experiment document (validated again in the worker).') as unknown as z.ZodType<
  Experiment,
  ExperimentInput | Experiment
>;

function pathOf(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

const f64 = z.instanceof(Float64Array, { message: 'must be a Float64Array' }) as z.ZodType<
  Float64Array<ArrayBuffer>
>;
const i32 = z.instanceof(Int32Array, { message: 'must be an Int32Array' }) as z.ZodType<
  Int32Array<ArrayBuffer>
>;
const vector = z.union([f64, z.array(z.number())]);
const runName = z.string().min(1);

/** What a slice needs of a trained run: its final point, and for PCA and paths its snapshots. */
export const runSnapshotSchema = z.strictObject({
  params: f64,
  path: f64.optional(),
  pathSteps: i32.optional(),
});
const runSnapshots = z.record(runName, runSnapshotSchema);

/** A resolved plane center + alpha d1 + beta d2. */
export const planeSchema = z.strictObject({ center: f64, d1: f64, d2: f64 });

const rowRange = z
  .tuple([z.int().min(0), z.int().min(0)])
  .refine(([s, e]) => s <= e, 'rows: start must not exceed end');

/** Payload schemas by job kind. */
export const jobPayloads = {
  /** Train one run of the experiment. */
  train: z.strictObject({ experiment: experimentField, run: runName }),
  /** Resolve the plane of the experiment's landscape section (trains the runs it needs but is not given). */
  slicePlane: z.strictObject({ experiment: experimentField, runs: runSnapshots.optional() }),
  /** Loss on the grid rows [start, end) of a resolved plane. */
  sliceRows: z.strictObject({ experiment: experimentField, plane: planeSchema, rows: rowRange }),
  /** What follows the grid: the 1-D line, projected paths, critical points and plateaus. */
  sliceFinish: z.strictObject({
    experiment: experimentField,
    plane: planeSchema,
    loss: f64,
    runs: runSnapshots.optional(),
  }),
  /** Full-space Hessian analysis of the start and every run's end (or of the listed points). */
  analyze: z.strictObject({
    experiment: experimentField,
    points: z.array(z.strictObject({ label: z.string(), params: vector })).optional(),
    runs: z.record(runName, z.object({ params: f64 })).optional(),
    tolerance: z.strictObject({ rel: z.number().nonnegative(), abs: z.number().nonnegative() }).optional(),
  }),
  /** Minimum-energy path between two points. */
  neb: z.strictObject({
    experiment: experimentField,
    neb: nebSpecSchema,
    runs: z.record(runName, z.object({ params: f64 })).optional(),
    plane: planeSchema.optional(),
  }),
  /** Critical points of the full loss from seeded starts. */
  saddles: z.strictObject({
    experiment: experimentField,
    starts: z.array(z.int().min(0)),
    maxIter: z.int().min(1).optional(),
  }),
  /** Final losses of seeded initializations x runs (a census shard). */
  census: z.strictObject({
    experiment: experimentField,
    inits: z.array(z.int().min(0)),
    runs: z.array(runName).optional(),
  }),
  surfaceCritical: surfaceCriticalPayloadSchema.extend({ experiment: experimentField }),
  basins: basinsPayloadSchema.extend({ experiment: experimentField }),
} as const;

export type JobKind = keyof typeof jobPayloads;

/** What a caller passes (defaults may be left out). */
export type PayloadIn<K extends JobKind> = z.input<(typeof jobPayloads)[K]>;
/** What the job receives: validated, defaults filled in. */
export type Payload<K extends JobKind> = z.output<(typeof jobPayloads)[K]>;

/** The result of each kind. */
export interface JobResults {
  train: RunResult;
  slicePlane: PlaneResult;
  sliceRows: SliceRows & { status: 'ok' | 'cancelled' };
  sliceFinish: SliceParts;
  analyze: AnalysisResult;
  neb: NebJobResult;
  saddles: { points: FoundCritical[]; starts: number };
  census: { entries: CensusEntry[] };
  surfaceCritical: SurfaceCriticalResult;
  basins: BasinsResult;
}

/** The partial data each kind streams with its progress (undefined: fraction only). */
export interface JobProgress {
  train: RunProgress;
  slicePlane: undefined;
  sliceRows: SliceRows;
  sliceFinish: undefined;
  analyze: undefined;
  neb: undefined;
  saddles: undefined;
  census: undefined;
  surfaceCritical: undefined;
  basins: undefined;
}

export type ResultOf<K extends JobKind> = JobResults[K];
export type ProgressOf<K extends JobKind> = JobProgress[K];
export type OnProgress<K extends JobKind> = (fraction: number, partial?: ProgressOf<K>) => void;

export interface JobHandle<R> {
  readonly result: Promise<R>;
  /** Ask the job to stop; most jobs then resolve with what they have and status "cancelled". */
  cancel(): void;
}

/** One generic runner: the Node worker pool, the Web Worker pool, the IPC engine, inline. */
export interface JobRunner {
  run<K extends JobKind>(kind: K, payload: PayloadIn<K>, onProgress?: OnProgress<K>): JobHandle<ResultOf<K>>;
  /** How many jobs run at once (a coordinator splits grids into about this many parts). */
  readonly parallelism: number;
}

export function isJobKind(kind: string): kind is JobKind {
  return Object.hasOwn(jobPayloads, kind);
}

/** Checks a payload against its kind's schema; bad input throws an InvalidInputError naming the fields. */
export function parsePayload<K extends JobKind>(kind: K, payload: unknown): Payload<K> {
  const r = (jobPayloads[kind] as z.ZodType).safeParse(payload);
  if (!r.success)
    throw new InvalidInputError(
      r.error.issues
        .map((i) => {
          // The experiment's own problems are named by their path in the document, as everywhere else.
          const path = i.path[0] === 'experiment' && i.path.length > 1 ? i.path.slice(1) : i.path;
          return `${formatPath(path) || 'payload'}: ${i.message}`;
        })
        .join('\n'),
    );
  return r.data as Payload<K>;
}
