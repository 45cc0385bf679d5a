/**
 * Regression (issue 14): the same file with 1,000,000 training samples gave a different loss[0] in the app
 * and the CLI, and L-BFGS (fixed step, no line search: a chaotic map where the last bit matters) diverged
 * in one and not the other. Through the one coordinator, the runs are byte-identical whether the jobs run
 * inline (the CLI's --inline) or on Node worker threads (the CLI, and Electron's pool); Web Workers run the
 * same job code (test/e2e/pipeline.e2e.test.ts compares the web build with the CLI). The two kernels of
 * the exact engine (WebAssembly and JavaScript) may differ in the last bit: both agree to 1e-12 here.
 * Slow by nature (a million samples): kept to a few steps.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createExactObjective } from '../../src/core/engine/exact';
import { validateExperiment } from '../../src/core/experiment/validate';
import type { JobRunner, ResultOf } from '../../src/core/jobs/contract';
import { inlineRunner } from '../../src/core/jobs/runJob';
import { runPlan } from '../../src/core/pipeline/coordinator';
import { planExperiment } from '../../src/core/pipeline/plan';
import { setUp } from '../../src/core/setup';
import { createNodePool } from '../../src/node/pool/nodePool';

const doc = {
  relief: 1,
  seed: 42,
  data: { target: { preset: 'seed001' }, train: { n: 1_000_000, sampling: 'uniform' } },
  model: { inputs: 1, hidden: [16], activation: 'relu' },
  runs: [
    { name: 'lbfgs', optimizer: { type: 'lbfgs', lr: 1 }, steps: 8 },
    { name: 'gd', optimizer: { type: 'sgd', lr: 0.05 }, steps: 3 },
  ],
};

const pool = createNodePool(2);
afterAll(() => pool.close());

const workers: JobRunner = {
  parallelism: 2,
  run(kind, payload, onProgress) {
    const result = pool.run<ResultOf<typeof kind>>(kind, payload, {
      onProgress: onProgress as (f: number, p?: unknown) => void,
    });
    return { result, cancel: () => {} };
  },
};

describe('1,000,000 training samples', () => {
  it('trains byte-identically inline and on worker threads; the two kernels agree to 1e-12', async () => {
    const v = validateExperiment(doc);
    if (!v.ok) throw new Error('invalid');
    const plan = planExperiment(v.experiment, { slice: false });
    const inline = await runPlan(plan, inlineRunner()).result;
    const threads = await runPlan(plan, workers).result;
    for (const name of ['lbfgs', 'gd']) {
      const a = inline.runs.get(name)!;
      const b = threads.runs.get(name)!;
      expect(a.kernel).toBe(b.kernel);
      expect(Array.from(b.loss), name).toEqual(Array.from(a.loss));
      expect(Array.from(b.params), name).toEqual(Array.from(a.params));
    }
    const lb = inline.runs.get('lbfgs')!;
    console.log(
      `1e6 samples, ${lb.engine} engine on ${lb.kernel}: loss[0] ${lb.loss[0]}, L-BFGS after ${lb.steps} ` +
        `steps ${lb.loss.at(-1)} (${lb.status}); inline = worker threads, bit for bit`,
    );
    expect(lb.status).toBe('ok');
    expect(lb.loss.at(-1)!).toBeLessThan(lb.loss[0]!);
    // The exact engine's JavaScript kernel against the WebAssembly one at the start.
    const setup = setUp(v.experiment);
    if (setup.kind !== 'network') throw new Error('network expected');
    const js = createExactObjective(setup.spec, setup.data.train, false).loss(setup.initial);
    expect(Math.abs(js - lb.loss[0]!) / lb.loss[0]!).toBeLessThan(1e-12);
  }, 600_000);
});
