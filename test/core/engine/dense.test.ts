/**
 * The optimised dense kernels against a plain per-sample reference written from the definition,
 * on sizes that exercise the 4- and 2-sample groups and their tails, full batch and minibatches.
 */
import { describe, expect, it } from 'vitest';
import { activationNames, getActivation } from '../../../src/core/network/activations';
import { createDenseNetwork } from '../../../src/core/network/dense';
import { layoutOf, type NetworkSpec } from '../../../src/core/network/spec';
import { createRng } from '../../../src/core/rng';

/** Forward pass from the layout definition, one sample at a time. */
function reference(spec: NetworkSpec, p: Float64Array, x: Float64Array, i: number): number {
  const act = getActivation(spec.activation);
  const { layers } = layoutOf(spec);
  let h = Array.from(x.subarray(i * spec.inputs, (i + 1) * spec.inputs));
  layers.forEach((ly, l) => {
    const next: number[] = [];
    for (let j = 0; j < ly.fanOut; j++) {
      let z = p[ly.b + j]!;
      for (let k = 0; k < ly.fanIn; k++) z += h[k]! * p[ly.w + k * ly.fanOut + j]!;
      next.push(l === layers.length - 1 ? z : act.f(z, spec.leakySlope));
    }
    h = next;
  });
  return h[0]!;
}

describe('dense kernels against the per-sample definition', () => {
  for (const activation of activationNames)
    for (const hidden of [[7], [3, 4]])
      for (const inputs of [1, 2] as const)
        it(`${activation}, hidden ${JSON.stringify(hidden)}, ${inputs} input(s)`, () => {
          const spec = { inputs, hidden, activation, leakySlope: 0.1 };
          const net = createDenseNetwork(spec);
          const rng = createRng(inputs * 7 + hidden.length, activation);
          for (const n of [1, 3, 6, 257, 263]) {
            const x = Float64Array.from({ length: n * inputs }, () => 2 * rng.uniform() - 1);
            const y = Float64Array.from({ length: n }, () => rng.normal());
            const p = Float64Array.from({ length: net.dim }, () => 0.7 * rng.normal());
            const out = new Float64Array(n);
            net.predict(p, x, out);
            let sse = 0;
            for (let i = 0; i < n; i++) {
              const r = reference(spec, p, x, i);
              expect(Math.abs(out[i]! - r)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(r)));
              sse += (r - y[i]!) ** 2;
            }
            const g = new Float64Array(net.dim);
            const l = net.lossGrad(p, x, y, g);
            expect(Math.abs(l - sse / n)).toBeLessThanOrEqual(1e-12 * (sse / n));
            expect(Math.abs(net.loss(p, x, y) - sse / n)).toBeLessThanOrEqual(1e-12 * (sse / n));
            // A minibatch with repeats equals the full-batch path on the gathered samples.
            const subset = Int32Array.from({ length: Math.max(1, n >> 1) + 2 }, () => rng.int(n));
            const xs = new Float64Array(subset.length * inputs);
            const ys = new Float64Array(subset.length);
            subset.forEach((s, k) => {
              for (let q = 0; q < inputs; q++) xs[k * inputs + q] = x[s * inputs + q]!;
              ys[k] = y[s]!;
            });
            const gs = new Float64Array(net.dim);
            const gf = new Float64Array(net.dim);
            expect(net.lossGrad(p, x, y, gs, subset)).toBe(net.lossGrad(p, xs, ys, gf));
            expect(Array.from(gs)).toEqual(Array.from(gf));
          }
        });
});
