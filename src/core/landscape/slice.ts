/**
 * A landscape slice from start to end, as short stages: train the runs the spec refers to (unless given),
 * resolve the plane, evaluate the grid (coarse first, then rows streamed as they finish), then the 1-D line,
 * the projected paths, the critical points and the plateaus. The job and the CLI call these stages; the CLI
 * spreads the row evaluation over workers with row-range jobs.
 */
import type { LandscapeSpec } from '../experiment/landscapeSchema';
import type { JobContext } from '../jobs/types';
import type { Objective } from '../objective';
import type { Setup } from '../setup';
import { createThrottle } from '../throttle';
import { trainRun } from '../train/trainRun';
import { findSliceCritical, type SliceCritical } from './critical';
import { createGridEvaluator } from './grid';
import { lineSlice, type LineSlice } from './line';
import { gridAxes, landscapeOf, linspace, resolvePlane, runsNeeded, type Plane } from './plane';
import { findPlateaus, type Plateau } from './plateaus';
import { resolvePoint, specError, type RunSnapshot } from './points';
import { projectPath, type ProjectedPath } from './projectPath';

/** What the grid's follow-up computes: the fixed fields and the analysis of the assembled grid. */
export interface SliceParts {
  alpha: Float64Array<ArrayBuffer>;
  beta: Float64Array<ArrayBuffer>;
  /** loss[i*alpha.length + j] = L(center + alpha[j] d1 + beta[i] d2); NaN where not computed (cancelled). */
  loss: Float64Array<ArrayBuffer>;
  d1: Float64Array<ArrayBuffer>;
  d2: Float64Array<ArrayBuffer>;
  center: Float64Array<ArrayBuffer>;
  dataset: 'train' | 'test';
  paths?: ProjectedPath[];
  critical?: SliceCritical[];
  plateaus?: Plateau[];
  plateauLabels?: Int32Array<ArrayBuffer>;
  line?: LineSlice;
}

/** The slice file. alpha, beta, loss, d1, d2, center are fixed fields (docs/analysis.md). */
export interface SliceResult extends SliceParts {
  status: 'ok' | 'cancelled';
  directions: Record<string, unknown>;
}

/** Rows of the grid, streamed as progress and returned by row-range jobs. */
export interface SliceRows {
  type: 'rows';
  rowStart: number;
  rowEnd: number;
  loss: Float64Array<ArrayBuffer>;
}

/** The coarse preview streamed before the rows: loss at rows `rows` and columns `cols`. */
export interface SliceCoarse {
  type: 'coarse';
  rows: Int32Array<ArrayBuffer>;
  cols: Int32Array<ArrayBuffer>;
  loss: Float64Array<ArrayBuffer>;
}

export function sliceObjective(setup: Setup, spec: LandscapeSpec): Objective {
  if (spec.dataset === 'test') {
    const f = setup.testObjective();
    if (!f) throw specError('landscape.dataset', 'is "test" but the experiment has no data.test');
    return f;
  }
  return setup.objective();
}

/** Trains (inline) the runs the spec needs that `given` lacks; progress maps to [0, share]. */
export async function ensureRuns(
  setup: Setup,
  spec: LandscapeSpec,
  given: Readonly<Record<string, RunSnapshot>> | undefined,
  ctx: JobContext,
  share = 0.3,
): Promise<Map<string, RunSnapshot>> {
  const runs = new Map<string, RunSnapshot>(Object.entries(given ?? {}));
  const missing = runsNeeded(spec, setup).filter((n) => !runs.has(n));
  for (let k = 0; k < missing.length; k++) {
    const name = missing[k]!;
    const sub: JobContext = {
      progress: (fr) => ctx.progress((share * (k + fr)) / missing.length),
      checkpoint: () => ctx.checkpoint(),
      get cancelled() {
        return ctx.cancelled;
      },
    };
    const r = await trainRun(setup, name, sub);
    runs.set(name, { params: r.params, path: r.path, pathSteps: r.pathSteps });
  }
  return runs;
}

function rowEvaluator(setup: Setup, spec: LandscapeSpec, plane: Plane) {
  const { alphas, betas } = gridAxes(spec);
  const data = spec.dataset === 'test' ? setup.data.test! : setup.data.train;
  const fast = setup.kind === 'network' ? { engine: setup.engine, spec: setup.spec, data } : null;
  const grid = createGridEvaluator(fast, sliceObjective(setup, spec), plane, alphas, betas);
  return { grid, alphas, betas };
}

/**
 * Loss at rows [rowStart, rowEnd), one row at a time, streamed as SliceRows partials; stops early when
 * cancelled (the rest stays NaN). Returns the block and the number of rows finished.
 */
