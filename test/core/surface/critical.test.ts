/**
 * Critical points by Newton on the gradient from a grid of starts, against the gallery's known points
 * (computed independently in 30-digit arithmetic by scripts/fixtures/surface_known_points.py): every
 * known point is found to 1e-8 with its kind, and inside a complete list's window nothing else is.
 */
import { describe, expect, it } from 'vitest';
import { findCriticalPoints, mergeCriticalPoints } from '../../../src/core/surface/critical';
import { gallery } from '../../../src/core/surface/gallery';
import { eigenvalues2 } from '../../../src/core/analysis/symEigen';
import { classify } from '../../../src/core/surface/hessian2';
import { surfaceOf } from '../../../src/core/surface/surface';

describe('2x2 eigenvalues and classification', () => {
  it('match closed forms, including widely separated eigenvalues', () => {
    expect(eigenvalues2(2, 0, -3)).toEqual([-3, 2]);
    const [l1, l2] = eigenvalues2(2, 1, 2);
    expect(l1).toBeCloseTo(1, 15);
    expect(l2).toBeCloseTo(3, 15);
    // Rosenbrock's Hessian at (1, 1): [[802, -400], [-400, 200]], det = 400.
    const [s, b] = eigenvalues2(802, -400, 200);
    expect(s * b).toBeCloseTo(400, 9);
    expect(s + b).toBeCloseTo(1002, 12);
    const [t1, t2] = eigenvalues2(1e8, 0, 1e-8);
    expect(t1).toBe(1e-8);
    expect(t2).toBe(1e8);
  });

  it('classifies by signs, with near-zero eigenvalues degenerate', () => {
    expect(classify(1, 2)).toBe('minimum');
    expect(classify(-2, -1)).toBe('maximum');
    expect(classify(-1, 1)).toBe('saddle');
    expect(classify(0, 1)).toBe('degenerate');
    expect(classify(1e-12, 5)).toBe('degenerate');
  });
});

describe('critical points of the gallery', () => {
  for (const g of gallery.values()) {
    it(`${g.name}: known points found to 1e-8 and classified`, () => {
      const s = surfaceOf(g.expr);
      const window = g.knownWindow ?? g.window;
      const found = findCriticalPoints(s, { window, n: 40 });
      for (const k of g.known) {
        if (k.smooth === false) {
          // Not a root of the gradient (there is none there): check it is the lowest point around.
          expect(s.f(k.at)).toBeCloseTo(k.value, 12);
          for (let t = 0; t < 16; t++) {
            const r = 1e-3;
            const q = [k.at[0] + r * Math.cos(t), k.at[1] + r * Math.sin(t)];
            expect(s.f(q)).toBeGreaterThan(k.value);
          }
          continue;
        }
        const match = found.find(
          (p) => Math.max(Math.abs(p.at[0] - k.at[0]), Math.abs(p.at[1] - k.at[1])) <= 1e-8,
        );
        expect(match, `${g.name}: ${k.kind} at (${k.at})`).toBeDefined();
        expect(match!.kind).toBe(k.kind);
        expect(match!.value).toBeCloseTo(k.value, 8);
      }
      if (g.knownWindow) expect(found.length).toBe(g.known.length);
    });
  }

  it('row ranges searched separately merge into the same list', () => {
    const g = gallery.get('himmelblau')!;
    const s = surfaceOf(g.expr);
    const whole = findCriticalPoints(s, { window: g.window, n: 24 });
    const parts = [0, 8, 16].map((r) => findCriticalPoints(s, { window: g.window, n: 24, rows: [r, r + 8] }));
    const merged = mergeCriticalPoints(parts);
    expect(merged.map((p) => p.kind)).toEqual(whole.map((p) => p.kind));
    merged.forEach((p, i) => {
      expect(p.at[0]).toBeCloseTo(whole[i]!.at[0], 10);
      expect(p.at[1]).toBeCloseTo(whole[i]!.at[1], 10);
    });
    expect(merged.reduce((t, p) => t + p.hits, 0)).toBe(whole.reduce((t, p) => t + p.hits, 0));
  });
});
