/**
 * One run of an experiment: its optimizer from the shared initial point for `steps` updates.
 * loss[k] is the full training-set loss after k updates (loss[0] at the start), so it has steps+1
 * entries whatever the batch size; evaluations are counted per step (cumulative) so runs compare per
 * evaluation; a loss that turns non-finite or explodes ends the run as "diverged", history kept.
 * The run's schedule sets the lr of each update (torch lr_scheduler semantics), `clipValue` and `clipNorm`
 * clip every gradient the optimizer sees, and `recordState` stores the optimizer's state at each path snapshot.
 */
import type { Experiment } from '../experiment/schema';
import type { JobContext } from '../jobs/types';
import type { Kernel, Objective } from '../objective';
import { optimizers } from '../optim/registry';
import { createRng, shuffleInPlace } from '../rng';
import type { Setup } from '../setup';
import { createThrottle } from '../throttle';
import { clipObjective } from './clip';
import { createScheduler } from './schedule';

export type RunStatus = 'ok' | 'diverged' | 'cancelled';

export interface RunResult {
  name: string;
  status: RunStatus;
  engine: string;
  /** What computed loss and gradient: the WebAssembly SIMD kernels or JavaScript. */
  kernel: Kernel;
  /** Why the run stopped early, if it did. */
  message?: string;
  /** Number of updates done. */
  steps: number;
  loss: Float64Array<ArrayBuffer>;
  testLoss: Float64Array<ArrayBuffer>;
  /**
   * With the bce loss: classification accuracy after each step (length steps+1) on the test set, or on the
   * training set without one. A sample counts as class 1 when the logit f > 0, its label when y ≥ 0.5.
   */
  accuracy?: Float64Array<ArrayBuffer>;
  params: Float64Array<ArrayBuffer>;
  /** Cumulative evaluation counts after each step (length steps+1). */
  evals: { loss: Float64Array<ArrayBuffer>; grad: Float64Array<ArrayBuffer>; hvp: Float64Array<ArrayBuffer> };
  /** Milliseconds since the run started, per step (not deterministic; left out of files by default). */
  timeMs: Float64Array<ArrayBuffer>;
  /** Parameter snapshots, row-major (pathSteps.length x dim), for projections and scrubbing. */
  path: Float64Array<ArrayBuffer>;
  pathSteps: Int32Array<ArrayBuffer>;
  /** Learning rate used by each update (length steps): the schedule's values. */
  lr?: Float64Array<ArrayBuffer>;
  /**
   * With recordState: each optimizer state vector (name -> rows aligned with pathSteps, pathSteps.length x
   * dim, row-major); the row for step k is the state after k updates (zeros before the first).
   */
  state?: Record<string, Float64Array<ArrayBuffer>>;
}

/** Streamed while a run trains: the values since the previous report. */
export interface RunProgress {
  name: string;
  step: number;
  /** loss[from .. from+lossTail.length) */
  from: number;
  lossTail: Float64Array<ArrayBuffer>;
  /** Latest parameters. */
  params: Float64Array<ArrayBuffer>;
}

/** Snapshot spacing: every step, unless that would exceed 1000 snapshots or 8 M numbers. */
export function pathEvery(steps: number, dim: number): number {
  const maxSnapshots = Math.max(2, Math.min(1001, Math.floor(8_000_000 / Math.max(1, dim))));
  return Math.max(1, Math.ceil(steps / (maxSnapshots - 1)));
}

export function isDiverged(loss: number, initial: number): boolean {
  return !Number.isFinite(loss) || loss > Math.max(1e12, 1e10 * initial);
}

/** Accuracy of the logits at p on the test set (or the training set), for the bce loss; else null. */
export function accuracyMeter(setup: Setup): ((p: Float64Array) => number) | null {
  if (setup.kind !== 'network' || setup.experiment.loss !== 'bce') return null;
  const d = setup.data.test ?? setup.data.train;
  const out = new Float64Array(d.n);
  return (p) => {
    if (d.n === 0) return NaN;
    setup.predict(p, d.x, out);
    let right = 0;
    for (let i = 0; i < d.n; i++) if (out[i]! > 0 === d.y[i]! >= 0.5) right++;
    return right / d.n;
  };
}

