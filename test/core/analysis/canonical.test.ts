/**
 * The canonical form's sign rule for odd activations (tanh) must not depend on the sign of a noise-level
 * entry: two points 6.6e-13 apart (a unit's bias +3.3e-13 in one, −3.3e-13 in the other, as symmetric data
 * leaves tanh units) must get canonical forms as close as the points themselves.
 */
import { describe, expect, it } from 'vitest';
import { canonicalParams, relativeDistance } from '../../../src/core/analysis/canonical';
import { createDenseNetwork } from '../../../src/core/network/dense';
import { layoutOf, type NetworkSpec } from '../../../src/core/network/spec';

const spec: NetworkSpec = { inputs: 1, hidden: [3], activation: 'tanh', leakySlope: 0 };
const layout = layoutOf(spec);
// layout: W1 [1x3], b1 [3], W2 [3x1], b2
const base = [0.8, -1.3, 0.4, 3.3e-13, 0.2, -0.5, 1.1, -0.7, 0.9, 0.05];

describe('canonical form of tanh networks', () => {
  it('the failing pair: points 6.6e-13 apart (bias ±3.3e-13) get canonical forms within 1e-12', () => {
    const p = Float64Array.from(base);
    const q = Float64Array.from(base);
    q[layout.layers[0]!.b] = -3.3e-13;
    const apart = relativeDistance(p, q);
    expect(apart).toBeCloseTo(6.6e-13 / Math.hypot(...base), 20);
    const d = relativeDistance(canonicalParams(spec, p), canonicalParams(spec, q));
    console.log(`points ${apart.toExponential(2)} apart: canonical forms ${d.toExponential(2)} apart`);
    expect(d).toBeLessThanOrEqual(2 * apart);
  });

  it('a unit with its signs flipped computes the same function and has the same canonical form', () => {
    const p = Float64Array.from(base);
    const q = Float64Array.from(base);
    const [l0, l1] = layout.layers;
    for (const j of [0, 2]) {
      q[l0!.w + j] = -q[l0!.w + j]!;
      q[l0!.b + j] = -q[l0!.b + j]!;
      q[l1!.w + j] = -q[l1!.w + j]!;
    }
    const net = createDenseNetwork(spec);
    const xs = Float64Array.from({ length: 9 }, (_, i) => -1 + i / 4);
    const a = new Float64Array(9);
    const b = new Float64Array(9);
    net.predict(p, xs, a);
    net.predict(q, xs, b);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 14));
    expect(relativeDistance(p, q)).toBeGreaterThan(0.5);
    expect(relativeDistance(canonicalParams(spec, p), canonicalParams(spec, q))).toBeLessThan(1e-15);
  });

  it('each unit’s incoming entry of largest magnitude is positive in the canonical form', () => {
    const c = canonicalParams(spec, Float64Array.from(base));
    const [l0] = layout.layers;
    for (let j = 0; j < 3; j++) {
      const w = c[l0!.w + j]!;
      const bias = c[l0!.b + j]!;
      expect(Math.abs(w) >= Math.abs(bias) ? w : bias).toBeGreaterThan(0);
    }
  });
});
