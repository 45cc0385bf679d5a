/**
 * The checks `relief validate` (and every CLI command, before any work) adds to the schema: those that
 * need the data built or the size of the whole job. Too heavy for every keystroke in the app, so they
 * are not part of the schema; the jobs meet the same conditions again (non-finite targets fail there).
 *
 * - Targets must be finite at every sample and every value small enough that squares and sums of
 *   squares stay finite (|v| ≤ 1e100): near 1e308 the loss overflows and a run "diverges" at step 0.
 * - The total work, steps x samples x parameters summed over the runs (multiply-adds of one forward
 *   pass each), must be at most `maxWork` (default DEFAULT_MAX_WORK, about an hour of one core).
 */
import { buildData } from '../data/build';
import { paramCount } from '../network/spec';
import { isNetworkExperiment, type Experiment } from './schema';
import type { Problem } from './validate';

/** Default bound of the total work: 1e13 multiply-adds, about an hour on one core. */
export const DEFAULT_MAX_WORK = 1e13;
/** Largest magnitude of an input or target value: its square, summed over 1e6 samples, stays finite. */
export const MAX_ABS_VALUE = 1e100;

export interface RunnableOptions {
  /** The bound of the total work; `Infinity` switches the check off. */
  maxWork?: number;
}

/** steps x samples x parameters summed over the runs (a surface counts one sample and 2 parameters). */
export function workEstimate(e: Experiment): number {
  const steps = e.runs.reduce((s, r) => s + r.steps, 0);
  if (!isNetworkExperiment(e)) return steps * 2;
  // the population loss is a closed form over the teacher: about one sample's work per evaluation
  const count = (s: NonNullable<typeof e.data.test>) => ('n' in s ? s.n : 'y' in s ? s.y.length : 1);
  const samples = count(e.data.train) + (e.data.test ? count(e.data.test) : 0);
  return steps * samples * paramCount(e.model);
}

const sci = (v: number) => v.toExponential(1).replace('e+', 'e');

function largest(values: ArrayLike<number>): { at: number; value: number } {
  let at = -1;
  let value = 0;
  for (let i = 0; i < values.length; i++)
    if (Math.abs(values[i]!) > Math.abs(value)) {
      value = values[i]!;
      at = i;
    }
  return { at, value };
}

export function runnableProblems(e: Experiment, opts: RunnableOptions = {}): Problem[] {
  const problems: Problem[] = [];
  const maxWork = opts.maxWork ?? DEFAULT_MAX_WORK;
  const work = workEstimate(e);
  if (work > maxWork)
    problems.push({
      path: 'runs',
      message:
        `the total work is about ${sci(work)} multiply-adds (steps x samples x parameters over all runs), ` +
        `over the limit of ${sci(maxWork)}; shrink steps, samples or the network, ` +
        `or raise the limit with --max-work ${sci(work * 1.01)}`,
    });
  if (!isNetworkExperiment(e)) return problems;
  let data;
  try {
    data = buildData(e);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const [path, ...rest] = err.message.split(': ');
    problems.push({ path: path!, message: rest.join(': ') });
    return problems;
  }
  for (const [which, d] of [
    ['train', data.train],
    ['test', data.test],
  ] as const) {
    if (!d) continue;
    for (const [field, values] of [
      ['y', d.y],
      ['x', d.x],
    ] as const) {
      const big = largest(values);
      if (Math.abs(big.value) > MAX_ABS_VALUE)
        problems.push({
          path: `data.${which}.${field}`,
          message: `${field === 'y' ? 'target' : 'input'} ${sci(big.value)} (sample ${Math.floor(big.at / (field === 'x' ? d.inputs : 1))}) is too large: values must stay within ±1e100 so that the squared loss is finite`,
        });
    }
  }
  return problems;
}
