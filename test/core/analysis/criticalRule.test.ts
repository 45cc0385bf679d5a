/**
 * One classification and index rule for every critical point Relief reports (issue 14, issue 15): the
 * full-space analysis (`analyze`), the slice's critical points and the surface finder all classify the
 * gallery's known points (computed independently in 30-digit arithmetic, scripts/fixtures/
 * surface_known_points.py) the same way, the monkey saddle included (degenerate: its Hessian is zero).
 * Slices report one entry per point, refined to a gradient norm small in absolute terms.
 */
import { describe, expect, it } from 'vitest';
import { analyzePoint } from '../../../src/core/analysis/analyzePoint';
import { classifyCritical, criticalLabel } from '../../../src/core/analysis/classify';
import { inlineContext } from '../../../src/core/jobs/types';
import { computeSlice } from '../../../src/core/landscape/slice';
import { setUp } from '../../../src/core/setup';
import { describePoint, findCriticalPoints } from '../../../src/core/surface/critical';
import { gallery } from '../../../src/core/surface/gallery';
import { surfaceOf } from '../../../src/core/surface/surface';
import { experiment } from '../landscape/helpers';

function surfaceExperiment(name: string, window: { a: number[]; b: number[] }, resolution: number) {
  return experiment({
    model: { kind: 'surface', preset: name },
    data: undefined,
    landscape: {
      center: [0, 0],
      directions: { kind: 'axes', d1: 0, d2: 1 },
      alpha: window.a,
      beta: window.b,
      resolution: [resolution, resolution],
      paths: false,
    },
  });
}

const close = (p: readonly number[], q: readonly number[], tol: number) =>
  Math.max(Math.abs(p[0]! - q[0]!), Math.abs(p[1]! - q[1]!)) <= tol;

describe('the rule', () => {
  it('index is the number of eigenvalues below −zeroThreshold; near-zero ones are flat, not negative', () => {
    const v = classifyCritical([-2, -1e-13, -1e-12, 3], 0, 1, { symmetryFlat: 0 });
    expect(v).toMatchObject({ classification: 'saddle', index: 1, positive: 1, flat: 2, critical: true });
    expect(classifyCritical([0, 0], 0, 0, { symmetryFlat: 0 }).classification).toBe('degenerate');
  });

  it('a point passes the critical-point test only when ‖∇L‖ ≤ 1e-6·max(1, |L|); views then name it', () => {
    expect(classifyCritical([1, 2], 9e-7, 0.5).critical).toBe(true);
    expect(classifyCritical([1, 2], 2e-6, 0.5).critical).toBe(false);
    expect(classifyCritical([1, 2], 2e-6, 10).critical).toBe(true);
    expect(criticalLabel(classifyCritical([1, 2], 1, 0.5))).toBe('notCritical');
    expect(criticalLabel(classifyCritical([-1, 2], 0, 0.5))).toBe('saddle');
  });
});

describe('analyze, the slice and the surface finder agree on the gallery', () => {
  for (const g of gallery.values()) {
    const smooth = g.known.filter((k) => k.smooth !== false);
    if (smooth.length === 0) continue;
    it(`${g.name}: same kind and index at every known point`, async () => {
      const s = surfaceOf(g.expr);
      const w = g.knownWindow ?? g.window;
      const setup = setUp(surfaceExperiment(g.name, w, 61));
      const slice = await computeSlice(setup, undefined, inlineContext());
      for (const k of smooth) {
        const surf = describePoint(s, k.at);
        const full = analyzePoint(setup, Float64Array.from(k.at), 'known');
        expect(surf.kind, `${g.name} (${k.at}) surface`).toBe(k.kind);
        expect(full.classification, `${g.name} (${k.at}) analyze`).toBe(k.kind);
        expect(full.index).toBe(surf.index);
        expect(full.critical).toBe(true);
        expect(surf.critical).toBe(true);
        const onSlice = slice.critical!.find((c) => c.refined && close([c.alpha, c.beta], k.at, 1e-7));
        if (onSlice) {
          expect(onSlice.kind, `${g.name} (${k.at}) slice`).toBe(k.kind);
          expect(onSlice.index).toBe(full.index);
        }
      }
    });
  }

  it('the monkey saddle is degenerate everywhere, with index 0', async () => {
    const g = gallery.get('monkeySaddle')!;
    const setup = setUp(surfaceExperiment(g.name, g.window, 31));
    const slice = await computeSlice(setup, undefined, inlineContext());
    expect(slice.critical!.map((c) => [c.kind, c.index, c.refined])).toEqual([['degenerate', 0, true]]);
    expect(analyzePoint(setup, new Float64Array(2), 'origin')).toMatchObject({
      classification: 'degenerate',
      index: 0,
    });
    const found = findCriticalPoints(surfaceOf(g.expr), { window: g.window, n: 20 });
    expect(found.map((p) => [p.kind, p.index])).toEqual([['degenerate', 0]]);
  });

  it('a non-critical point is not named: Rosenbrock’s start (−1.5, 2)', () => {
    const g = gallery.get('rosenbrock')!;
    const a = analyzePoint(setUp(surfaceExperiment(g.name, g.window, 5)), Float64Array.from(g.start), 'init');
    expect(a.critical).toBe(false);
    expect(criticalLabel(a)).toBe('notCritical');
  });
});

describe('slice critical points: one entry per point, refined in absolute terms', () => {
  // Surfaces whose every known point the grid sees at these resolutions (Beale's flat line a = 0 and
  // Booth's minimum midway between grid points are not grid candidates at some of them).
  const cases = [
    'rosenbrock',
    'himmelblau',
    'sixHumpCamel',
    'seed004',
    'saddle',
    'monkeySaddle',
    'plateauCliff',
  ];
  for (const name of cases)
    for (const n of [31, 61, 101])
      it(`${name} at ${n}x${n}: each known point exactly once, ‖∇g‖ ≤ 1e-10`, async () => {
        const g = gallery.get(name)!;
        const slice = await computeSlice(
          setUp(surfaceExperiment(name, g.knownWindow!, n)),
          undefined,
          inlineContext(),
        );
        const refined = slice.critical!.filter((c) => c.refined);
        const worst = Math.max(...refined.map((c) => c.gradNorm));
        console.log(
          `${name} ${n}x${n}: ${refined.length} refined of ${slice.critical!.length} entries, worst ‖∇g‖ ${worst.toExponential(1)}`,
        );
        expect(refined.length).toBe(g.known.length);
        for (const k of g.known) {
          const hits = refined.filter((c) => close([c.alpha, c.beta], k.at, 1e-8));
          expect(hits.length, `${name}: ${k.kind} at (${k.at})`).toBe(1);
          expect(hits[0]!.kind).toBe(k.kind);
        }
        expect(worst).toBeLessThanOrEqual(1e-10);
      });
});
