/**
 * Classification of a point from its Hessian eigenvalues. An eigenvalue counts as zero when
 * |λ| ≤ max(abs, rel·max|λ|) (defaults rel 1e-6, abs 1e-10: well above the ~1e-13 relative rounding of
 * exact Hessian-vector products and tred2/tql2, well below the curvature of any real direction).
 * - saddle: negative and positive eigenvalues (index = number of negative ones), zeros or not;
 * - minimum: no negative eigenvalue and every zero one explained by a continuous symmetry of the network
 *   (rescaling, strictly dead units, ...), i.e. flat ≤ symmetryFlat; maximum likewise with no positive one;
 * - degenerate: otherwise (unexplained flat directions: the quadratic model cannot decide).
 * With a partial (Lanczos) spectrum only the extremes are known: index is then a lower bound and flat
 * directions are not counted.
 *
 * This is the one rule for every critical point Relief reports: `analyze` (full space), the slice's
 * critical points (2-D restriction), the surface finder and the views all call `classifyCritical`, so a
 * point has the same name and index everywhere (index = the number of eigenvalues below −zeroThreshold).
 */

export type Classification = 'minimum' | 'saddle' | 'maximum' | 'degenerate';

export interface Tolerance {
  rel: number;
  abs: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { rel: 1e-6, abs: 1e-10 };

export interface ClassifiedSpectrum {
  classification: Classification;
  /** Number of negative eigenvalues (a lower bound with a partial spectrum). */
  index: number;
  /** Number of positive eigenvalues (λ > zeroThreshold). */
  positive: number;
  /** Number of zero eigenvalues (null with a partial spectrum). */
  flat: number | null;
  /** Zero eigenvalues not explained by symmetries (null when unknown). */
  unexplainedFlat: number | null;
  /** |λ| at or below this counted as zero. */
  zeroThreshold: number;
}

export function zeroThreshold(values: ArrayLike<number>, tol: Tolerance = DEFAULT_TOLERANCE): number {
  let big = 0;
  for (let i = 0; i < values.length; i++) big = Math.max(big, Math.abs(values[i]!));
  return Math.max(tol.abs, tol.rel * big);
}

export function classifySpectrum(
  values: ArrayLike<number>,
  opts: { symmetryFlat?: number | null; partial?: boolean; tolerance?: Tolerance } = {},
): ClassifiedSpectrum {
  const thr = zeroThreshold(values, opts.tolerance);
  let neg = 0;
  let zero = 0;
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < -thr) neg++;
    else if (v > thr) pos++;
    else zero++;
  }
  if (opts.partial) {
    const classification: Classification =
      neg > 0 && pos > 0
        ? 'saddle'
        : neg === 0 && pos > 0 && zero === 0
          ? 'minimum'
          : neg > 0 && pos === 0 && zero === 0
            ? 'maximum'
            : 'degenerate';
    return {
      classification,
      index: neg,
      positive: pos,
      flat: null,
      unexplainedFlat: null,
      zeroThreshold: thr,
    };
  }
  const sym = opts.symmetryFlat ?? 0;
  const unexplained = Math.max(0, zero - sym);
  let classification: Classification;
  if (neg > 0 && pos > 0) classification = 'saddle';
  else if (neg === 0 && pos > 0 && unexplained === 0) classification = 'minimum';
  else if (pos === 0 && neg > 0 && unexplained === 0) classification = 'maximum';
  else classification = 'degenerate';
  return {
    classification,
    index: neg,
    positive: pos,
    flat: zero,
    unexplainedFlat: unexplained,
    zeroThreshold: thr,
  };
}

/**
 * ‖∇L‖ at or below this counts as a critical point: 1e-6·max(1, |L|). Absolute for losses up to 1 (a
 * gradient of 1e-6 is small whatever the grid or window), relative above.
 */
export function criticalGradTol(loss: number): number {
  return 1e-6 * Math.max(1, Math.abs(loss));
}

export interface CriticalVerdict extends ClassifiedSpectrum {
  /** Whether ‖∇L‖ ≤ gradTol: only then is the point a critical point and its classification a name for it. */
  critical: boolean;
}

export interface CriticalOptions {
  symmetryFlat?: number | null;
  partial?: boolean;
  tolerance?: Tolerance;
  /** Default `criticalGradTol(loss)`. */
  gradTol?: number;
}

/**
 * The classification and index of a point from its Hessian eigenvalues (any dimension: 2 on a slice or a
 * surface, all parameters in `analyze`), and the critical-point test on its gradient norm.
 */
export function classifyCritical(
  eigenvalues: ArrayLike<number>,
  gradNorm: number,
  loss: number,
  opts: CriticalOptions = {},
): CriticalVerdict {
  const c = classifySpectrum(eigenvalues, {
    symmetryFlat: opts.symmetryFlat ?? null,
    partial: opts.partial ?? false,
    tolerance: opts.tolerance ?? DEFAULT_TOLERANCE,
  });
  const tol = opts.gradTol ?? criticalGradTol(loss);
  return { ...c, critical: Number.isFinite(gradNorm) && gradNorm <= tol };
}

export type CriticalLabel = Classification | 'notCritical';

/** What a view may call a point: its classification where the critical-point test holds, else 'notCritical'. */
export function criticalLabel(v: { classification: Classification; critical: boolean }): CriticalLabel {
  return v.critical ? v.classification : 'notCritical';
}
