/**
 * Evaluation engines keyed by the names of the Experiment's `engine` field. `auto` picks the first
 * engine (in list order) that applies to the model, so faster special-purpose engines come first.
 */
import type { Dataset } from '../data/dataset';
import type { NetworkSpec } from '../network/spec';
import type { Objective } from '../objective';
import { buildRegistry } from '../registry';
import { createDenseObjective } from './dense';
import { denseLossPlane } from './densePlane';
import { createExactObjective, exactApplies } from './exact';
import { exactLossPlane } from './exactPlane';
import { createPopulationObjective, populationApplies } from './population';

export interface EngineDef {
  readonly name: string;
  readonly help: string;
  /** Whether the engine can evaluate this model on this data (a population set has no samples). */
  applies(spec: NetworkSpec, data?: Dataset): boolean;
  createObjective(spec: NetworkSpec, data: Dataset): Objective;
  /**
   * Optional fast path for loss-surface grids: out[i*alphas.length + j] = L(center + alphas[j]*d1 + betas[i]*d2)
   * for rows i in [rowStart, rowEnd). Callers fall back to objective.loss per point when absent.
   */
  lossPlane?(
    spec: NetworkSpec,
    data: Dataset,
    plane: {
      center: Float64Array;
      d1: Float64Array;
      d2: Float64Array;
      alphas: Float64Array;
      betas: Float64Array;
    },
    rowStart: number,
    rowEnd: number,
    out: Float64Array,
  ): void;
}

const engineList: EngineDef[] = [
  {
    name: 'population',
    help: 'Teacher-student with {"population": true}: the exact expectation over x ~ N(0, I) in closed form.',
    applies: populationApplies,
    createObjective: createPopulationObjective,
  },
  {
    name: 'exact',
    help: '1 input, 1 hidden layer, relu/leakyRelu/linear: exact sums over the pieces between kinks, O(H log N).',
    applies: (spec, data) => !data?.population && exactApplies(spec),
    createObjective: createExactObjective,
    lossPlane: exactLossPlane,
  },
  {
    name: 'dense',
    help: 'Any architecture: forward and backward passes over every sample.',
    applies: (_spec, data) => !data?.population,
    createObjective: createDenseObjective,
    lossPlane: denseLossPlane,
  },
];

export const engines = buildRegistry(engineList, (e) => e.name, 'engine');

/** The engine that will run for `choice` ('auto' or a name) on this model and data. */
export function resolveEngine(choice: string, spec: NetworkSpec, data?: Dataset): EngineDef {
  if (choice === 'auto') {
    const found = engineList.find((e) => e.applies(spec, data));
    if (!found) throw new Error('engine: no engine applies to this model and data');
    return found;
  }
  const e = engines.get(choice);
  if (!e) throw new Error(`unknown engine '${choice}'`);
  if (!e.applies(spec, data)) throw new Error(`engine '${choice}' does not apply to this model`);
  return e;
}
