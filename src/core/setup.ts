/**
 * Everything a job needs from an experiment, built once: data, the network, the engine, the initial
 * point, and factories for fresh objectives (each has its own buffers and evaluation counts).
 */
import { buildData, type ExperimentData } from './data/build';
import type { Dataset } from './data/dataset';
import { resolveEngine, type EngineDef } from './engine/registry';
import type { Experiment } from './experiment/schema';
import { createDenseNetwork } from './network/dense';
import { initialParams } from './network/init';
import { paramNames, type NetworkSpec } from './network/spec';
import type { Objective } from './objective';

export interface Setup {
  readonly experiment: Experiment;
  readonly spec: NetworkSpec;
  readonly data: ExperimentData;
  readonly engine: EngineDef;
  readonly dim: number;
  readonly initial: Float64Array<ArrayBuffer>;
  /** A fresh objective on the training set (or on `data`). */
  objective(data?: Dataset): Objective;
  /** A fresh objective on the test set, or null without one. */
  testObjective(): Objective | null;
  /** Network outputs at `params` for inputs xs (row-major). */
  predict(params: Float64Array, xs: Float64Array, out: Float64Array): void;
  paramNames(): string[];
}

export function networkSpecOf(e: Experiment): NetworkSpec {
  const m = e.model;
  return { inputs: m.inputs, hidden: m.hidden, activation: m.activation, leakySlope: m.leakySlope };
}

export function setUp(e: Experiment): Setup {
  const spec = networkSpecOf(e);
  const data = buildData(e);
  const engine = resolveEngine(e.engine, spec);
  const initial = initialParams(e.model, e.seed);
  const net = createDenseNetwork(spec);
  return {
    experiment: e,
    spec,
    data,
    engine,
    dim: initial.length,
    initial,
    objective: (d = data.train) => engine.createObjective(spec, d),
    testObjective: () => (data.test ? engine.createObjective(spec, data.test) : null),
    predict: (p, xs, out) => net.predict(p, xs, out),
    paramNames: () => paramNames(spec),
  };
}
