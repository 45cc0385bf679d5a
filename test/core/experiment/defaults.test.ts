/**
 * withDefaults against zod's own parse: on every valid document (the examples, the lessons' scenes, sparse
 * drafts with every optional section) it gives exactly what `validateExperiment` gives; on an invalid draft
 * it keeps the draft's values and fills only what is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultOf, withDefaults } from '../../../src/core/experiment/defaults';
import { runSchema } from '../../../src/core/experiment/runSchema';
import type { ExperimentInput } from '../../../src/core/experiment/schema';
import { validateExperiment } from '../../../src/core/experiment/validate';

const dir = new URL('../../../examples/', import.meta.url);
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => [f, JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as ExperimentInput] as const);

const sparse: [string, ExperimentInput][] = [
  [
    'network, everything defaulted',
    {
      relief: 1,
      data: { target: { expr: 'sin(3*x)' }, train: { n: 20 } },
      model: {},
      runs: [{ name: 'a', optimizer: { type: 'adam' } }],
    },
  ],
  [
    'every optimizer and schedule with its defaults',
    {
      relief: 1,
      data: { target: { preset: 'seed001' }, train: { n: 10 }, test: { n: 5 } },
      model: { hidden: [3, 2], init: { weights: { dist: 'uniform' }, bias: { dist: 'normal' } } },
      runs: [
        { name: 's', optimizer: { type: 'sgd' }, schedule: { type: 'cosine', tMax: 10 } },
        { name: 'r', optimizer: { type: 'rmsprop' }, schedule: { type: 'warmup' } },
        { name: 'l', optimizer: { type: 'lbfgs' }, batchSize: 4 },
        { name: 'n', optimizer: { type: 'nadam' } },
      ],
      landscape: { directions: { kind: 'pca' }, line: { to: { run: 's' } } },
    },
  ],
  [
    'a surface',
    {
      relief: 1,
      model: { kind: 'surface', preset: 'himmelblau' },
      runs: [{ name: 'g', optimizer: { type: 'sgd' } }],
    },
  ],
  [
    'explicit data, hessian plane',
    {
      relief: 1,
      seed: 3,
      data: {
        target: {
          knots: [
            [-1, 0],
            [0, 1],
            [1, 0],
          ],
        },
        train: { x: [-0.5, 0, 0.5], y: [0.5, 1, 0.5] },
      },
      model: { inputs: 1, hidden: [2] },
      runs: [{ name: 'g', optimizer: { type: 'sgd', lr: 0.1 } }],
      landscape: { directions: { kind: 'hessian' }, center: { run: 'g' } },
    },
  ],
];

describe('withDefaults equals zod’s parse on valid documents', () => {
  for (const [name, doc] of [...examples, ...sparse])
    it(name, () => {
      const v = validateExperiment(doc);
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const before = JSON.stringify(doc);
      expect(withDefaults(doc)).toEqual(v.experiment);
      expect(JSON.stringify(doc)).toBe(before); // the draft is not mutated
    });
});

describe('withDefaults on drafts that do not validate', () => {
  it('keeps the invalid values as typed and fills what is missing', () => {
    const draft = {
      relief: 1,
      data: { target: { expr: 'sin(' }, train: { n: -3 } },
      model: { hidden: [0] },
      runs: [{ name: 'a', optimizer: { type: 'sgd', lr: -1 } }],
    } as unknown as ExperimentInput;
    expect(validateExperiment(draft).ok).toBe(false);
    const f = withDefaults(draft);
    expect(f.data!.target).toEqual({ expr: 'sin(' });
    expect(f.data!.train).toEqual({ n: -3, sampling: 'uniform' });
    expect(f.model).toMatchObject({ hidden: [0], inputs: 1, activation: 'relu', leakySlope: 0.01 });
    expect(f.runs[0]).toMatchObject({ steps: 500, batchSize: null, clipNorm: null, clipValue: null });
    expect(f.runs[0]!.optimizer).toMatchObject({ type: 'sgd', lr: -1, momentum: 0 });
    expect(f.seed).toBe(42);
  });

  it('leaves an unknown optimizer type and a non-object section as they are', () => {
    const draft = {
      relief: 1,
      data: 7,
      model: {},
      runs: [{ name: 'a', optimizer: { type: 'nope', lr: 1 } }],
    } as unknown as ExperimentInput;
    const f = withDefaults(draft) as unknown as { data: unknown; runs: { optimizer: unknown }[] };
    expect(f.data).toBe(7);
    expect(f.runs[0]!.optimizer).toEqual({ type: 'nope', lr: 1 });
  });

  it('defaultOf reads a single field’s default; a fresh copy each time', () => {
    expect(defaultOf(runSchema.shape.steps)).toBe(500);
    const a = withDefaults(sparse[0]![1]);
    const b = withDefaults(sparse[0]![1]);
    expect(a.model).not.toBe(b.model);
    expect((a.model as { hidden: number[] }).hidden).not.toBe((b.model as { hidden: number[] }).hidden);
  });
});
