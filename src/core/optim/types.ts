import type { z } from 'zod';
import type { Objective } from '../objective';

/**
 * An optimizer instance owns its state (velocity, moments, history) for one run. `step` updates the
 * parameters in place, evaluating the objective as often as the method needs (L-BFGS and line searches
 * evaluate several times; the objective counts every evaluation).
 */
export interface Optimizer {
  /** One update with learning rate `lr` (already scheduled). Returns the loss evaluated at the start of the step. */
  step(params: Float64Array, objective: Objective, lr: number): number;
  /** Named state vectors (velocity, Adam's m and v, ...) for drawing update arrows. */
  snapshot?(): Record<string, Float64Array>;
}

/**
 * A registry entry. `schema` is a zod object of the hyperparameters (torch.optim's names in camelCase),
 * each with a default, a range and a one-line `.describe()` help: the UI generates its form from it.
 * `type` is the name stored in the Experiment file.
 */
export interface OptimizerDef<S extends z.ZodObject = z.ZodObject> {
  readonly type: string;
  readonly label: string;
  readonly help: string;
  readonly schema: S;
  /** Needs Hessian-vector products (only network and surface objectives that provide hvp). */
  readonly needsHvp?: boolean;
  create(hp: z.infer<S>, dim: number): Optimizer;
}

export function defineOptimizer<S extends z.ZodObject>(def: OptimizerDef<S>): OptimizerDef {
  return def as unknown as OptimizerDef;
}
