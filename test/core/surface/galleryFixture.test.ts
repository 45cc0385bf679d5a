/**
 * The gallery's known points (src/core/surface/gallery.ts) are the fixture's, not a hand copy that can
 * drift: test/fixtures/surface-known-points.json holds every critical point found in 30-digit arithmetic
 * by scripts/fixtures/surface_known_points.py (sympy + mpmath, 25 digits written), and each gallery entry
 * must list exactly those points, as the nearest doubles, with the same kinds.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gallery } from '../../../src/core/surface/gallery';

interface FixturePoint {
  at: [string, string];
  kind: string;
  value: string;
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/surface-known-points.json', import.meta.url), 'utf8'),
) as {
  surfaces: Record<string, { expr: string; window: { a: number[]; b: number[] }; points: FixturePoint[] }>;
};

/**
 * Equal as doubles up to the rounding of a 25-digit decimal (1 ulp), or within 1e-16 of a point at 0: at a
 * degenerate point (the monkey saddle) Newton converges only linearly, so the fixture has −5e-18 for 0.
 */
const sameDouble = (x: number, ref: string) => {
  const r = Number(ref);
  return Math.abs(x - r) <= Math.max(2.3e-16 * Math.abs(r), 1e-16);
};

describe('gallery known points equal the 30-digit fixture', () => {
  it('covers every gallery surface with smooth known points', () => {
    for (const g of gallery.values())
      if (g.known.some((k) => k.smooth !== false))
        expect(Object.keys(fixture.surfaces), g.name).toContain(g.name);
  });

  for (const [name, ref] of Object.entries(fixture.surfaces))
    it(`${name}: same points, values and kinds`, () => {
      const g = gallery.get(name)!;
      expect(g, name).toBeDefined();
      expect(g.knownWindow).toEqual(ref.window);
      const smooth = g.known.filter((k) => k.smooth !== false);
      expect(smooth.length).toBe(ref.points.length);
      for (const p of ref.points) {
        const match = smooth.filter((k) => sameDouble(k.at[0], p.at[0]) && sameDouble(k.at[1], p.at[1]));
        expect(match.length, `${name}: (${p.at})`).toBe(1);
        expect(match[0]!.kind).toBe(p.kind);
        expect(sameDouble(match[0]!.value, p.value), `${name}: value ${match[0]!.value} vs ${p.value}`).toBe(
          true,
        );
      }
    });
});
