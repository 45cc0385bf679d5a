/** Grid readers against closed forms: bilinear interpolation of a bilinear function is exact; contour
 * lines of a paraboloid lie on circles of the known radius. (Critical points and plateaus are core's:
 * test/core/landscape/critical.test.ts.) */
import { describe, expect, it } from 'vitest';
import { contourLines } from '../../../src/renderer/src/lib/contourLines';
import { bilinear } from '../../../src/renderer/src/lib/gridSample';

function grid(n: number, f: (a: number, b: number) => number) {
  const alpha = Float64Array.from({ length: n }, (_, j) => -1 + (2 * j) / (n - 1));
  const beta = Float64Array.from(alpha);
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = f(alpha[j]!, beta[i]!);
  return { alpha, beta, values };
}

describe('grid readers', () => {
  it('interpolates a bilinear function exactly', () => {
    const f = (a: number, b: number) => 2 + 3 * a - b + 0.5 * a * b;
    const g = grid(5, f);
    for (const [a, b] of [
      [0.1, 0.2],
      [-0.77, 0.93],
      [0.5, -0.5],
    ] as const)
      expect(bilinear(g, a, b)).toBeCloseTo(f(a, b), 12);
  });

  it('puts the contour of r² = 0.25 on the circle of radius 0.5', () => {
    const g = grid(81, (a, b) => a * a + b * b);
    const lines = contourLines(g, [0.25]);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines)
      for (let k = 0; k < l.points.length; k += 2)
        expect(Math.hypot(l.points[k]!, l.points[k + 1]!)).toBeCloseTo(0.5, 2);
  });
});
