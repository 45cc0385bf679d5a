/** The experiment a new window opens with: seed 001's curve, small enough to train and slice in seconds. */
import type { ExperimentInput } from '../../../core/experiment/schema';

export function defaultExperiment(): ExperimentInput {
  return {
    relief: 1,
    name: 'seed-001',
    seed: 42,
    data: {
      target: { preset: 'seed001' },
      train: { n: 1000, sampling: 'uniform' },
      test: { n: 200, sampling: 'grid' },
      noise: 0,
    },
    model: {
      inputs: 1,
      hidden: [16],
      activation: 'relu',
      init: { weights: { dist: 'normal', std: 1 }, bias: { const: 0 } },
    },
    runs: [
      { name: 'gd', optimizer: { type: 'sgd', lr: 0.05 }, steps: 300, color: '#d55e00' },
      {
        name: 'momentum',
        optimizer: { type: 'sgd', lr: 0.02, momentum: 0.9 },
        steps: 300,
        color: '#009e73',
      },
    ],
  };
}