export async function trainRun(setup: Setup, runName: string, ctx: JobContext): Promise<RunResult> {
  const e: Experiment = setup.experiment;
  const run = e.runs.find((r) => r.name === runName);
  if (!run) throw new Error(`no run named '${runName}'`);
  const def = optimizers.get((run.optimizer as { type: string }).type)!;
  const dim = setup.dim;
  const { type: _type, ...hp } = run.optimizer as { type: string } & Record<string, unknown>;
  const opt = def.create(hp, dim);
  const raw: Objective = setup.objective();
  if (def.needsHvp && !raw.hvp)
    throw new Error(
      `optimizer '${def.type}' needs Hessian-vector products, which engine '${setup.engine.name}' does not provide`,
    );
  const f: Objective = clipObjective(raw, { norm: run.clipNorm, value: run.clipValue });
  // Optimizers without a learning rate (cg, gdLineSearch, ...) ignore it; 1 keeps the schedule well defined.
  const sched = createScheduler(run.schedule, (run.optimizer as { lr?: number }).lr ?? 1);
  const full: Objective = setup.objective(); // uncounted recorder of the full-batch loss
  const testF = setup.testObjective();
  const measureAccuracy = accuracyMeter(setup);
  const steps = run.steps;
  const lrs = new Float64Array(steps);
  const n = setup.data.train.n;
  const batch = run.batchSize !== null && run.batchSize < n ? run.batchSize : null;

  const p = Float64Array.from(setup.initial);
  const loss = new Float64Array(steps + 1);
  const testLoss = new Float64Array(testF ? steps + 1 : 0);
  const accuracy = new Float64Array(measureAccuracy ? steps + 1 : 0);
  const ev = {
    loss: new Float64Array(steps + 1),
    grad: new Float64Array(steps + 1),
    hvp: new Float64Array(steps + 1),
  };
  const timeMs = new Float64Array(steps + 1);
  const every = pathEvery(steps, dim);
  const nSnap = Math.floor(steps / every) + 1 + (steps % every === 0 ? 0 : 1);
  const path = new Float64Array(nSnap * dim);
  const pathSteps = new Int32Array(nSnap);
  let snaps = 0;
  const state: Record<string, Float64Array<ArrayBuffer>> = {};
  const snapshot = (k: number) => {
    path.set(p, snaps * dim);
    if (run.recordState && opt.snapshot) {
      for (const [key, vec] of Object.entries(opt.snapshot())) {
        const rows = (state[key] ??= new Float64Array(nSnap * dim));
        rows.set(vec.subarray(0, dim), snaps * dim);
      }
    }
    pathSteps[snaps++] = k;
  };

  let order: Int32Array | null = null;
  let cursor = 0;
  const batchRng = createRng(e.seed, `batch:${run.name}`);
  const nextBatch = (): Int32Array => {
    if (!order || cursor >= n) {
      order = order ?? Int32Array.from({ length: n }, (_, i) => i);
      shuffleInPlace(order, batchRng);
      cursor = 0;
    }
    const b = order.subarray(cursor, Math.min(n, cursor + batch!));
    cursor += batch!;
    return b;
  };

  const t0 = Date.now();
  const due = createThrottle(33);
  let reportedUpTo = 0;
  const report = (k: number) => {
    ctx.progress(steps === 0 ? 1 : k / steps, {
      name: run.name,
      step: k,
      from: reportedUpTo,
      lossTail: loss.slice(reportedUpTo, k + 1),
      params: p.slice(),
    } satisfies RunProgress);
    reportedUpTo = k + 1;
  };

  let status: RunStatus = 'ok';
  let message: string | undefined;
  let k = 0;
  for (; ; k++) {
    // loss[k]: full-batch loss at the current point. A full-batch step evaluates it anyway (and says so
    // by returning it); a minibatch run measures it with the separate recorder.
    if (k === steps || batch !== null) loss[k] = full.loss(p);
    if (testF) testLoss[k] = testF.loss(p);
    if (measureAccuracy) accuracy[k] = measureAccuracy(p);
    if (k === 0 || k === steps || k % every === 0) snapshot(k);
    if (k === steps) break;
    if (ctx.cancelled) {
      status = 'cancelled';
      message = `cancelled after ${k} of ${steps} steps`;
      break;
    }
    f.setBatch(batch !== null ? nextBatch() : null);
    lrs[k] = sched.lr;
    const at = opt.step(p, f, sched.lr);
    sched.step();
    if (batch === null) loss[k] = at;
    ev.loss[k + 1] = f.counts.loss;
    ev.grad[k + 1] = f.counts.grad;
    ev.hvp[k + 1] = f.counts.hvp;
    timeMs[k + 1] = Date.now() - t0;
    if (isDiverged(loss[k]!, loss[0]!) || !p.every(Number.isFinite)) {
      status = 'diverged';
      message = `loss became ${loss[k]} at step ${k}`;
      k++;
      loss[k] = full.loss(p);
      if (testF) testLoss[k] = testF.loss(p);
      if (measureAccuracy) accuracy[k] = measureAccuracy(p);
      if (snaps === 0 || pathSteps[snaps - 1] !== k) snapshot(k);
      break;
    }
    if (due()) {
      report(k);
      await ctx.checkpoint();
    }
  }
  const done = k;
  report(done);
  return {
    name: run.name,
    status,
    engine: setup.engine.name,
    kernel: raw.kernel ?? 'js',
    ...(message ? { message } : {}),
    steps: done,
    loss: loss.slice(0, done + 1),
    testLoss: testLoss.slice(0, testF ? done + 1 : 0),
    ...(measureAccuracy ? { accuracy: accuracy.slice(0, done + 1) } : {}),
    params: p,
    evals: {
      loss: ev.loss.slice(0, done + 1),
      grad: ev.grad.slice(0, done + 1),
      hvp: ev.hvp.slice(0, done + 1),
    },
    timeMs: timeMs.slice(0, done + 1),
    path: path.slice(0, snaps * dim),
    pathSteps: pathSteps.slice(0, snaps),
    lr: lrs.slice(0, done),
    ...(run.recordState
      ? { state: Object.fromEntries(Object.entries(state).map(([key, v]) => [key, v.slice(0, snaps * dim)])) }
      : {}),
  };
}
