import { describe, expect, it } from 'vitest';
import { formatProblems, validateExperiment } from '../../../src/core/experiment/validate';
import { inlineContext } from '../../../src/core/jobs/types';
import { computeSlice } from '../../../src/core/landscape/slice';
import { setUp } from '../../../src/core/setup';
import { experiment } from './helpers';

const base = {
  relief: 1,
  data: { target: { expr: 'x' }, train: { n: 10 } },
  model: { inputs: 1, hidden: [3] },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 3 }],
};

/** Problems the schema finds: [case, landscape, fragments of the message]. */
const schemaCases: [string, unknown, string[]][] = [
  ['a 402-point axis', { resolution: [402, 10] }, ['landscape.resolution[0]', '401']],
  ['a 1-point axis', { resolution: [10, 1] }, ['landscape.resolution[1]', 'at least 2']],
  ['an empty range', { alpha: [1, -1] }, ['landscape.alpha', 'lo < hi']],
  ['an unknown direction kind', { directions: { kind: 'spiral' } }, ['landscape.directions', 'random, pca']],
  ['an unknown normalization', { normalization: 'unit' }, ['landscape.normalization']],
  ['a bad center', { center: 'final' }, ['landscape.center', '"init", {"run": NAME}']],
  ['an unknown dataset', { dataset: 'valid' }, ['landscape.dataset']],
  ['an unknown field', { zoom: 2 }, ['landscape', 'zoom']],
];

describe('bad landscape specs give clear errors naming the field', () => {
  for (const [name, landscape, want] of schemaCases)
    it(name, () => {
      const v = validateExperiment({ ...base, landscape });
      expect(v.ok).toBe(false);
      const msg = formatProblems((v as { problems: { path: string; message: string }[] }).problems);
      for (const w of want) expect(msg).toContain(w);
    });

  /** References to runs and parameters that do not exist: refused by the schema (`validate`), at their path. */
  const referenceCases: [string, Record<string, unknown>, string][] = [
    [
      'a center naming no run',
      { center: { run: 'adam' } },
      "landscape.center.run: no run named 'adam'; runs: gd, mom",
    ],
    [
      'a center of the wrong length',
      { center: [1, 2] },
      'landscape.center: has 2 numbers; this model has 16 parameters',
    ],
    [
      'explicit directions of the wrong length',
      { directions: { kind: 'explicit', d1: [1], d2: [2] } },
      'landscape.directions.d1: has 1 numbers',
    ],
    [
      'an unknown parameter name',
      { directions: { kind: 'axes', d1: 'weight', d2: 0 } },
      "landscape.directions.d1: no parameter named 'weight'",
    ],
    [
      'a parameter index out of range',
      { directions: { kind: 'axes', d1: 0, d2: 99 } },
      'landscape.directions.d2: parameter index 99 is out of range',
    ],
    [
      'pca of an unknown run',
      { directions: { kind: 'pca', runs: ['x'] } },
      "landscape.directions.runs[0]: no run named 'x'",
    ],
  ];
  for (const [name, landscape, want] of referenceCases)
    it(name, () => {
      expect(() => experiment({ landscape: { resolution: [3, 3], ...landscape } })).toThrow(want);
    });

  /** Problems only the resolver can see (they depend on the trained or initial point). */
  const resolveCases: [string, Record<string, unknown>, string][] = [
    [
      'parallel explicit directions',
      { directions: { kind: 'explicit', d1: Array(16).fill(1), d2: Array(16).fill(2) } },
      'landscape.directions: d1 and d2 are parallel',
    ],
    ['filter normalization at a zero center', { center: Array(16).fill(0) }, 'landscape.normalization'],
  ];
  for (const [name, landscape, want] of resolveCases)
    it(name, async () => {
      const e = experiment({ landscape: { resolution: [3, 3], ...landscape } });
      await expect(computeSlice(setUp(e), undefined, inlineContext())).rejects.toThrow(want);
      await expect(computeSlice(setUp(e), undefined, inlineContext())).rejects.toBeInstanceOf(RangeError);
    });

  it('a test-set slice without data.test', async () => {
    const v = validateExperiment({ ...base, landscape: { dataset: 'test' } });
    if (!v.ok) throw new Error('expected a valid schema');
    await expect(computeSlice(setUp(v.experiment), undefined, inlineContext())).rejects.toThrow(
      'landscape.dataset: is "test" but the experiment has no data.test',
    );
  });
});
