import { describe, expect, it } from 'vitest';
import { compileExpression, ExpressionError } from '../../src/core/data/expression';
import { presets } from '../../src/core/data/presets';
import { knotsFunction } from '../../src/core/data/target';

describe('safe expressions', () => {
  it('evaluates the usual functions and operators like Math', () => {
    const f = compileExpression('sin(3*x) + 0.3*x^2 - max(x, y)/2 + (x > 0 ? 1 : -1) + log(8, 2) + 2x', [
      'x',
      'y',
    ]);
    const x = 0.7;
    const y = -0.2;
    expect(f([x, y])).toBeCloseTo(Math.sin(3 * x) + 0.3 * x * x - Math.max(x, y) / 2 + 1 + 3 + 2 * x, 14);
  });

  it.each([
    ['import("fs")', 'not allowed'],
    ['x = 3', 'not allowed'],
    ['f(t) = t^2', 'not allowed'],
    ['evaluate("1+1")', "function 'evaluate' is not allowed"],
    ['createUnit("foo")', "function 'createUnit' is not allowed"],
    ['[1, 2]', 'not allowed'],
    ['"text"', 'only numbers'],
    ['sin(z)', "unknown variable 'z'"],
    ['sin(x, x)', 'sin takes 1 to 1 arguments'],
    ['x +', 'cannot parse'],
    ['x.constructor', 'not allowed'],
  ])('rejects %s', (text, msg) => {
    expect(() => compileExpression(text, ['x', 'y'])).toThrow(ExpressionError);
    expect(() => compileExpression(text, ['x', 'y'])).toThrow(msg);
  });

  it('compiles every preset over its inputs', () => {
    for (const p of presets.values()) {
      const f = compileExpression(p.expr, p.inputs === 1 ? ['x'] : ['x', 'y']);
      expect(Number.isFinite(f([0.3, -0.4]))).toBe(true);
    }
  });
});

describe('knots targets', () => {
  it('interpolates, is flat on the left and keeps the last slope on the right', () => {
    const f = knotsFunction([
      [0, 0],
      [1, 2],
      [2, 1],
    ]);
    expect(f(0.5)).toBe(1);
    expect(f(1.5)).toBe(1.5);
    expect(f(-3)).toBe(0);
    expect(f(4)).toBe(-1);
    expect(f(1)).toBe(2);
  });
});
