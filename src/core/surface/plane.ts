/**
 * The slice of a surface is the parameter plane itself: centre (0, 0), d1 = (1, 0), d2 = (0, 1), so a
 * slice coordinate (α, β) is exactly the parameter point (a, b) and nothing is projected. The ranges
 * are the surface's viewing window, its default view.
 */
import type { SurfaceModel } from '../experiment/surfaceModelSchema';
import type { Range } from './gallery';
import { resolveSurface } from './resolve';

export interface SurfacePlane {
  center: Float64Array<ArrayBuffer>;
  d1: Float64Array<ArrayBuffer>;
  d2: Float64Array<ArrayBuffer>;
  /** α range (= a). */
  alphaRange: Range;
  /** β range (= b). */
  betaRange: Range;
}

export function surfacePlane(model: SurfaceModel): SurfacePlane {
  const { window: view } = resolveSurface(model);
  return {
    center: new Float64Array([0, 0]),
    d1: new Float64Array([1, 0]),
    d2: new Float64Array([0, 1]),
    alphaRange: [view.a[0], view.a[1]],
    betaRange: [view.b[0], view.b[1]],
  };
}

/**
 * The `landscape` section that draws a surface's exact parameter plane: centre (0, 0), explicit
 * directions (1, 0) and (0, 1) without normalization, α and β over the viewing window's ranges.
 */
export function surfaceLandscape(model: SurfaceModel, resolution: [number, number] = [101, 101]) {
  const p = surfacePlane(model);
  return {
    center: [0, 0],
    directions: { kind: 'explicit' as const, d1: [1, 0], d2: [0, 1] },
    normalization: 'none' as const,
    alpha: p.alphaRange,
    beta: p.betaRange,
    resolution,
  };
}
