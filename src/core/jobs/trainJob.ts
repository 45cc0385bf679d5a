import { validateExperiment, formatProblems } from '../experiment/validate';
import { setUp } from '../setup';
import { trainRun } from '../train/trainRun';
import { defineJob } from './types';

export interface TrainPayload {
  /** The experiment document; validated again here, since a worker is a boundary. */
  experiment: unknown;
  run: string;
}

export class InvalidInputError extends Error {
  override name = 'InvalidInputError';
}

export function experimentFromPayload(doc: unknown) {
  const v = validateExperiment(doc);
  if (!v.ok) throw new InvalidInputError(formatProblems(v.problems));
  return v.experiment;
}

export const trainJob = defineJob({
  kind: 'train',
  run: (payload: TrainPayload, ctx) =>
    trainRun(setUp(experimentFromPayload(payload.experiment)), payload.run, ctx),
});