export async function computeRows(
  setup: Setup,
  spec: LandscapeSpec,
  plane: Plane,
  rowStart: number,
  rowEnd: number,
  ctx: JobContext,
  progressRange: [number, number] = [0, 1],
): Promise<{ loss: Float64Array<ArrayBuffer>; done: number }> {
  const nb = spec.resolution[1];
  if (!(
    Number.isInteger(rowStart) &&
    Number.isInteger(rowEnd) &&
    0 <= rowStart &&
    rowStart <= rowEnd &&
    rowEnd <= nb
  ))
    throw new RangeError(`rows: [${rowStart}, ${rowEnd}) is not a row range of a grid with ${nb} rows`);
  const { grid, alphas } = rowEvaluator(setup, spec, plane);
  const na = alphas.length;
  const loss = new Float64Array((rowEnd - rowStart) * na).fill(NaN);
  const due = createThrottle(50);
  let sent = rowStart;
  const total = Math.max(1, rowEnd - rowStart);
  const flush = (upTo: number) => {
    if (upTo <= sent) return;
    const f = progressRange[0] + ((progressRange[1] - progressRange[0]) * (upTo - rowStart)) / total;
    ctx.progress(f, {
      type: 'rows',
      rowStart: sent,
      rowEnd: upTo,
      loss: loss.slice((sent - rowStart) * na, (upTo - rowStart) * na),
    } satisfies SliceRows);
    sent = upTo;
  };
  let i = rowStart;
  for (; i < rowEnd; i++) {
    if (ctx.cancelled) break;
    grid.rows(i, i + 1, loss.subarray((i - rowStart) * na, (i - rowStart + 1) * na));
    if (due()) {
      flush(i + 1);
      await ctx.checkpoint();
    }
  }
  flush(i);
  return { loss, done: i - rowStart };
}

/** A quick preview on every s-th row and column (plus the last), so a view can draw something at once. */
export function coarseGrid(
  setup: Setup,
  spec: LandscapeSpec,
  plane: Plane,
  targetSide = 17,
): SliceCoarse | null {
  const [na, nb] = spec.resolution;
  const s = Math.floor(Math.min(na, nb) / targetSide);
  if (s < 2) return null;
  const pick = (n: number) => {
    const idx: number[] = [];
    for (let k = 0; k < n; k += s) idx.push(k);
    if (idx[idx.length - 1] !== n - 1) idx.push(n - 1);
    return Int32Array.from(idx);
  };
  const rows = pick(nb);
  const cols = pick(na);
  const { grid, alphas, betas } = rowEvaluator(setup, spec, plane);
  const loss = new Float64Array(rows.length * cols.length);
  for (let r = 0; r < rows.length; r++)
    for (let c = 0; c < cols.length; c++)
      loss[r * cols.length + c] = grid.point(alphas[cols[c]!]!, betas[rows[r]!]!);
  return { type: 'coarse', rows, cols, loss };
}

/**
 * The parts computed after the grid: line, projected paths, critical points and plateaus (the last two
 * only on a complete grid).
 */
export function finishSlice(
  setup: Setup,
  spec: LandscapeSpec,
  plane: Plane,
  loss: Float64Array<ArrayBuffer>,
  runs: ReadonlyMap<string, RunSnapshot>,
): SliceParts {
  const { alphas, betas } = gridAxes(spec);
  const f = sliceObjective(setup, spec);
  const out: SliceParts = {
    alpha: alphas,
    beta: betas,
    loss,
    d1: plane.d1,
    d2: plane.d2,
    center: plane.center,
    dataset: spec.dataset,
  };
  const ctx = { setup, runs };
  if (spec.line) {
    const from = resolvePoint(spec.line.from, ctx, 'landscape.line.from');
    const to = resolvePoint(spec.line.to, ctx, 'landscape.line.to');
    out.line = lineSlice(f, from, to, linspace(spec.line.range[0], spec.line.range[1], spec.line.points));
  }
  if (spec.paths) {
    out.paths = [];
    for (const r of setup.experiment.runs) {
      const snap = runs.get(r.name);
      if (!snap?.path || !snap.pathSteps) continue;
      out.paths.push(projectPath(r.name, snap.path, snap.pathSteps, plane, f));
    }
  }
  if (spec.critical && loss.every((v) => !Number.isNaN(v))) {
    out.critical = findSliceCritical(f, plane, alphas, betas, loss);
    const pl = findPlateaus(loss, alphas, betas);
    out.plateaus = pl.plateaus;
    out.plateauLabels = pl.labels;
  }
  return out;
}

/** The whole slice in one job (the app's path): runs, plane, coarse preview, rows, then the rest. */
export async function computeSlice(
  setup: Setup,
  given: Readonly<Record<string, RunSnapshot>> | undefined,
  ctx: JobContext,
): Promise<SliceResult> {
  const spec = landscapeOf(setup);
  const runs = await ensureRuns(setup, spec, given, ctx);
  const { plane, info } = resolvePlane(spec, { setup, runs });
  const coarse = coarseGrid(setup, spec, plane);
  if (coarse) ctx.progress(0.35, coarse);
  const { loss, done } = await computeRows(setup, spec, plane, 0, spec.resolution[1], ctx, [0.35, 0.95]);
  const status = done === spec.resolution[1] ? ('ok' as const) : ('cancelled' as const);
  const result = { ...finishSlice(setup, spec, plane, loss, runs), status, directions: info };
  ctx.progress(1);
  return result;
}
