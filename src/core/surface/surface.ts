/**
 * A loss surface f(a, b) given by a formula: value, exact gradient and exact 2x2 Hessian. Building one
 * differentiates symbolically (milliseconds for the gallery's formulas), so surfaces are memoised by
 * their text; the compiled closures are pure and safe to share.
 */
import { differentiateSurface, type SurfaceDerivatives } from './differentiate';

export interface Surface extends SurfaceDerivatives {
  readonly expr: string;
}

const cache = new Map<string, Surface>();
const CACHE_SIZE = 64;

/** The surface of `expr` (in a and b); throws ExpressionError with a readable message. */
export function surfaceOf(expr: string): Surface {
  const hit = cache.get(expr);
  if (hit) return hit;
  const s: Surface = { expr, ...differentiateSurface(expr) };
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(expr, s);
  return s;
}

/** f(p) and ∇f(p) written into g. */
export function valueGrad(s: Surface, p: ArrayLike<number>, g: Float64Array): number {
  g[0] = s.fa(p);
  g[1] = s.fb(p);
  return s.f(p);
}

/** The Hessian at p as [faa, fab, fbb] written into h. */
export function hessianAt(s: Surface, p: ArrayLike<number>, h: Float64Array): void {
  h[0] = s.faa(p);
  h[1] = s.fab(p);
  h[2] = s.fbb(p);
}
