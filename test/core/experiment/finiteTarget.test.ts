/**
 * A formula target must be finite over the training domain: the schema says where it is not, at the
 * field's path, so the editor shows it while typing (issue 15) instead of the run failing later.
 */
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../../src/core/experiment/validate';

function check(expr: string, inputs: 1 | 2 = 1, domain?: [number, number][]) {
  const v = validateExperiment({
    relief: 1,
    data: { target: { expr }, train: { n: 10, ...(domain ? { domain } : {}) } },
    model: { inputs, hidden: [2] },
    runs: [{ name: 'a', optimizer: { type: 'sgd', lr: 0.1 } }],
  });
  return v.ok ? null : v.problems.find((p) => p.path === 'data.target.expr')?.message;
}

describe('formula targets are finite over the domain', () => {
  it('rejects 1/0, log of a negative, sqrt below 0 and a pole inside the domain, naming the point', () => {
    expect(check('1/0')).toMatch(/\+∞ at x = -1.*finite over the domain \[-1, 1\]/);
    expect(check('log(-1-x^2)')).toMatch(/NaN/);
    expect(check('sqrt(x)')).toMatch(/NaN\) at x = -1/);
    expect(check('1/(x-0.5)')).toMatch(/at x = 0\.5/);
    expect(check('x/y', 2)).toMatch(/−∞ at x = -1, y = 0/);
  });

  it('accepts finite formulas, and judges them on the training domain given', () => {
    expect(check('sin(3*x) + 0.3*x^2')).toBeNull();
    expect(check('x*y', 2)).toBeNull();
    expect(check('sqrt(x)', 1, [[0, 4]])).toBeNull();
    expect(check('log(x)', 1, [[0.5, 2]])).toBeNull();
  });
});

describe('the inputs limit in words', () => {
  it('says how many inputs are allowed, at model.inputs', () => {
    const msg = (inputs: number) => {
      const v = validateExperiment({
        relief: 1,
        data: { train: { x: [[0, 0, 0, 0]], y: [0] } },
        model: { inputs, hidden: [2] },
        runs: [{ name: 'a', optimizer: { type: 'sgd', lr: 0.1 } }],
      });
      return v.ok ? null : v.problems.find((p) => p.path === 'model.inputs')?.message;
    };
    expect(msg(65)).toBe('at most 64 inputs are supported');
    expect(msg(0)).toMatch(/at least 1 input/);
    expect(msg(2.5)).toBe('must be a whole number of inputs, from 1 to 64');
  });
});
