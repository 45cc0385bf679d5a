/**
 * The runs' traces in the results store, fed by the coordinator's run events: each run's loss and
 * parameters stream in as the worker reports them (RunProgress partials), so paths grow on the surface
 * while training goes on; the finished result then replaces the streamed history.
 */
import type { Experiment } from '../../../core/experiment/schema';
import type { RunProgress, RunResult } from '../../../core/train/trainRun';
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

export function runProgressed(results: ResultsStore, name: string, p: RunProgress | undefined): void {
  const trace = results.get().runs.find((t) => t.name === name);
  if (!trace) return;
  if (trace.phase === 'queued') updateRun(results, name, { phase: 'running' });
  if (!p || (trace.phase !== 'running' && trace.phase !== 'queued')) return;
  trace.loss.set(p.lossTail, p.from);
  const grow = trace.snapshotSteps.at(-1) !== p.step;
  updateRun(results, name, {
    filled: Math.max(trace.filled, p.from + p.lossTail.length),
    ...(grow ? thinned([...trace.snapshots, p.params], [...trace.snapshotSteps, p.step]) : {}),
  });
}

export function runFinished(results: ResultsStore, res: RunResult): void {
  const trace = results.get().runs.find((t) => t.name === res.name);
  if (!trace) return;
  const dim = res.params.length;
  const snapshots: Float64Array[] = [];
  for (let k = 0; k < res.pathSteps.length; k++) snapshots.push(res.path.subarray(k * dim, (k + 1) * dim));
  const loss = new Float64Array(trace.totalSteps + 1).fill(NaN);
  loss.set(res.loss.subarray(0, loss.length));
  updateRun(results, res.name, {
    phase: res.status,
    ...(res.message ? { message: res.message } : {}),
    loss,
    filled: res.loss.length,
    snapshots,
    snapshotSteps: Array.from(res.pathSteps),
    result: res,
  });
}

export function runFailed(results: ResultsStore, name: string, message: string): void {
  updateRun(results, name, { phase: 'error', message });
}
