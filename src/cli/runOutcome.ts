/**
 * What `relief run` writes for a run that could not start or failed, and the check that a result file
 * with `--paths` fits in one JSON text before any training (V8 strings stop at about 512 MiB, so an
 * 8-run x 7,999-parameter x 1000-step file used to train everything and then die in JSON.stringify).
 */
import { clip } from '../core/clip';
import type { Experiment } from '../core/experiment/schema';
import { isNetworkExperiment } from '../core/experiment/schema';
import { paramCount } from '../core/network/spec';
import { pathEvery } from '../core/train/trainRun';
import { CliError } from './cliError';

export interface FailedRun {
  name: string;
  status: 'failed';
  message: string;
  /** JSON path of the run in the experiment file. */
  path: string;
}

export function failedRun(name: string, path: string, error: unknown): FailedRun {
  const message = clip(error instanceof Error ? error.message : String(error), 500);
  return { name, status: 'failed', message, path };
}

/** Largest result file written, in bytes: well below V8's longest string. */
export const MAX_RESULT_BYTES = 400 * 1024 * 1024;
/** Characters of one number in JSON at full precision, with its comma: "-0.12345678901234567,". */
const BYTES_PER_NUMBER = 22;

/** Upper estimate of the result file's size with --paths: per run, the snapshots and the per-step series. */
export function resultBytesEstimate(e: Experiment): number {
  const dim = isNetworkExperiment(e) ? paramCount(e.model) : 2;
  let numbers = 0;
  for (const r of e.runs) {
    const snapshots = Math.floor(r.steps / pathEvery(r.steps, dim)) + 2;
    // loss, testLoss, 3 evaluation counts, lr and snapshot steps per step; params; the snapshots
    numbers += 7 * (r.steps + 1) + dim + snapshots * (dim + 1);
  }
  return numbers * BYTES_PER_NUMBER;
}

export function assertResultFits(e: Experiment): void {
  const bytes = resultBytesEstimate(e);
  if (bytes > MAX_RESULT_BYTES)
    throw new CliError(
      `--paths: the result would be about ${Math.round(bytes / 2 ** 20)} MiB of JSON, over the limit of ` +
        `${MAX_RESULT_BYTES / 2 ** 20} MiB; leave out --paths, or use fewer runs, steps or parameters`,
    );
}
