/**
 * Seed 000 for one input and one hidden layer: unit k contributes v_k·act(w_k x + b_k) and puts its
 * kink at x = -b_k / w_k (none when w_k = 0). Reads the flat layout of core/network/spec.
 */
import { getActivation } from '../../../core/network/activations';
import { layoutOf, type NetworkSpec } from '../../../core/network/spec';

export interface Unit {
  readonly index: number;
  readonly w: number;
  readonly b: number;
  /** Output weight. */
  readonly v: number;
  /** -b/w, or null when w = 0. */
  readonly kink: number | null;
}

export function isShallow1d(spec: Pick<NetworkSpec, 'inputs' | 'hidden'>): boolean {
  return spec.inputs === 1 && spec.hidden.length === 1;
}

export function unitsOf(spec: Pick<NetworkSpec, 'inputs' | 'hidden'>, p: Float64Array): Unit[] {
  if (!isShallow1d(spec)) return [];
  const [l1, l2] = layoutOf(spec).layers;
  const units: Unit[] = [];
  for (let k = 0; k < l1!.fanOut; k++) {
    const w = p[l1!.w + k]!;
    const b = p[l1!.b + k]!;
    units.push({ index: k, w, b, v: p[l2!.w + k]!, kink: w !== 0 ? -b / w : null });
  }
  return units;
}

/** One unit's contribution v·act(w x + b) at each x. */
export function unitContribution(
  spec: NetworkSpec,
  u: Unit,
  xs: ArrayLike<number>,
  out: Float64Array,
): Float64Array {
  const act = getActivation(spec.activation);
  for (let i = 0; i < xs.length; i++) out[i] = u.v * act.f(u.w * xs[i]! + u.b, spec.leakySlope);
  return out;
}
