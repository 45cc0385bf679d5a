/**
 * Exact gradients and Hessians of every gallery surface (and of formulas using each rewritten
 * function) against central finite differences: of f for the gradient, of the exact gradient for the
 * Hessian. Points are seeded draws inside each surface's window.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/rng';
import { gallery } from '../../../src/core/surface/gallery';
import { createSurfaceObjective } from '../../../src/core/surface/objective';
import { surfaceOf, type Surface } from '../../../src/core/surface/surface';

function points(s: { window: { a: [number, number]; b: [number, number] } }, count: number, seed: number) {
  const rng = createRng(seed, 'surface-fd');
  const out: Float64Array[] = [];
  for (let k = 0; k < count; k++) {
    const a = s.window.a[0] + (s.window.a[1] - s.window.a[0]) * rng.uniform();
    const b = s.window.b[0] + (s.window.b[1] - s.window.b[0]) * rng.uniform();
    out.push(new Float64Array([a, b]));
  }
  return out;
}

/** Central difference of g along coordinate i with step h. */
function central(g: (p: Float64Array) => number, p: Float64Array, i: number, h: number): number {
  const q = p.slice();
  q[i] = p[i]! + h;
  const up = g(q);
  q[i] = p[i]! - h;
  return (up - g(q)) / (2 * h);
}

function checkAt(s: Surface, p: Float64Array) {
  const h = 1e-5 * (1 + Math.max(Math.abs(p[0]!), Math.abs(p[1]!)));
  const close = (exact: number, fd: number, scale: number) =>
    expect(Math.abs(exact - fd), `${exact} vs ${fd} at (${p[0]}, ${p[1]})`).toBeLessThanOrEqual(
      2e-6 * (1 + scale),
    );
  const gScale = Math.abs(s.f(p)) + Math.abs(s.fa(p)) + Math.abs(s.fb(p));
  close(s.fa(p), central(s.f, p, 0, h), gScale);
  close(s.fb(p), central(s.f, p, 1, h), gScale);
  const hScale = gScale + Math.abs(s.faa(p)) + Math.abs(s.fab(p)) + Math.abs(s.fbb(p));
  close(s.faa(p), central(s.fa, p, 0, h), hScale);
  close(s.fab(p), central(s.fa, p, 1, h), hScale);
  close(s.fab(p), central(s.fb, p, 0, h), hScale);
  close(s.fbb(p), central(s.fb, p, 1, h), hScale);
}

describe('surface derivatives against central finite differences', () => {
  for (const g of gallery.values()) {
    it(`${g.name}: gradient and Hessian at 25 points of its window`, () => {
      const s = surfaceOf(g.expr);
      for (const p of points(g, 25, g.name.length)) checkAt(s, p);
    });
  }

  const formulas = [
    'square(a - 1) + cube(b) + pow(a, 3) * b',
    'sigmoid(2 * a - b) + tanh(a * b) + tan(0.3 * a)',
    'relu(a - 0.2) + max(a, b, 0.5) - min(a^2, b)',
    'sqrt(1 + a^2 + b^2) + log(2 + cos(a)) + log(3 + b^2, 2) + atan(a - b) + exp(-a * b)',
    'asin(0.5 * tanh(a)) + acos(0.4 * sin(b)) + sinh(0.5 * a) * cosh(0.3 * b) + cbrt(2 + a^2) + log10(3 + b^2)',
  ];
  for (const expr of formulas) {
    it(`rewritten functions: ${expr}`, () => {
      const s = surfaceOf(expr);
      // Away from the kinks of relu/max/min (a.e. differentiable).
      for (const p of points({ window: { a: [-1.9, 1.9], b: [-1.7, 1.8] } }, 30, expr.length)) {
        const kinks = [p[0]! - 0.2, p[0]! - p[1]!, p[0]! - 0.5, p[1]! - 0.5, p[0]! * p[0]! - p[1]!];
        if (kinks.some((k) => Math.abs(k) < 1e-3)) continue;
        checkAt(s, p);
      }
    });
  }

  it('the objective gives the same gradient and an exact Hessian-vector product, and counts', () => {
    const s = surfaceOf(gallery.get('himmelblau')!.expr);
    const f = createSurfaceObjective(s);
    const p = new Float64Array([0.7, -1.3]);
    const g = new Float64Array(2);
    expect(f.lossGrad(p, g)).toBe(s.f(p));
    expect(Array.from(g)).toEqual([s.fa(p), s.fb(p)]);
    const out = new Float64Array(2);
    f.hvp!(p, new Float64Array([2, -3]), out);
    // H = [[12a² + 4b - 42, 4a + 4b], [4a + 4b, 4a + 12b² - 26]] for Himmelblau.
    const [a, b] = [0.7, -1.3];
    const H = [12 * a * a + 4 * b - 42, 4 * a + 4 * b, 4 * a + 12 * b * b - 26];
    expect(out[0]).toBeCloseTo(H[0]! * 2 - H[1]! * 3, 12);
    expect(out[1]).toBeCloseTo(H[1]! * 2 - H[2]! * 3, 12);
    f.loss(p);
    expect(f.counts).toEqual({ loss: 1, grad: 1, hvp: 1 });
  });
});
