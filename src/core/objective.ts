/**
 * What optimizers and analyses minimise: a loss over a flat parameter vector, with its gradient
 * and (where the engine provides them) Hessian-vector products. Network engines (dense, exact) and
 * analytic surfaces all implement this one interface, and every evaluation is counted so runs can be
 * compared per evaluation as well as per step.
 */

export interface EvalCounts {
  loss: number;
  grad: number;
  hvp: number;
}

export interface Objective {
  readonly dim: number;
  readonly counts: EvalCounts;
  /** Loss at p on the active samples. */
  loss(p: Float64Array): number;
  /** Loss at p, and its gradient written into g. */
  lossGrad(p: Float64Array, g: Float64Array): number;
  /** Hessian-vector product H(p)·v written into out (exact, not finite differences). */
  hvp?(p: Float64Array, v: Float64Array, out: Float64Array): void;
  /** Gauss-Newton product G(p)·v = Jᵀ(∂²ℓ)J v (positive semidefinite) into out; counted as an hvp. */
  gnvp?(p: Float64Array, v: Float64Array, out: Float64Array): void;
  /** Restrict evaluation to a subset of sample indices (a minibatch); null means all samples. */
  setBatch(subset: Int32Array | null): void;
  /**
   * What computes loss and gradient: 'wasm' (the WebAssembly SIMD kernels) or 'js'. Absent means
   * 'js'. Results report it, so a slow run on a runtime without WebAssembly says why.
   */
  readonly kernel?: Kernel;
}

export type Kernel = 'wasm' | 'js';

export function newCounts(): EvalCounts {
  return { loss: 0, grad: 0, hvp: 0 };
}
