/**
 * Closed-form eigen-analysis of a symmetric 2x2 matrix [[p, q], [q, r]] and the classification of a
 * critical point by it. The smaller-magnitude eigenvalue is taken as det / λbig, which stays accurate
 * when the two eigenvalues differ by many orders of magnitude (Rosenbrock's valley has ~1000:1).
 */

export type CriticalKind = 'minimum' | 'maximum' | 'saddle' | 'degenerate';

/** Eigenvalues in increasing order. */
export function eigenvalues2(p: number, q: number, r: number): [number, number] {
  const m = (p + r) / 2;
  const dlt = Math.hypot((p - r) / 2, q);
  if (dlt === 0) return [m, m];
  const big = m >= 0 ? m + dlt : m - dlt;
  const small = big === 0 ? 0 : (p * r - q * q) / big;
  return big >= small ? [small, big] : [big, small];
}

/**
 * Relative size below which an eigenvalue counts as zero: the Hessian is then singular and the
 * second-order test says nothing (the monkey saddle's origin).
 */
export const DEGENERATE_RTOL = 1e-7;

export function classify(l1: number, l2: number, rtol = DEGENERATE_RTOL): CriticalKind {
  const scale = Math.max(1, Math.abs(l1), Math.abs(l2));
  if (Math.abs(l1) <= rtol * scale || Math.abs(l2) <= rtol * scale) return 'degenerate';
  if (l1 > 0) return 'minimum';
  if (l2 < 0) return 'maximum';
  return 'saddle';
}
