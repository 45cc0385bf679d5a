import { validateExperiment, formatProblems } from '../../../src/core/experiment/validate';
import type { Experiment } from '../../../src/core/experiment/schema';

/** A small 1-input ReLU experiment with two runs; `landscape` and other fields merged over it. */
export function experiment(over: Record<string, unknown> = {}): Experiment {
  const doc = {
    relief: 1,
    seed: 7,
    data: { target: { expr: 'sin(3*x)' }, train: { n: 40 }, test: { n: 30, sampling: 'grid' } },
    model: { inputs: 1, hidden: [5] },
    runs: [
      { name: 'gd', optimizer: { type: 'sgd', lr: 0.05 }, steps: 30 },
      { name: 'mom', optimizer: { type: 'sgd', lr: 0.02, momentum: 0.9 }, steps: 30 },
    ],
    ...over,
  };
  const v = validateExperiment(doc);
  if (!v.ok) throw new Error(formatProblems(v.problems));
  return v.experiment;
}
