import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../src/core/experiment/validate';
import { inlineContext } from '../../src/core/jobs/types';
import { setUp } from '../../src/core/setup';
import { trainRun } from '../../src/core/train/trainRun';

function setup(runs: unknown[], extra: Record<string, unknown> = {}) {
  const v = validateExperiment({
    relief: 1,
    seed: 3,
    data: { target: { preset: 'seed001' }, train: { n: 64 }, test: { n: 16, sampling: 'grid' } },
    model: { inputs: 1, hidden: [6], activation: 'tanh', init: { scheme: 'xavier' } },
    runs,
    ...extra,
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return setUp(v.experiment);
}

describe('trainRun', () => {
  it('records loss[k] as the full-batch loss after k steps, test loss alongside, and counts evaluations', async () => {
    const s = setup([{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 10 }]);
    const r = await trainRun(s, 'gd', inlineContext());
    expect(r.loss.length).toBe(11);
    expect(r.testLoss.length).toBe(11);
    const f = s.objective();
    expect(r.loss[10]).toBe(f.loss(r.params));
    expect(r.loss[0]).toBe(f.loss(s.initial));
    expect(Array.from(r.evals.grad)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.pathSteps.length).toBe(11);
    expect(Array.from(r.path.subarray(0, s.dim))).toEqual(Array.from(s.initial));
  });

  it('does the plain GD update θ ← θ - lr ∇L exactly', async () => {
    const s = setup([{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 1 }]);
    const r = await trainRun(s, 'gd', inlineContext());
    const g = new Float64Array(s.dim);
    s.objective().lossGrad(s.initial, g);
    s.initial.forEach((p, i) => expect(r.params[i]).toBe(p - 0.1 * g[i]!));
  });

  it('minibatches: reshuffled per epoch from the seeded stream, reproducible, loss still full-batch', async () => {
    const s = setup([{ name: 'mb', optimizer: { type: 'sgd', lr: 0.05 }, steps: 20, batchSize: 10 }]);
    const a = await trainRun(s, 'mb', inlineContext());
    const b = await trainRun(s, 'mb', inlineContext());
    expect(a.params).toEqual(b.params);
    expect(a.loss[20]).toBe(s.objective().loss(a.params));
    const full = await trainRun(
      setup([{ name: 'mb', optimizer: { type: 'sgd', lr: 0.05 }, steps: 20 }]),
      'mb',
      inlineContext(),
    );
    expect(full.params).not.toEqual(a.params);
  });

  it('stops a diverging run with status "diverged" and keeps its history', async () => {
    const s = setup([{ name: 'boom', optimizer: { type: 'sgd', lr: 1e5 }, steps: 200 }]);
    const r = await trainRun(s, 'boom', inlineContext());
    expect(r.status).toBe('diverged');
    expect(r.message).toMatch(/loss became/);
    expect(r.steps).toBeLessThan(200);
    expect(r.loss.length).toBe(r.steps + 1);
    expect(r.loss[0]).toBeLessThan(10);
  });

  it('returns status "cancelled" with the history so far', async () => {
    const s = setup([{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 1000 }]);
    let n = 0;
    const ctx = {
      progress: () => {},
      checkpoint: async () => {},
      get cancelled() {
        return ++n > 5;
      },
    };
    const r = await trainRun(s, 'gd', ctx);
    expect(r.status).toBe('cancelled');
    expect(r.steps).toBeGreaterThan(0);
    expect(r.loss.length).toBe(r.steps + 1);
  });
});
