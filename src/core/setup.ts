/**
 * Everything a job needs from an experiment, built once: data, the model, the engine, the initial
 * point, and factories for fresh objectives (each has its own buffers and evaluation counts).
 * A network experiment fits data; a surface experiment (model.kind "surface") minimises a formula in
 * two parameters, has no data and no network to predict with; `kind` tells them apart.
 */
import { buildData, type ExperimentData } from './data/build';
import type { Dataset } from './data/dataset';
import { resolveEngine, type EngineDef } from './engine/registry';
import type { Experiment, NetworkExperiment } from './experiment/schema';
import { createDenseNetwork } from './network/dense';
import { initialParams } from './network/init';
import { paramNames, type NetworkSpec } from './network/spec';
import type { Objective } from './objective';
import { createSurfaceObjective } from './surface/objective';
import { resolveSurface, type ResolvedSurface } from './surface/resolve';

interface SetupBase {
  readonly experiment: Experiment;
  readonly data: ExperimentData;
  readonly dim: number;
  readonly initial: Float64Array<ArrayBuffer>;
  /** A fresh objective on the training set (or on `data`). */
  objective(data?: Dataset): Objective;
  /** A fresh objective on the test set, or null without one. */
  testObjective(): Objective | null;
  paramNames(): string[];
}

export interface NetworkSetup extends SetupBase {
  readonly kind: 'network';
  readonly experiment: NetworkExperiment;
  readonly spec: NetworkSpec;
  readonly engine: EngineDef;
  /** Network outputs at `params` for inputs xs (row-major). */
  predict(params: Float64Array, xs: Float64Array, out: Float64Array): void;
}

export interface SurfaceSetup extends SetupBase {
  readonly kind: 'surface';
  /** Results name their engine; a surface's objective is the formula itself. */
  readonly engine: { readonly name: 'surface' };
  readonly surface: ResolvedSurface;
}

export type Setup = NetworkSetup | SurfaceSetup;

export function networkSpecOf(e: NetworkExperiment): NetworkSpec {
  const m = e.model;
  const spec: NetworkSpec = {
    inputs: m.inputs,
    hidden: m.hidden,
    activation: m.activation,
    leakySlope: m.leakySlope,
  };
  // Only what differs from the defaults, so specs of ordinary models stay as they were.
  return {
    ...spec,
    ...(m.bias === false ? { bias: false } : {}),
    ...(m.output === 'sum' ? { output: 'sum' as const } : {}),
    ...(e.loss !== 'mse' ? { loss: e.loss } : {}),
  };
}

export function setUp(e: Experiment): Setup {
  return e.model.kind === 'surface' ? setUpSurface(e) : setUpNetwork(e as NetworkExperiment);
}

export function setUpNetwork(e: NetworkExperiment): NetworkSetup {
  const spec = networkSpecOf(e);
  const data = buildData(e);
  const engine = resolveEngine(e.engine, spec, data.train);
  // A test set may be sampled while training runs on the population: it gets the engine that fits it.
  const testEngine =
    data.test && !engine.applies(spec, data.test) ? resolveEngine('auto', spec, data.test) : engine;
  const initial = initialParams(e.model, e.seed);
  const net = createDenseNetwork(spec);
  return {
    kind: 'network',
    experiment: e,
    spec,
    data,
    engine,
    dim: initial.length,
    initial,
    objective: (d = data.train) => engine.createObjective(spec, d),
    testObjective: () => (data.test ? testEngine.createObjective(spec, data.test) : null),
    predict: (p, xs, out) => net.predict(p, xs, out),
    paramNames: () => paramNames(spec),
  };
}

/** No samples: minibatching does not apply (batchSize is ignored) and there is no test loss. */
const noSamples: Dataset = { inputs: 2, n: 0, x: new Float64Array(0), y: new Float64Array(0) };

export function setUpSurface(e: Experiment): SurfaceSetup {
  if (e.model.kind !== 'surface') throw new Error('setUpSurface needs a surface model');
  const surface = resolveSurface(e.model);
  return {
    kind: 'surface',
    experiment: e,
    engine: { name: 'surface' },
    surface,
    data: { train: noSamples, test: null },
    dim: 2,
    initial: new Float64Array(surface.start),
    objective: () => createSurfaceObjective(surface.surface),
    testObjective: () => null,
    paramNames: () => ['a', 'b'],
  };
}
