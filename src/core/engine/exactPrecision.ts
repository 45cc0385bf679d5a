/**
 * The exact engine's two precision constants, shared by the JavaScript kernel (exactKernel.ts), the
 * sorted samples (exactData.ts) and the WebAssembly walk (exactWasm.ts, wasm/exact.wat).
 */

/**
 * Doubles per boundary in the compensated prefix sums: Σx, Σx², Σy, Σxy, Σy² (y centred) over the
 * first k sorted samples, then the accumulated rounding error of each (the true sum is their sum).
 */
export const SUMS_STRIDE = 10;

/**
 * The expanded piece losses Σ(A·x + C - y)² = A²Σx² + ... + Σy² cancel near a fit; with compensated
 * prefix sums their rounding error is about eps·M, M = Σ (A·x)² + C² + y² over the samples (measured
 * 0.1 to 0.4·eps·M on the bench's gradient descent). The expanded form is kept while eps·M is at
 * most 5e-13 of the loss, i.e. while Σ e² >= RESIDUAL_SWITCH·M; below that the walk recomputes its
 * sums from the per-sample residuals.
 */
export const RESIDUAL_SWITCH = 2 ** -52 / 5e-13;
