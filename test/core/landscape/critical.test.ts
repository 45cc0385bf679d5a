import { describe, expect, it } from 'vitest';
import { inlineContext } from '../../../src/core/jobs/types';
import { findPlateaus } from '../../../src/core/landscape/plateaus';
import { computeSlice } from '../../../src/core/landscape/slice';
import { setUp } from '../../../src/core/setup';
import { experiment } from './helpers';

// f(x) = a (w x + b) + c, a 1-1-1 linear network; params [w, b, a, c]. Data y = 2x on a symmetric grid.
const xs = Array.from({ length: 21 }, (_, i) => -1 + i / 10);
const s = xs.reduce((acc, x) => acc + x * x, 0) / xs.length; // E[x^2]
const linear = (params: number[], landscape: Record<string, unknown>) =>
  experiment({
    data: { target: { expr: '2*x' }, train: { x: xs, y: xs.map((x) => 2 * x) } },
    model: { inputs: 1, hidden: [1], activation: 'linear', params },
    landscape: { paths: false, ...landscape },
  });

describe('critical points on a slice', () => {
  it('finds and refines the saddle of L = s(aw - 2)^2 at w = a = 0 with Hessian eigenvalues ±4s', async () => {
    const e = linear([0, 0, 0, 0], {
      directions: { kind: 'axes', d1: 0, d2: 2 },
      alpha: [-1.5, 1.5],
      beta: [-1.5, 1.5],
      resolution: [31, 31],
    });
    const sl = await computeSlice(setUp(e), undefined, inlineContext());
    const saddle = sl.critical!.find((c) => c.kind === 'saddle' && Math.hypot(c.alpha, c.beta) < 0.2)!;
    expect(saddle).toBeDefined();
    expect(saddle.refined).toBe(true);
    expect(Math.abs(saddle.alpha)).toBeLessThan(1e-9);
    expect(Math.abs(saddle.beta)).toBeLessThan(1e-9);
    expect(saddle.eigenvalues[0]).toBeCloseTo(-4 * s, 9);
    expect(saddle.eigenvalues[1]).toBeCloseTo(4 * s, 9);
    expect(saddle.loss).toBeCloseTo(4 * s, 12);
  });

  it('refines a minimum between grid points exactly (a quadratic slice: one Newton step)', async () => {
    // With a = 1, b = 0: L(w, c) = s (w - 2)^2 + c^2; the center is (1.7, 0.3), so the minimum is at (0.3, -0.3).
    const e = linear([1.7, 0, 1, 0.3], {
      directions: { kind: 'axes', d1: 0, d2: 3 },
      resolution: [20, 20],
    });
    const sl = await computeSlice(setUp(e), undefined, inlineContext());
    const mins = sl.critical!.filter((c) => c.kind === 'minimum');
    expect(mins.length).toBe(1);
    expect(mins[0]!.alpha).toBeCloseTo(0.3, 10);
    expect(mins[0]!.beta).toBeCloseTo(-0.3, 10);
    expect(mins[0]!.loss).toBeLessThan(1e-20);
    expect(mins[0]!.eigenvalues[0]).toBeCloseTo(Math.min(2 * s, 2), 9);
  });

  it('marks plateaus: connected regions of small gradient relative to the loss range', () => {
    // loss = 0 on the left half (flat), a steep ramp on the right.
    const na = 20;
    const nb = 10;
    const alphas = Float64Array.from({ length: na }, (_, j) => j / (na - 1));
    const betas = Float64Array.from({ length: nb }, (_, i) => i / (nb - 1));
    const loss = new Float64Array(na * nb);
    for (let i = 0; i < nb; i++)
      for (let j = 0; j < na; j++) loss[i * na + j] = Math.max(0, alphas[j]! - 0.5) * 10;
    const r = findPlateaus(loss, alphas, betas);
    expect(r.plateaus.length).toBe(1);
    const p = r.plateaus[0]!;
    expect(p.alpha[0]).toBe(0);
    expect(p.alpha[1]).toBeLessThan(0.5);
    expect(p.meanLoss).toBe(0);
    expect(r.labels[0]).toBe(p.id);
    expect(r.labels[na - 1]).toBe(0);
  });
});

describe("critical points of Himmelblau's function on its own plane (known answers)", () => {
  it('finds its four minima (L = 0), four saddles and the maximum at (-0.270845, -0.923039), L = 181.617', async () => {
    const e = experiment({
      model: { kind: 'surface', preset: 'himmelblau' },
      data: undefined,
      landscape: {
        center: [0, 0],
        directions: { kind: 'axes', d1: 0, d2: 1 },
        alpha: [-5, 5],
        beta: [-5, 5],
        resolution: [61, 61],
        paths: false,
      },
    });
    const sl = await computeSlice(setUp(e), undefined, inlineContext());
    const byKind = (k: string) => sl.critical!.filter((c) => c.kind === k && c.refined);
    const minima = byKind('minimum');
    expect(minima.length).toBe(4);
    for (const [a, b] of [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ]) {
      const m = minima.find((c) => Math.hypot(c.alpha - a!, c.beta - b!) < 1e-5);
      expect(m, `minimum near (${a}, ${b})`).toBeDefined();
      expect(m!.loss).toBeLessThan(1e-18);
    }
    expect(byKind('saddle').length).toBe(4);
    const max = byKind('maximum');
    expect(max.length).toBe(1);
    expect(max[0]!.alpha).toBeCloseTo(-0.270845, 5);
    expect(max[0]!.beta).toBeCloseTo(-0.923039, 5);
    expect(max[0]!.loss).toBeCloseTo(181.6165, 3);
  });
});
