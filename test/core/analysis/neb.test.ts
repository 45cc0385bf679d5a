import { describe, expect, it } from 'vitest';
import { neb } from '../../../src/core/analysis/neb';
import type { NebJobResult } from '../../../src/core/analysis/nebJob';
import { runJob } from '../../../src/core/jobs/runJob';
import { inlineContext } from '../../../src/core/jobs/types';
import { experiment } from '../landscape/helpers';
import { relaxToMinimum } from '../../../src/core/analysis/relax';
import { newCounts, type Objective } from '../../../src/core/objective';

/**
 * A curved double well: L(x, y) = (x² - 1)² + 4 (y - (1 - x²)/2)². Minima at (±1, 0) with L = 0; the
 * only saddle between them is (0, 1/2) with L = 1, so the minimum-energy path's barrier is 1. The straight segment between the minima (y = 0) peaks at L = 2 instead.
 */
function doubleWell(): Objective {
  const counts = newCounts();
  const valley = (x: number) => (1 - x * x) / 2;
  return {
    dim: 2,
    counts,
    loss(p) {
      counts.loss++;
      const [x, y] = [p[0]!, p[1]!];
      return (x * x - 1) ** 2 + 4 * (y - valley(x)) ** 2;
    },
    lossGrad(p, g) {
      counts.loss++;
      counts.grad++;
      const [x, y] = [p[0]!, p[1]!];
      const r = y - valley(x);
      g[0] = 4 * x * (x * x - 1) + 8 * r * x; // d/dx of 4 r² with dr/dx = x
      g[1] = 8 * r;
      return (x * x - 1) ** 2 + 4 * r * r;
    },
    setBatch() {},
  };
}

describe('nudged elastic band with a climbing image', () => {
  it("recovers the barrier of a curved double well (1, at the saddle (0, 1/2)), not the straight line's 2", async () => {
    const f = doubleWell();
    const r = await neb(f, Float64Array.from([-1, 0]), Float64Array.from([1, 0]), { images: 11 });
    expect(r.converged).toBe(true);
    expect(r.barrier).toBeCloseTo(1, 8);
    expect(r.reverseBarrier).toBeCloseTo(1, 8);
    const c = r.climbing;
    expect(r.images[2 * c]).toBeCloseTo(0, 6);
    expect(r.images[2 * c + 1]).toBeCloseTo(0.5, 6);
    expect(Math.max(...r.straightLoss)).toBeCloseTo(2, 6);
    // one barrier: the loss rises to the climbing image and falls after it
    for (let i = 1; i <= c; i++) expect(r.loss[i]).toBeGreaterThan(r.loss[i - 1]!);
    for (let i = c + 1; i < r.loss.length; i++) expect(r.loss[i]).toBeLessThan(r.loss[i - 1]!);
    expect(r.s[0]).toBe(0);
    expect(r.s[r.s.length - 1]).toBe(1);
  });

  it('without the climbing image the barrier is only bracketed by the images', async () => {
    const r = await neb(doubleWell(), Float64Array.from([-1, 0]), Float64Array.from([1, 0]), {
      images: 4,
      climb: false,
    });
    expect(r.barrier).toBeLessThan(1);
    expect(r.barrier).toBeGreaterThan(0.5);
  });

  it('ends relaxed by saddle-free Newton reach the minima, even from near the saddle', () => {
    const f = doubleWell();
    const a = relaxToMinimum(f, Float64Array.from([-0.9, 0.1]));
    const b = relaxToMinimum(f, Float64Array.from([0.05, 0.45])); // beside the saddle (0, 1/2): Newton would stop there
    expect(a.params[0]).toBeCloseTo(-1, 10);
    expect(a.params[1]).toBeCloseTo(0, 10);
    expect(b.loss).toBeLessThan(1e-20);
    expect(Math.abs(b.params[0]!)).toBeCloseTo(1, 10);
  });
});

describe('the neb job', () => {
  it("finds the barrier between two of Himmelblau's minima at its saddle (3.385154, 0.073852), L = 13.31193", async () => {
    const e = experiment({
      model: { kind: 'surface', preset: 'himmelblau' },
      data: undefined,
    });
    const plane = {
      center: Float64Array.from([0, 0]),
      d1: Float64Array.from([1, 0]),
      d2: Float64Array.from([0, 1]),
    };
    const r = (await runJob(
      'neb',
      { experiment: e, neb: { from: [3, 2], to: [3.584428, -1.848126], images: 9 }, plane },
      inlineContext(),
    )) as NebJobResult;
    expect(r.converged).toBe(true);
    expect(r.barrier).toBeCloseTo(13.31193, 4);
    const c = r.climbing;
    expect(r.images[2 * c]).toBeCloseTo(3.385154, 5);
    expect(r.images[2 * c + 1]).toBeCloseTo(0.073852, 5);
    // on the plane of the two raw parameters the projection is the images themselves
    expect(r.onPlane!.alpha[c]).toBeCloseTo(r.images[2 * c]!, 12);
    expect(r.onPlane!.offPlane[c]).toBeLessThan(1e-12);
    expect(r.from).toBe('explicit');
  });

  it('rejects bad options naming the field', async () => {
    const e = experiment();
    await expect(
      runJob('neb', { experiment: e, neb: { from: 'init', to: { run: 'nope' } } }, inlineContext()),
    ).rejects.toThrow("neb.to.run: no run named 'nope'");
    await expect(
      runJob('neb', { experiment: e, neb: { from: 'init', to: 'init', images: 0 } }, inlineContext()),
    ).rejects.toThrow('neb.images');
  });
});
