import { describe, expect, it } from 'vitest';
import { knotsFunction } from '../../src/core/data/target';
import { cpwlToNetwork } from '../../src/core/network/cpwl';
import { createDenseNetwork } from '../../src/core/network/dense';
import { createRng } from '../../src/core/rng';

describe('cpwlToNetwork (seed 000)', () => {
  it('fits random CPWL targets exactly: loss below 1e-20, k units for k+1 knots', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rng = createRng(seed, 'cpwl-test');
      const k = 1 + rng.int(12);
      const xs = Array.from({ length: k + 1 }, () => 4 * rng.uniform() - 2).sort((a, b) => a - b);
      const knots = xs.map((x) => [x, rng.normal()] as [number, number]);
      if (xs.some((x, i) => i > 0 && x <= xs[i - 1]!)) continue;
      const { hidden, params } = cpwlToNetwork(knots);
      expect(hidden).toBe(k);
      const net = createDenseNetwork({ inputs: 1, hidden: [hidden], activation: 'relu', leakySlope: 0 });
      const f = knotsFunction(knots);
      // Samples inside, on and outside the knot range, including the knots themselves.
      const samples = [...xs, ...Array.from({ length: 500 }, () => 6 * rng.uniform() - 3)];
      const x = Float64Array.from(samples);
      const y = Float64Array.from(samples, f);
      expect(net.loss(params, x, y)).toBeLessThan(1e-20);
    }
  });

  it('puts each kink at -b/w = the knot x and slope changes in the output weights', () => {
    const { params } = cpwlToNetwork([
      [-1, 0],
      [0, 1],
      [1, 0],
    ]);
    // W1 = [1, 1], b1 = [1, 0], W2 = [1, -2], b2 = 0
    expect(Array.from(params)).toEqual([1, 1, 1, -0, 1, -2, 0]);
  });
});
