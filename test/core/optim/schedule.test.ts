import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../../src/core/experiment/validate';
import { inlineContext } from '../../../src/core/jobs/types';
import { optimizerList } from '../../../src/core/optim/registry';
import { setUp } from '../../../src/core/setup';
import { createScheduler, type ScheduleSpec } from '../../../src/core/train/schedule';
import { trainRun } from '../../../src/core/train/trainRun';

/** torch's closed forms (`_get_closed_form_lr`): an independent statement of each schedule. */
const closedForm: [ScheduleSpec, (k: number) => number][] = [
  [{ type: 'step', stepSize: 7, gamma: 0.5 }, (k) => 0.1 * 0.5 ** Math.floor(k / 7)],
  [{ type: 'exponential', gamma: 0.97 }, (k) => 0.1 * 0.97 ** k],
  [
    { type: 'cosine', tMax: 13, etaMin: 0.01 },
    (k) => 0.01 + ((0.1 - 0.01) * (1 + Math.cos((Math.PI * k) / 13))) / 2,
  ],
  [
    { type: 'warmup', startFactor: 0.2, endFactor: 0.9, totalIters: 9 },
    (k) => 0.1 * (0.2 + ((0.9 - 0.2) * Math.min(9, k)) / 9),
  ],
];

describe('learning-rate schedules (torch.optim.lr_scheduler semantics)', () => {
  for (const [spec, lrAt] of closedForm)
    it(`${spec.type} follows torch's closed form over several periods`, () => {
      const s = createScheduler(spec, 0.1);
      for (let k = 0; k < 100; k++) {
        expect(Math.abs(s.lr - lrAt(k))).toBeLessThan(1e-12);
        s.step();
      }
    });

  it('no schedule keeps lr constant', () => {
    const s = createScheduler(null, 0.3);
    for (let k = 0; k < 5; k++) s.step();
    expect(s.lr).toBe(0.3);
  });
});

describe('trainRun: schedules, clipping and optimizer-state snapshots', () => {
  const experiment = (run: Record<string, unknown>) => {
    const v = validateExperiment({
      relief: 1,
      seed: 3,
      data: { target: { expr: 'sin(3*x)' }, train: { n: 30 } },
      model: { hidden: [5], activation: 'tanh' },
      runs: [{ name: 'r', steps: 12, ...run }],
    });
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    return setUp(v.experiment);
  };

  it('records the lr of every update and the optimizer state at every snapshot', async () => {
    const setup = experiment({
      optimizer: { type: 'adam', lr: 0.05 },
      schedule: { type: 'step', stepSize: 5, gamma: 0.1 },
      recordState: true,
    });
    const r = await trainRun(setup, 'r', inlineContext());
    expect(Array.from(r.lr!)).toEqual(Array.from({ length: 12 }, (_, k) => 0.05 * 0.1 ** Math.floor(k / 5)));
    const dim = setup.dim;
    expect(Object.keys(r.state!).sort()).toEqual(['m', 'v']);
    expect(r.state!.m!.length).toBe(r.pathSteps.length * dim);
    // before the first update the moments are zero; after it m = (1-β1) g0 and v = (1-β2) g0²
    expect(r.state!.m!.subarray(0, dim).every((x) => x === 0)).toBe(true);
    const g0 = new Float64Array(dim);
    setup.objective().lossGrad(setup.initial, g0);
    for (let i = 0; i < dim; i++) {
      expect(r.state!.m![dim + i]).toBeCloseTo(0.1 * g0[i]!, 14);
      expect(r.state!.v![dim + i]).toBeCloseTo(0.001 * g0[i]! ** 2, 14);
    }
  });

  it('without recordState no state is stored', async () => {
    const r = await trainRun(experiment({ optimizer: { type: 'sgd', momentum: 0.9 } }), 'r', inlineContext());
    expect(r.state).toBeUndefined();
  });

  it('clipNorm bounds every update of plain GD by lr·clipNorm', async () => {
    const setup = experiment({ optimizer: { type: 'sgd', lr: 0.5 }, clipNorm: 0.01 });
    const r = await trainRun(setup, 'r', inlineContext());
    const dim = setup.dim;
    for (let k = 1; k < r.pathSteps.length; k++) {
      let s = 0;
      for (let i = 0; i < dim; i++) s += (r.path[k * dim + i]! - r.path[(k - 1) * dim + i]!) ** 2;
      expect(Math.sqrt(s)).toBeLessThanOrEqual(0.5 * 0.01 * (1 + 1e-12));
    }
  });

  it('clipValue bounds every component of every update of plain GD by lr·clipValue, and binds', async () => {
    const setup = experiment({ optimizer: { type: 'sgd', lr: 0.5 }, clipValue: 0.01 });
    const r = await trainRun(setup, 'r', inlineContext());
    const dim = setup.dim;
    let bound = 0;
    for (let k = 1; k < r.pathSteps.length; k++)
      for (let i = 0; i < dim; i++) {
        const step = Math.abs(r.path[k * dim + i]! - r.path[(k - 1) * dim + i]!);
        expect(step).toBeLessThanOrEqual(0.5 * 0.01 * (1 + 1e-12));
        if (Math.abs(step - 0.5 * 0.01) < 1e-15) bound++;
      }
    expect(bound).toBeGreaterThan(0);
  });

  for (const def of optimizerList)
    it(`${def.type} runs on minibatches with its defaults and counts its evaluations`, async () => {
      const r = await trainRun(
        experiment({
          optimizer: { type: def.type },
          batchSize: 8,
          schedule: { type: 'exponential', gamma: 0.9 },
        }),
        'r',
        inlineContext(),
      );
      expect(r.status).toBe('ok');
      expect(r.steps).toBe(12);
      expect(r.loss.every(Number.isFinite)).toBe(true);
      for (let k = 1; k <= 12; k++) {
        expect(r.evals.grad[k]).toBeGreaterThan(r.evals.grad[k - 1]!);
        expect(r.evals.loss[k]).toBeGreaterThanOrEqual(r.evals.grad[k]!);
      }
      expect(r.evals.hvp[12]! > 0).toBe(def.needsHvp === true);
    });
});
