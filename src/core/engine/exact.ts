/**
 * The exact engine: for one input, one hidden layer and a piecewise-linear activation, loss,
 * gradient and Hessian-vector products from prefix sums over the sorted samples (see exactKernel.ts)
 * in O(H log N + H log H) per evaluation. A minibatch re-sorts its own members once per setBatch.
 */
import type { Dataset } from '../data/dataset';
import type { NetworkSpec } from '../network/spec';
import { newCounts, type Objective } from '../objective';
import { sortSamples, type SortedData, type SortedSamples } from './exactData';
import { negativeSlope, sharedExactKernel, type ExactKernel } from './exactKernel';

/**
 * The exact engine applies to 1-H-1 networks whose activation is relu, leakyRelu or linear, with the MSE
 * loss and every bias and output weight a parameter (the layout its kernel sums over).
 */
export function exactApplies(spec: NetworkSpec): boolean {
  return (
    spec.inputs === 1 &&
    spec.hidden.length === 1 &&
    negativeSlope(spec.activation, spec.leakySlope) !== null &&
    (spec.loss ?? 'mse') === 'mse' &&
    spec.bias !== false &&
    (spec.output ?? 'linear') === 'linear'
  );
}

export interface ExactObjective extends Objective {
  hvp(p: Float64Array, v: Float64Array, out: Float64Array): void;
  gnvp(p: Float64Array, v: Float64Array, out: Float64Array): void;
  /** The full Hessian of the loss at p, row-major dim x dim, into out (one exact hvp per column). */
  hessian(p: Float64Array, out: Float64Array): void;
}

/** A kernel and the sorted samples of a data set, shared by the objective and the grid path. */
export function createExactEvaluator(
  spec: NetworkSpec,
  data: Dataset,
  useWasm = true,
): { kernel: ExactKernel; sorted: SortedData } {
  if (!exactApplies(spec))
    throw new Error('the exact engine needs 1 input, 1 hidden layer, relu/leakyRelu/linear');
  const slope = negativeSlope(spec.activation, spec.leakySlope)!;
  return { kernel: sharedExactKernel(spec.hidden[0]!, slope), sorted: sortSamples(data.x, data.y, useWasm) };
}

/**
 * `useWasm` false keeps loss and gradient on the JavaScript kernel (the WebAssembly one is used where
 * the runtime has it; Hessian-vector products are JavaScript either way).
 */
export function createExactObjective(spec: NetworkSpec, data: Dataset, useWasm = true): ExactObjective {
  const { kernel, sorted } = createExactEvaluator(spec, data, useWasm);
  const dim = 3 * kernel.hidden + 1;
  const counts = newCounts();
  let active: SortedSamples = sorted.full;
  const basis = new Float64Array(dim);
  const column = new Float64Array(dim);

  function hvp(p: Float64Array, v: Float64Array, out: Float64Array): void {
    counts.hvp++;
    const n = active.n;
    kernel.hvp(p, v, active, out, n > 0 ? 2 / n : 0);
  }

  return {
    dim,
    counts,
    kernel: sorted.full.wasm ? 'wasm' : 'js',
    loss(p) {
      counts.loss++;
      return kernel.sse(p, active) / active.n;
    },
    lossGrad(p, g) {
      counts.loss++;
      counts.grad++;
      return kernel.sseGrad(p, active, g, 2 / active.n) / active.n;
    },
    hvp,
    gnvp(p, v, out) {
      counts.hvp++;
      const n = active.n;
      kernel.hvp(p, v, active, out, n > 0 ? 2 / n : 0, true);
    },
    hessian(p, out) {
      for (let k = 0; k < dim; k++) {
        basis.fill(0);
        basis[k] = 1;
        hvp(p, basis, column);
        for (let i = 0; i < dim; i++) out[i * dim + k] = column[i]!;
      }
    },
    setBatch(subset) {
      active = subset ? sorted.ofSubset(subset) : sorted.full;
    },
  };
}
