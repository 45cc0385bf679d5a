/**
 * The population engine: Safran & Shamir's teacher-student problem with `data.train: {"population": true}`,
 * where the loss is the exact expectation over x ~ N(0, I) (network/population.ts), so there are no
 * samples, no minibatches, and loss, gradient and Hessian-vector products are closed forms.
 */
import type { Dataset } from '../data/dataset';
import { createPopulationLoss } from '../network/population';
import type { NetworkSpec } from '../network/spec';
import { newCounts, type Objective } from '../objective';

/** The student x ↦ Σ max(0, w_jᵀx): one relu layer, no biases, output the plain sum, MSE. */
export function populationApplies(spec: NetworkSpec, data?: Dataset): boolean {
  return (
    data?.population !== undefined &&
    spec.hidden.length === 1 &&
    spec.activation === 'relu' &&
    spec.bias === false &&
    spec.output === 'sum' &&
    (spec.loss ?? 'mse') === 'mse'
  );
}

export function createPopulationObjective(spec: NetworkSpec, data: Dataset): Objective {
  const pop = data.population;
  if (!pop || !populationApplies(spec, data))
    throw new Error('the population engine needs a teacher and the student of model.output "sum"');
  const f = createPopulationLoss(spec.inputs, spec.hidden[0]!, pop.teacher, pop.k);
  const counts = newCounts();
  return {
    dim: f.dim,
    counts,
    loss(p) {
      counts.loss++;
      return f.loss(p);
    },
    lossGrad(p, g) {
      counts.loss++;
      counts.grad++;
      return f.lossGrad(p, g);
    },
    hvp(p, v, out) {
      counts.hvp++;
      f.hvp(p, v, out);
    },
    gnvp(p, v, out) {
      counts.hvp++;
      f.gnvp(p, v, out);
    },
    // The expectation has no samples to batch.
    setBatch() {},
  };
}
