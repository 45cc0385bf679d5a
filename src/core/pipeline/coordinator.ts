/**
 * The one coordinator: runs an ExperimentPlan (plan.ts) on any JobRunner — the Node worker pool, Web
 * Workers, Electron's IPC engine or inline — as train runs -> plane -> grid rows -> paths and critical
 * points -> analysis, streaming what it has as events (runs' progress, the plane, grid rows, the slice).
 * The CLI writes the final result; the app draws the events. Both get the same numbers because every
 * number is computed by the same jobs from the same document; this module only schedules and assembles.
 * The grid rows are split into blocks over the runner's parallelism (each row is computed on its own,
 * so the split never changes a value).
 */
import type { AnalysisResult } from '../analysis/analyzeJob';
import type { Experiment } from '../experiment/schema';
import type { JobKind, JobRunner, OnProgress, PayloadIn, ResultOf } from '../jobs/contract';
import type { RunSnapshot } from '../landscape/points';
import type { SliceResult } from '../landscape/slice';
import type { PlaneResult } from '../landscape/sliceJobs';
import type { RunProgress, RunResult } from '../train/trainRun';
import { provisionalLandscape, splitRange, type ExperimentPlan } from './plan';

/** A slice's grid as far as it is known (rows not yet computed are NaN). */
export interface GridSlice {
  alpha: Float64Array<ArrayBuffer>;
  beta: Float64Array<ArrayBuffer>;
  loss: Float64Array<ArrayBuffer>;
  center: Float64Array<ArrayBuffer>;
  d1: Float64Array<ArrayBuffer>;
  d2: Float64Array<ArrayBuffer>;
}

export type PipelineEvent =
  | { type: 'run'; name: string; fraction: number; partial?: RunProgress }
  | { type: 'runDone'; name: string; result: RunResult }
  | { type: 'runFailed'; name: string; error: Error }
  /** A coarse slice of a random plane through the start, while the real plane waits for runs. */
  | { type: 'provisional'; slice: GridSlice }
  /** The plane and the grid axes; `loss` is the grid, filled in as rows arrive (NaN until then). */
  | { type: 'plane'; plane: PlaneResult; grid: GridSlice }
  /** Rows [rowStart, rowEnd) of the grid are now in `grid.loss` (same array as the plane event's). */
  | { type: 'rows'; rowStart: number; rowEnd: number; rowsDone: number; grid: GridSlice }
  | { type: 'slice'; slice: SliceResult }
  | { type: 'analysis'; result: AnalysisResult }
  /** Overall progress in [0, 1] and what is running. */
  | { type: 'progress'; fraction: number; stage: 'train' | 'slice' | 'analyze' };

export interface PipelineResult {
  status: 'ok' | 'cancelled';
  /** The trained runs, in the document's order. */
  runs: Map<string, RunResult>;
  /** Runs whose job failed, with the error (the rest of the plan went on without them). */
  runErrors: Map<string, Error>;
  slice: SliceResult | null;
  analysis: AnalysisResult | null;
}

export interface PipelineHandle {
  readonly result: Promise<PipelineResult>;
  cancel(): void;
}

class Cancelled extends Error {}

/** Share of the overall progress bar per stage. */
const SHARE = { train: 0.6, slice: 0.38 };

