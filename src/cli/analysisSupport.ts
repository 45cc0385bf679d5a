/**
 * What the analysis commands (landscape, analyze, census) share: the header that names the experiment a
 * result came from, and turning core's bad-input errors (RangeError, naming a JSON path) into exit code 2.
 * Training and slicing are the pipeline coordinator's (src/core/pipeline).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Experiment } from '../core/experiment/schema';
import { CliError } from './cliError';

export function resultHeader(kind: string, file: string, text: string, e: Experiment) {
  return {
    relief: 1,
    kind,
    experiment: {
      file: basename(file),
      ...(e.name ? { name: e.name } : {}),
      sha256: createHash('sha256').update(text).digest('hex'),
    },
  };
}

/** Runs core code at the CLI's edge: a RangeError is the user's input at fault (exit 2). */
export function asBadInput<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(e.message);
    throw e;
  }
}
