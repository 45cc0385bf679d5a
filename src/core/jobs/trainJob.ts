import { validateExperiment, formatProblems } from '../experiment/validate';
import { setUp } from '../setup';
import { trainRun } from '../train/trainRun';
import { InvalidInputError } from './invalidInput';
import { defineJob } from './types';

export { InvalidInputError };

/** An experiment validated at a boundary (jobs get theirs already validated by the contract). */
export function experimentFromPayload(doc: unknown) {
  const v = validateExperiment(doc);
  if (!v.ok) throw new InvalidInputError(formatProblems(v.problems));
  return v.experiment;
}

export const trainJob = defineJob({
  kind: 'train',
  run: (payload, ctx) => trainRun(setUp(payload.experiment), payload.run, ctx),
});
