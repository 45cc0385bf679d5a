/**
 * Points of parameter space named in a landscape spec ("init", {"run": NAME}, or explicit numbers) and the
 * trained runs they refer to. Errors name the JSON path of the offending field.
 */
import { clip } from '../clip';
import type { PointRef } from '../experiment/landscapeSchema';
import type { Setup } from '../setup';

/** What a landscape needs of a trained run: its final point and (for PCA and paths) its snapshots. */
export interface RunSnapshot {
  params: Float64Array;
  /** Row-major snapshots (pathSteps.length x dim). */
  path?: Float64Array;
  pathSteps?: Int32Array;
}

export interface ResolveContext {
  readonly setup: Setup;
  readonly runs: ReadonlyMap<string, RunSnapshot>;
}

/** A user-facing bad-input error: the message starts with the JSON path. */
export function specError(path: string, message: string): RangeError {
  return new RangeError(`${path}: ${message}`);
}

/** Names of runs a point refers to (for deciding what to train first). */
export function runOfPoint(ref: PointRef): string | null {
  return typeof ref === 'object' && !Array.isArray(ref) ? ref.run : null;
}

export function checkRunName(ctx: Pick<ResolveContext, 'setup'>, name: string, path: string): void {
  const runs = ctx.setup.experiment.runs;
  if (!runs.some((r) => r.name === name))
    throw specError(path, `no run named '${clip(name)}'; runs: ${runs.map((r) => r.name).join(', ')}`);
}

export function resolvePoint(ref: PointRef, ctx: ResolveContext, path: string): Float64Array<ArrayBuffer> {
  const dim = ctx.setup.dim;
  if (ref === 'init') return Float64Array.from(ctx.setup.initial);
  if (Array.isArray(ref)) {
    if (ref.length !== dim)
      throw specError(path, `has ${ref.length} numbers; this network has ${dim} parameters`);
    return Float64Array.from(ref);
  }
  checkRunName(ctx, ref.run, `${path}.run`);
  const snap = ctx.runs.get(ref.run);
  if (!snap) throw specError(`${path}.run`, `run '${clip(ref.run)}' has not been trained`);
  return Float64Array.from(snap.params);
}
