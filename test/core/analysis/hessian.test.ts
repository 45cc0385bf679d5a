import { describe, expect, it } from 'vitest';
import { denseHessian, hessianSpectrum } from '../../../src/core/analysis/hessianSpectrum';
import { createDenseObjective } from '../../../src/core/engine/dense';
import { layoutOf } from '../../../src/core/network/spec';
import { createRng } from '../../../src/core/rng';

function problem(activation: string, hidden: number[]) {
  const spec = { inputs: 2 as const, hidden, activation, leakySlope: 0.1 };
  const rng = createRng(11, activation);
  const n = 37;
  const x = Float64Array.from({ length: 2 * n }, () => 2 * rng.uniform() - 1);
  const y = Float64Array.from({ length: n }, () => rng.normal());
  const dim = layoutOf(spec).size;
  const p = Float64Array.from({ length: dim }, () => 0.7 * rng.normal());
  return { f: createDenseObjective(spec, { inputs: 2, n, x, y }), p, dim };
}

describe('Hessian against finite differences of gradients', () => {
  for (const [activation, hidden] of [
    ['tanh', [4, 3]],
    ['relu', [6]],
    ['softplus', [3]],
  ] as const)
    it(`${activation} ${JSON.stringify(hidden)}`, () => {
      const { f, p, dim } = problem(activation, [...hidden]);
      const { h, exact } = denseHessian(f, p);
      expect(exact).toBe(true);
      const g0 = new Float64Array(dim);
      const g1 = new Float64Array(dim);
      const eps = 1e-6;
      let scale = 0;
      for (const v of h) scale = Math.max(scale, Math.abs(v));
      for (let j = 0; j < dim; j++) {
        const q = Float64Array.from(p);
        q[j] += eps;
        f.lossGrad(q, g1);
        q[j] -= 2 * eps;
        f.lossGrad(q, g0);
        for (let i = 0; i < dim; i++) {
          const fd = (g1[i]! - g0[i]!) / (2 * eps);
          expect(Math.abs(h[i * dim + j]! - fd) / scale).toBeLessThan(1e-6);
        }
      }
    });

  it('Lanczos on Hessian-vector products agrees with the dense spectrum at the ends', () => {
    const { f, p } = problem('tanh', [12, 8]);
    const dense = hessianSpectrum(f, p);
    const lz = hessianSpectrum(f, p, { denseLimit: 0, lanczosSteps: 90 });
    expect(lz.method).toBe('lanczos');
    expect(lz.values[0]).toBeCloseTo(dense.values[0]!, 7);
    expect(lz.values[lz.values.length - 1]).toBeCloseTo(dense.values[dense.values.length - 1]!, 7);
  });
});
