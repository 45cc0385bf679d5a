/**
 * Whether a target formula is finite over its sampling domain, checked on a grid (201 points for one
 * input, 41 x 41 for two; the grid contains the domain's ends and, for symmetric domains, 0) or, with
 * more inputs, at the domain's centre and 1024 seeded points. `1/0`, `log(-1-x^2)` or `sqrt(x)` on
 * [-1, 1] fail here, as the user types, instead of at Run.
 */
import { createRng } from '../rng';
import type { Compiled } from './expression';

export interface NonFinitePoint {
  readonly at: readonly number[];
  readonly value: number;
}

type Range = readonly [number, number];

function grid([lo, hi]: Range, n: number): number[] {
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));
}

/** The first grid point where f is not finite, or null. */
export function firstNonFinite(f: Compiled, domain: readonly Range[]): NonFinitePoint | null {
  if (domain.length === 1) {
    for (const x of grid(domain[0]!, 201)) {
      const v = f([x]);
      if (!Number.isFinite(v)) return { at: [x], value: v };
    }
    return null;
  }
  if (domain.length > 2) {
    const rng = createRng(0, 'finite-check');
    const at = domain.map(([lo, hi]) => (lo + hi) / 2);
    for (let k = 0; k <= 1024; k++) {
      const v = f(at);
      if (!Number.isFinite(v)) return { at: [...at], value: v };
      domain.forEach(([lo, hi], i) => (at[i] = lo + (hi - lo) * rng.uniform()));
    }
    return null;
  }
  const xs = grid(domain[0]!, 41);
  const ys = grid(domain[1]!, 41);
  for (const x of xs)
    for (const y of ys) {
      const v = f([x, y]);
      if (!Number.isFinite(v)) return { at: [x, y], value: v };
    }
  return null;
}
