/**
 * Names of a slice's two coordinates. A network's slice is spanned by directions d1, d2 with
 * coefficients α, β; an analytic surface's slice is its own parameter plane, so its axes are a and b.
 */

/** `Slice.source` of an analytic surface's slice: the exact (a, b) plane, nothing projected. */
export const PARAMETER_PLANE = 'parameters';

/** `Slice.source` of the coarse random-plane slice shown while the first runs train. */
export const PROVISIONAL_PLANE = 'provisional';

export function planeAxisNames(source: string): readonly [string, string] {
  return source === PARAMETER_PLANE ? ['a', 'b'] : ['α', 'β'];
}
