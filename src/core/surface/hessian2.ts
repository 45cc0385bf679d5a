/**
 * The classification of a surface's critical point by its 2x2 Hessian's eigenvalues (`eigenvalues2` in
 * `analysis/symEigen.ts`), with `analyze`'s rule (`analysis/classify.ts`), so a surface point and the same
 * point analysed in full space get the same name.
 */
import { classifySpectrum, type Classification } from '../analysis/classify';

export type CriticalKind = Classification;

/**
 * The kind of a critical point with Hessian eigenvalues l1, l2: a zero eigenvalue (|λ| within
 * `zeroThreshold`) makes it degenerate, since the second-order test then says nothing (the monkey
 * saddle's origin). A surface has no continuous symmetries, so no flat direction is explained.
 */
export function classify(l1: number, l2: number): CriticalKind {
  return classifySpectrum([l1, l2], { symmetryFlat: 0 }).classification;
}
