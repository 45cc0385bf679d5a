/**
 * Starts one train job per run and streams each run's loss and parameters into the results store as
 * the worker reports them (RunProgress partials), so paths grow on the surface while training goes on.
 */
import type { Experiment } from '../../../core/experiment/schema';
import type { RunProgress, RunResult } from '../../../core/train/trainRun';
import type { Engine, JobHandle } from '../engine/types';
import { runColor } from '../lib/runColors';
import { updateRun, type ResultsStore, type RunTrace } from '../state/resultsStore';

/** Streamed snapshots kept per run at most: a long run reports for minutes, its live path stays bounded. */
const MAX_LIVE_SNAPSHOTS = 1000;

/** Drop every other snapshot (keeping the first and the latest) once there are too many. */
function thinned(snapshots: Float64Array[], snapshotSteps: number[]) {
  if (snapshots.length <= MAX_LIVE_SNAPSHOTS) return { snapshots, snapshotSteps };
  const keep = (_: unknown, i: number, a: readonly unknown[]) => i % 2 === 0 || i === a.length - 1;
  return { snapshots: snapshots.filter(keep), snapshotSteps: snapshotSteps.filter(keep) };
}

export function initialTraces(e: Experiment): RunTrace[] {
  return e.runs.map((r, i) => ({
    name: r.name,
    color: runColor(r, i),
    phase: 'queued',
    totalSteps: r.steps,
    loss: new Float64Array(r.steps + 1).fill(NaN),
    filled: 0,
    snapshots: [],
    snapshotSteps: [],
    result: null,
  }));
}

export function trainRuns(
  engine: Engine,
  e: Experiment,
  results: ResultsStore,
  onFraction: (name: string, fraction: number) => void,
  /** False once a newer computation replaced this one: its late messages are dropped. */
  current: () => boolean,
): { handles: JobHandle<RunResult>[]; done: Promise<void> } {
  const handles = e.runs.map((r) => {
    updateRun(results, r.name, { phase: 'running' });
    const h = engine.run<RunResult>('train', { experiment: e, run: r.name }, (fraction, partial) => {
      if (!current()) return;
      onFraction(r.name, fraction);
      const p = partial as RunProgress | undefined;
      if (!p) return;
      const trace = results.get().runs.find((t) => t.name === r.name);
      if (!trace || trace.phase !== 'running') return;
      trace.loss.set(p.lossTail, p.from);
      const last = trace.snapshotSteps.at(-1);
      const grow = last !== p.step;
      updateRun(results, r.name, {
        filled: Math.max(trace.filled, p.from + p.lossTail.length),
        ...(grow ? thinned([...trace.snapshots, p.params], [...trace.snapshotSteps, p.step]) : {}),
      });
    });
    h.result.then(
      (res) => {
        if (!current()) return;
        const dim = res.params.length;
        const snapshots: Float64Array[] = [];
        for (let k = 0; k < res.pathSteps.length; k++)
          snapshots.push(res.path.subarray(k * dim, (k + 1) * dim));
        const loss = new Float64Array(r.steps + 1).fill(NaN);
        loss.set(res.loss);
        updateRun(results, r.name, {
          phase: res.status,
          ...(res.message ? { message: res.message } : {}),
          loss,
          filled: res.loss.length,
          snapshots,
          snapshotSteps: Array.from(res.pathSteps),
          result: res,
        });
        onFraction(r.name, 1);
      },
      (err: unknown) => {
        if (!current()) return;
        updateRun(results, r.name, {
          phase: 'error',
          message: err instanceof Error ? err.message : String(err),
        });
        onFraction(r.name, 1);
      },
    );
    return h;
  });
  const done = Promise.allSettled(handles.map((h) => h.result)).then(() => undefined);
  return { handles, done };
}
