/** Checks of IPC arguments: everything from the renderer is untrusted input, typed `unknown`. */
import { isAbsolute } from 'node:path';
import { validateExperiment, formatProblems } from '../../core/experiment/validate';
import { isJobKind, parsePayload } from '../../core/jobs/contract';
import type { Experiment } from '../../core/experiment/schema';

export class InvalidArgument extends Error {
  override name = 'InvalidArgument';
}

export function str(value: unknown, what: string, max = 4096): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > max)
    throw new InvalidArgument(`${what} must be a non-empty string of at most ${max} characters`);
  return value;
}

export function jobId(value: unknown): string {
  const id = str(value, 'job id', 64);
  if (!/^[\w-]+$/.test(id)) throw new InvalidArgument('job id may hold only letters, digits, _ and -');
  return id;
}

/** An absolute path to a .json file (the only files the renderer may ask the main process to open). */
export function jsonPath(value: unknown): string {
  const p = str(value, 'path');
  if (!isAbsolute(p) || !/\.json$/i.test(p) || p.includes('\0'))
    throw new InvalidArgument('path must be an absolute path to a .json file');
  return p;
}

export function experiment(value: unknown, what = 'experiment'): Experiment {
  const v = validateExperiment(value);
  if (!v.ok) throw new InvalidArgument(`${what} is invalid: ${formatProblems(v.problems)}`);
  return v.experiment;
}

/**
 * A job request: a registered kind, and a payload object whose `experiment` validates with the one
 * Experiment schema (every job runs on an experiment; the worker validates it again).
 */
export function jobRequest(
  kind: unknown,
  payload: unknown,
): { kind: string; payload: Record<string, unknown> } {
  const k = str(kind, 'job kind', 64);
  if (!isJobKind(k)) throw new InvalidArgument(`unknown job kind '${k}'`);
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload))
    throw new InvalidArgument('job payload must be an object');
  const p = payload as Record<string, unknown>;
  experiment(p.experiment, 'payload.experiment');
  // then the rest of the payload by its kind's schema (the job contract)
  parsePayload(k, p);
  return { kind: k, payload: p };
}