export function runPlan(
  plan: ExperimentPlan,
  runner: JobRunner,
  onEvent: (e: PipelineEvent) => void = () => {},
  /** Runs already trained for this document (the plan does not train them again). */
  given?: ReadonlyMap<string, RunResult>,
): PipelineHandle {
  const e: Experiment = plan.experiment;
  const live = new Set<{ cancel(): void }>();
  let cancelled = false;

  function start<K extends JobKind>(
    kind: K,
    payload: PayloadIn<K>,
    onProgress?: OnProgress<K>,
  ): Promise<ResultOf<K>> {
    if (cancelled) return Promise.reject(new Cancelled());
    const h = runner.run(kind, payload, (f, p) => {
      if (!cancelled) onProgress?.(f, p);
    });
    live.add(h);
    return h.result.finally(() => live.delete(h));
  }

  const runs = new Map<string, RunResult>();
  const runErrors = new Map<string, Error>();
  const fractions = new Map<string, number>();
  let sliceFraction = 0;
  const progress = (stage: 'train' | 'slice' | 'analyze') => {
    let t = 0;
    for (const f of fractions.values()) t += f;
    const train = plan.train.length ? t / plan.train.length : 1;
    const fraction = plan.slice ? SHARE.train * train + SHARE.slice * sliceFraction : 0.98 * train;
    onEvent({ type: 'progress', fraction: Math.min(0.99, fraction), stage });
  };

  // 1. Every run at once: the runner queues what it cannot start yet.
  const trained = new Map<string, Promise<RunResult | null>>();
  for (const [name, r] of given ?? []) {
    runs.set(name, r);
    trained.set(name, Promise.resolve(r));
  }
  for (const name of plan.train) {
    trained.set(
      name,
      start('train', { experiment: e, run: name }, (fraction, partial) => {
        fractions.set(name, fraction);
        onEvent({ type: 'run', name, fraction, ...(partial ? { partial } : {}) });
        progress('train');
      }).then(
        (result) => {
          fractions.set(name, 1);
          runs.set(name, result);
          if (!cancelled) onEvent({ type: 'runDone', name, result });
          return result;
        },
        (err: unknown) => {
          if (cancelled || err instanceof Cancelled) return null;
          const error = err instanceof Error ? err : new Error(String(err));
          runErrors.set(name, error);
          onEvent({ type: 'runFailed', name, error });
          return null;
        },
      ),
    );
  }

  /** Snapshots of the named runs once they are trained (runs outside the plan are left to the job). */
  async function snapshots(names: readonly string[]): Promise<Record<string, RunSnapshot>> {
    const out: Record<string, RunSnapshot> = {};
    for (const n of names) {
      const r = await trained.get(n);
      // A run the slice needs failed: so does the slice, with that run's error.
      const failed = runErrors.get(n);
      if (failed) throw failed;
      if (r) out[n] = { params: r.params, path: r.path, pathSteps: r.pathSteps };
    }
    return out;
  }

  let planeReady = false;

  /** A coarse slice of a random plane through the start, while the real plane waits for its runs. */
  async function provisional(): Promise<void> {
    const doc = { ...e, landscape: provisionalLandscape(e) };
    const plane = await start('slicePlane', { experiment: doc });
    const n = plane.beta.length;
    const rows = await start('sliceRows', {
      experiment: doc,
      plane: { center: plane.center, d1: plane.d1, d2: plane.d2 },
      rows: [0, n],
    });
    if (planeReady || cancelled || rows.status !== 'ok') return;
    const { alpha, beta, center, d1, d2 } = plane;
    onEvent({ type: 'provisional', slice: { alpha, beta, center, d1, d2, loss: rows.loss } });
  }

  async function slice(): Promise<SliceResult | null> {
    const sp = plan.slice;
    if (!sp) return null;
    const given = await snapshots(sp.planeNeeds);
    const plane = await start('slicePlane', { experiment: e, runs: given }, () => progress('slice'));
    planeReady = true;
    const { center, d1, d2 } = plane;
    const planeOnly = { center, d1, d2 };
    const na = plane.alpha.length;
    const nb = plane.beta.length;
    const grid: GridSlice = {
      alpha: plane.alpha,
      beta: plane.beta,
      center,
      d1,
      d2,
      loss: new Float64Array(na * nb).fill(NaN),
    };
    onEvent({ type: 'plane', plane, grid });
    let rowsDone = 0;
    const got = (s: number, t: number, block: Float64Array) => {
      grid.loss.set(block.subarray(0, (t - s) * na), s * na);
      rowsDone += t - s;
      sliceFraction = rowsDone / nb;
      onEvent({ type: 'rows', rowStart: s, rowEnd: t, rowsDone, grid });
      progress('slice');
    };
    // Two blocks per worker keep every worker busy when rows differ in cost.
    const blocks = splitRange(nb, runner.parallelism > 1 ? 2 * runner.parallelism : 1);
    const statuses = await Promise.all(
      blocks.map(async ([s, t]) => {
        let next = s;
        const r = await start('sliceRows', { experiment: e, plane: planeOnly, rows: [s, t] }, (_f, part) => {
          if (part?.type !== 'rows' || part.rowEnd <= next) return;
          got(part.rowStart, part.rowEnd, part.loss);
          next = part.rowEnd;
        });
        if (next < t) got(next, t, r.loss.subarray((next - s) * na));
        return r.status;
      }),
    );
    if (cancelled || statuses.some((s) => s !== 'ok')) throw new Cancelled();
    const finishRuns = { ...(await snapshots(sp.finishNeeds)), ...plane.trained };
    const parts = await start('sliceFinish', {
      experiment: e,
      plane: planeOnly,
      loss: grid.loss,
      runs: finishRuns,
    });
    const { alpha, beta, loss, d1: a1, d2: a2, center: c, dataset, ...rest } = parts;
    const result: SliceResult = {
      alpha,
      beta,
      loss,
      d1: a1,
      d2: a2,
      center: c,
      status: 'ok',
      dataset,
      directions: plane.directions,
      ...rest,
    };
    onEvent({ type: 'slice', slice: result });
    return result;
  }

  async function analysis(): Promise<AnalysisResult | null> {
    if (!plan.analysis) return null;
    await Promise.all(trained.values());
    const given: Record<string, { params: Float64Array<ArrayBuffer> }> = {};
    for (const [n, r] of runs) given[n] = { params: r.params };
    onEvent({ type: 'progress', fraction: 0.99, stage: 'analyze' });
    const result = await start('analyze', { experiment: e, runs: given });
    onEvent({ type: 'analysis', result });
    return result;
  }

  /** The trained runs in the document's order (they finish in any order). */
  const inOrder = () => {
    const out = new Map<string, RunResult>();
    for (const r of e.runs) {
      const got = runs.get(r.name);
      if (got) out.set(r.name, got);
    }
    return out;
  };

  async function all(): Promise<PipelineResult> {
    if (plan.provisional) provisional().catch(() => undefined); // a preview only: the real slice follows
    try {
      const s = await slice();
      await Promise.all(trained.values());
      const a = await analysis();
      const status =
        cancelled || [...runs.values()].some((r) => r.status === 'cancelled') ? 'cancelled' : 'ok';
      return { status, runs: inOrder(), runErrors, slice: s, analysis: a };
    } catch (err) {
      if (!(err instanceof Cancelled) && !cancelled) {
        // A failed stage stops the rest: nothing still running would be used.
        cancelled = true;
        for (const h of live) h.cancel();
        throw err;
      }
      await Promise.allSettled(trained.values());
      return { status: 'cancelled', runs: inOrder(), runErrors, slice: null, analysis: null };
    }
  }

  return {
    result: all(),
    cancel() {
      cancelled = true;
      for (const h of live) h.cancel();
    },
  };
}
