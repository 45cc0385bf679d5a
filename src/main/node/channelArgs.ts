/**
 * One schema per IPC channel for its whole argument list: everything from the renderer is untrusted
 * input. A message whose arguments do not parse (a wrong type, a missing or an extra argument) is
 * refused before its handler runs. Documents and job payloads are then validated in depth by the
 * handlers (the Experiment schema, the job contract's payload schema).
 */
import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { clip } from '../../core/clip';
import { formatProblems, problemsFromZod } from '../../core/experiment/validate';
import type { InvokeChannel, SendChannel } from '../../preload/channels';
import { InvalidArgument } from './args';

const jobId = z.string().regex(/^[\w-]{1,64}$/, 'a job id is 1 to 64 letters, digits, _ or -');
const name = z.string().min(1).max(255);
/** An absolute path to a .json file, without NUL (the only files the renderer may name). */
const jsonPath = z
  .string()
  .min(1)
  .max(4096)
  .refine(
    (p) => isAbsolute(p) && /\.json$/i.test(p) && !p.includes('\0'),
    'must be an absolute path to a .json file',
  );
/** A document: its shape is the Experiment schema's job (the handler validates it). */
const document = z.record(z.string(), z.unknown());

export const channelArgs = {
  // kind and payload: checked by the handler, which answers a bad one as the job's invalid input
  // (a registered kind, the payload by the job contract's schema for that kind)
  'job:run': z.tuple([jobId, z.unknown(), z.unknown()]),
  'job:cancel': z.tuple([jobId]),
  'file:open': z.tuple([]),
  'file:openPath': z.tuple([jsonPath]),
  'file:openDropped': z.tuple([jsonPath]),
  'file:save': z.tuple([document, jsonPath.nullable()]),
  'file:export': z.tuple([
    name,
    z
      .string()
      .min(1)
      .max(256 * 1024 * 1024),
  ]),
  'file:recent': z.tuple([]),
  'recovery:write': z.tuple([document, name]),
  'recovery:clear': z.tuple([]),
  'recovery:pending': z.tuple([]),
  'window:setDocument': z.tuple([name, z.boolean()]),
} satisfies Record<InvokeChannel | SendChannel, z.ZodTuple>;

/** The arguments of a message on `channel`, or InvalidArgument naming the argument and the rule. */
export function parseChannelArgs(channel: InvokeChannel | SendChannel, args: readonly unknown[]): unknown[] {
  const r = channelArgs[channel].safeParse(args);
  if (!r.success)
    throw new InvalidArgument(
      `${channel}: ${clip(formatProblems(problemsFromZod(r.error).map((p) => ({ ...p, path: p.path ? `argument ${p.path}` : '' }))), 300)}`,
    );
  return r.data as unknown[];
}
