import { describe, expect, it } from 'vitest';
import { buildData } from '../../src/core/data/build';
import type { NetworkExperiment } from '../../src/core/experiment/schema';
import { validateExperiment } from '../../src/core/experiment/validate';

function exp(data: unknown, inputs = 1, seed = 5) {
  const v = validateExperiment({
    relief: 1,
    seed,
    data,
    model: { inputs },
    runs: [{ name: 'a', optimizer: { type: 'sgd' } }],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.experiment as NetworkExperiment;
}

describe('data sets', () => {
  it('samples uniformly inside the domain, labels with the target, reproducibly', () => {
    const e = exp({ target: { expr: '2*x + 1' }, train: { n: 1000, domain: [[2, 3]] } });
    const d = buildData(e);
    expect(d.train.n).toBe(1000);
    expect(Math.min(...d.train.x)).toBeGreaterThanOrEqual(2);
    expect(Math.max(...d.train.x)).toBeLessThan(3);
    d.train.x.forEach((x, i) => expect(d.train.y[i]).toBe(2 * x + 1));
    expect(buildData(e).train.x).toEqual(d.train.x);
    expect(buildData({ ...e, seed: 6 }).train.x).not.toEqual(d.train.x);
  });

  it('builds 1-D and 2-D grids with both ends included', () => {
    const d1 = buildData(exp({ target: { preset: 'abs' }, train: { n: 5, sampling: 'grid' } }));
    expect(Array.from(d1.train.x)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(Array.from(d1.train.y)).toEqual([1, 0.5, 0, 0.5, 1]);
    const d2 = buildData(exp({ target: { preset: 'saddle' }, train: { n: 9, sampling: 'grid' } }, 2));
    expect(d2.train.n).toBe(9);
    expect(Array.from(d2.train.x.subarray(0, 6))).toEqual([-1, -1, 0, -1, 1, -1]);
    expect(d2.train.y[4]).toBe(0);
  });

  it('adds seeded noise of the given std to training targets only', () => {
    const e = exp({ target: { expr: '0' }, train: { n: 20000 }, test: { n: 10 }, noise: 0.5 });
    const d = buildData(e);
    const m = d.train.y.reduce((a, b) => a + b, 0) / d.train.n;
    const v = d.train.y.reduce((a, b) => a + (b - m) ** 2, 0) / d.train.n;
    expect(Math.sqrt(v)).toBeCloseTo(0.5, 1);
    expect(Array.from(d.test!.y).every((y) => y === 0)).toBe(true);
  });

  it('takes explicit samples as given', () => {
    const d = buildData(
      exp(
        {
          target: { expr: 'x*y' },
          train: {
            x: [
              [1, 2],
              [3, 4],
            ],
            y: [5, 6],
          },
        },
        2,
      ),
    );
    expect(Array.from(d.train.x)).toEqual([1, 2, 3, 4]);
    expect(Array.from(d.train.y)).toEqual([5, 6]);
  });

  it('names the problem when a target is not finite on the data', () => {
    // (The schema already rejects a formula that is not finite over the training domain; a test set drawn
    // beyond that domain can still reach a point where it is not.)
    expect(() =>
      buildData(
        exp({
          target: { expr: 'sqrt(1 - x^2)' },
          train: { n: 10, sampling: 'grid' },
          test: { n: 10, sampling: 'grid', domain: [[-2, 2]] },
        }),
      ),
    ).toThrow(/data\.target: the target is not finite at sample 0 of the test set/);
  });
});
