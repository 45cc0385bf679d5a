import { describe, expect, it } from 'vitest';
import { activationNames } from '../../src/core/network/activations';
import { createDenseNetwork } from '../../src/core/network/dense';
import { layoutOf } from '../../src/core/network/spec';
import { createRng } from '../../src/core/rng';

/** Central finite differences of the loss, the independent truth for backprop. */
function fdGrad(loss: (p: Float64Array) => number, p: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(p.length);
  for (let i = 0; i < p.length; i++) {
    const q = p.slice();
    q[i] = p[i]! + h;
    const up = loss(q);
    q[i] = p[i]! - h;
    g[i] = (up - loss(q)) / (2 * h);
  }
  return g;
}

const depths = [[5], [4, 3], [3, 3, 2]];

describe('backprop gradients against central finite differences', () => {
  for (const activation of activationNames)
    for (const hidden of depths)
      for (const inputs of [1, 2] as const)
        it(`${activation}, hidden ${JSON.stringify(hidden)}, ${inputs} input(s)`, () => {
          const spec = { inputs, hidden, activation, leakySlope: 0.1 };
          const net = createDenseNetwork(spec);
          const rng = createRng(hidden.length * 10 + inputs, activation);
          const n = 37;
          const xs = Float64Array.from({ length: n * inputs }, () => 2 * rng.uniform() - 1);
          const ys = Float64Array.from({ length: n }, () => rng.normal());
          const p = Float64Array.from(
            { length: layoutOf(spec).size },
            () => (activation === 'exp' ? 0.3 : 0.8) * rng.normal(),
          );
          expect(Number.isFinite(net.loss(p, xs, ys))).toBe(true);
          const g = new Float64Array(p.length);
          const l = net.lossGrad(p, xs, ys, g);
          expect(l).toBeCloseTo(net.loss(p, xs, ys), 12);
          const fd = fdGrad((q) => net.loss(q, xs, ys), p);
          const scale = Math.max(1, ...Array.from(fd, Math.abs));
          for (let i = 0; i < p.length; i++) expect(Math.abs(g[i]! - fd[i]!) / scale).toBeLessThan(2e-6);
        });
});
