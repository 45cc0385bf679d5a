/**
 * What the analysis commands (landscape, analyze, census) share: training the runs a command needs on
 * the pool, the header that names the experiment a result came from, and turning core's bad-input
 * errors (RangeError, naming a JSON path) into exit code 2.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { Experiment } from '../core/experiment/schema';
import type { RunSnapshot } from '../core/landscape/points';
import type { RunResult } from '../core/train/trainRun';
import { CliError } from './cliError';
import type { JobRunner } from './pool';
import type { ProgressReporter } from './progress';

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

/** Trains the named runs in parallel on the pool; returns their snapshots (and full results). */
export async function trainRuns(
  runner: JobRunner,
  experiment: Experiment,
  names: readonly string[],
  progress: ProgressReporter,
): Promise<Map<string, RunSnapshot & { result: RunResult }>> {
  const out = new Map<string, RunSnapshot & { result: RunResult }>();
  await Promise.all(
    names.map(async (name) => {
      const r = await runner.run<RunResult>('train', { experiment, run: name }, (f) =>
        progress.update(`train ${name}`, f),
      );
      progress.done(
        `train ${name}`,
        `${r.status}, ${r.steps} steps, loss ${r.loss[r.loss.length - 1]?.toPrecision(6)}`,
      );
      out.set(name, { params: r.params, path: r.path, pathSteps: r.pathSteps, result: r });
    }),
  );
  return out;
}

/** Splits [0, n) into about `parts` contiguous ranges. */
export function splitRange(n: number, parts: number): [number, number][] {
  const k = Math.max(1, Math.min(n, parts));
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) out.push([Math.floor((i * n) / k), Math.floor(((i + 1) * n) / k)]);
  return out;
}
