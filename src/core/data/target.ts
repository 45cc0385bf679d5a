/** Turns the Experiment's `data.target` into a function of the inputs. */
import { inputNames } from '../network/spec';
import { compileExpression } from './expression';
import { presets } from './presets';

/** A target that is a function of the inputs (the `classes` datasets draw their own points instead). */
export type TargetSpec = { expr: string } | { knots: [number, number][] } | { preset: string };

export type TargetFn = (x: number, y: number) => number;

/**
 * The CPWL function through `knots` (x strictly increasing): linear between knots, flat left of the
 * first knot and continuing the last slope right of the last one, which is exactly what the k ReLU
 * units of `cpwlToNetwork` draw, so that network has zero loss everywhere.
 */
export function knotsFunction(knots: readonly (readonly [number, number])[]): (x: number) => number {
  const xs = knots.map((k) => k[0]);
  const ys = knots.map((k) => k[1]);
  const last = knots.length - 1;
  return (x) => {
    if (x <= xs[0]!) return ys[0]!;
    let lo = 0;
    let hi = last;
    if (x >= xs[last]!) {
      lo = last - 1;
    } else {
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (xs[mid]! <= x) lo = mid;
        else hi = mid;
      }
    }
    const s = (ys[lo + 1]! - ys[lo]!) / (xs[lo + 1]! - xs[lo]!);
    return ys[lo]! + s * (x - xs[lo]!);
  };
}

export function targetFunction(t: TargetSpec): TargetFn {
  if ('knots' in t) {
    const f = knotsFunction(t.knots);
    return (x) => f(x);
  }
  const text = 'expr' in t ? t.expr : presets.get(t.preset)!.expr;
  const f = compileExpression(text, ['x', 'y']);
  const v = new Float64Array(2);
  return (x, y) => {
    v[0] = x;
    v[1] = y;
    return f(v);
  };
}

/**
 * The target as a function of a sample's inputs (a row of `inputs` numbers starting at `offset`). One or
 * two inputs are called x and y; more are x1..xd (inputNames).
 */
export function vectorTarget(
  t: TargetSpec,
  inputs: number,
): (xs: ArrayLike<number>, offset: number) => number {
  if (inputs <= 2) {
    const f = targetFunction(t);
    return inputs === 1 ? (xs, o) => f(xs[o]!, 0) : (xs, o) => f(xs[o]!, xs[o + 1]!);
  }
  if (!('expr' in t)) throw new RangeError('data.target: only a formula ("expr") takes more than two inputs');
  const f = compileExpression(t.expr, inputNames(inputs));
  const v = new Float64Array(inputs);
  return (xs, o) => {
    for (let i = 0; i < inputs; i++) v[i] = xs[o + i]!;
    return f(v);
  };
}

/** The formula a target shows in the UI. */
export function targetFormula(t: TargetSpec): string {
  if ('expr' in t) return t.expr;
  if ('preset' in t) return presets.get(t.preset)?.expr ?? t.preset;
  return `CPWL through ${t.knots.length} knots`;
}
