import { describe, expect, it } from 'vitest';
import { validateExperiment, type Problem } from '../../../src/core/experiment/validate';
import { optimizerList } from '../../../src/core/optim/registry';

const base = (run: Record<string, unknown>) => ({
  relief: 1,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 20 } },
  model: { hidden: [4] },
  runs: [{ name: 'r', steps: 3, ...run }],
});

function problems(run: Record<string, unknown>): Problem[] {
  const v = validateExperiment(base(run));
  // What the user is told: the path and the message (the rule's code and numbers are checked elsewhere).
  return v.ok ? [] : v.problems.map(({ path, message }) => ({ path, message }));
}

describe('optimizer hyperparameter schemas', () => {
  it('every optimizer validates with defaults only, and every field has a default and help', () => {
    for (const def of optimizerList) {
      expect(problems({ optimizer: { type: def.type } }), def.type).toEqual([]);
      for (const [key, field] of Object.entries(def.schema.shape)) {
        expect((field as { description?: string }).description, `${def.type}.${key} help`).toBeTruthy();
        expect(
          () => (field as { parse(v: unknown): unknown }).parse(undefined),
          `${def.type}.${key} default`,
        ).not.toThrow();
      }
    }
  });

  it('defaults are torch.optim defaults', () => {
    const v = validateExperiment(base({ optimizer: { type: 'adam' } }));
    expect(v.ok && v.experiment.runs[0]!.optimizer).toEqual({
      type: 'adam',
      lr: 0.001,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weightDecay: 0,
      amsgrad: false,
    });
    const w = validateExperiment(base({ optimizer: { type: 'adamw' } }));
    expect(w.ok && (w.experiment.runs[0]!.optimizer as { weightDecay: number }).weightDecay).toBe(0.01);
    const l = validateExperiment(base({ optimizer: { type: 'lbfgs' } }));
    expect(l.ok && l.experiment.runs[0]!.optimizer).toMatchObject({
      lr: 1,
      maxIter: 20,
      maxEval: null,
      toleranceGrad: 1e-7,
      toleranceChange: 1e-9,
      historySize: 100,
      lineSearchFn: null,
    });
  });

  it('negative lr names the field and the rule', () => {
    for (const type of ['sgd', 'adam', 'rmsprop', 'lbfgs'])
      expect(problems({ optimizer: { type, lr: -0.1 } })).toEqual([
        { path: 'runs[0].optimizer.lr', message: 'lr must be > 0' },
      ]);
  });

  it('betas outside [0, 1) name the entry', () => {
    expect(problems({ optimizer: { type: 'adam', betas: [1, 0.999] } })).toEqual([
      { path: 'runs[0].optimizer.betas[0]', message: 'betas must lie in [0, 1)' },
    ]);
    expect(problems({ optimizer: { type: 'nadam', betas: [0.9, -0.5] } })).toEqual([
      { path: 'runs[0].optimizer.betas[1]', message: 'betas must lie in [0, 1)' },
    ]);
  });

  it('an unknown field is rejected by name', () => {
    const p = problems({ optimizer: { type: 'adam', momentum: 0.9 } });
    expect(p).toHaveLength(1);
    expect(p[0]!.path).toBe('runs[0].optimizer');
    expect(p[0]!.message).toMatch(/momentum/);
  });

  it('an unknown optimizer lists the known ones', () => {
    const p = problems({ optimizer: { type: 'adamz' } });
    expect(p[0]!.message).toMatch(/unknown optimizer type; known: sgd, adagrad/);
  });

  it('schedules and clipping validate', () => {
    expect(
      problems({ optimizer: { type: 'sgd' }, schedule: { type: 'cosine', tMax: 10 }, clipNorm: 1 }),
    ).toEqual([]);
    expect(problems({ optimizer: { type: 'sgd' }, schedule: { type: 'step' } })[0]!.path).toBe(
      'runs[0].schedule.stepSize',
    );
    expect(problems({ optimizer: { type: 'sgd' }, schedule: { type: 'linear' } })[0]!.message).toMatch(
      /unknown schedule type/,
    );
    expect(problems({ optimizer: { type: 'sgd' }, clipNorm: -1 })).toEqual([
      { path: 'runs[0].clipNorm', message: 'clipNorm must be > 0' },
    ]);
  });
});
