/** Projection onto a (non-orthogonal) plane: points built in the plane come back exactly; off-plane
 * components are measured by their known length; paths on the slice read the true loss, not the grid. */
import { describe, expect, it } from 'vitest';
import { pathOnSlice, snapshotAt } from '../../../src/renderer/src/lib/pathOnSlice';
import { createProjector, planePoint } from '../../../src/core/landscape/projectPath';

const plane = {
  center: Float64Array.from([1, -2, 0.5, 3]),
  d1: Float64Array.from([1, 0, 0, 0]),
  d2: Float64Array.from([1, 1, 0, 0]), // not orthogonal to d1
};

describe('plane projection', () => {
  it('recovers (alpha, beta) of points in the plane, with zero distance', () => {
    const project = createProjector(plane);
    for (const [a, b] of [
      [0, 0],
      [0.3, -1.2],
      [-2, 5],
    ] as const) {
      const p = planePoint(plane, a, b, new Float64Array(4));
      const r = project(p);
      expect(r.alpha).toBeCloseTo(a, 12);
      expect(r.beta).toBeCloseTo(b, 12);
      expect(r.offPlane).toBeLessThan(1e-12);
    }
  });

  it('measures the off-plane component by its length', () => {
    const p = planePoint(plane, 0.5, 0.25, new Float64Array(4));
    p[2] += 3; // orthogonal to d1 and d2: ‖(0,0,3,4)‖ = 5
    p[3] += 4;
    const r = createProjector(plane)(p);
    expect(r.alpha).toBeCloseTo(0.5, 12);
    expect(r.beta).toBeCloseTo(0.25, 12);
    expect(r.offPlane).toBeCloseTo(5, 12);
  });

  it('draws a path at its true loss and reports the relative off-plane distance', () => {
    const grid = {
      ...plane,
      alpha: Float64Array.from([-1, 0, 1]),
      beta: Float64Array.from([-1, 0, 1]),
      loss: Float64Array.from([9, 9, 9, 9, 1, 9, 9, 9, 9]),
    };
    const inPlane = planePoint(plane, 0, 0, new Float64Array(4));
    const off = planePoint(plane, 0, 0, new Float64Array(4));
    off[2] += 2;
    const runLoss = Float64Array.from([0.7, 0.5, 0.3]);
    const path = pathOnSlice(grid, [inPlane, off], [0, 2], runLoss);
    expect(Array.from(path.loss)).toEqual([0.7, 0.3]);
    expect(path.surfaceLoss[0]).toBeCloseTo(1, 12);
    expect(path.offPlane[0]).toBe(0);
    expect(path.offPlane[1]).toBeCloseTo(1, 12); // all of the displacement is off the plane
  });

  it('finds the snapshot at or before a step', () => {
    const steps = [0, 10, 20, 30];
    expect([-1, 0, 9, 10, 25, 30, 99].map((s) => snapshotAt(steps, s))).toEqual([0, 0, 0, 1, 2, 3, 3]);
  });
});
