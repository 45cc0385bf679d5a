/**
 * An output path is checked before any work starts: a result that cannot be written should be refused
 * in milliseconds, not after an hour of training, and an input must never be overwritten by a result.
 * The check creates (and removes) a temp file exactly where the atomic write will create its own, so
 * a missing folder, a read-only mount, /proc, or a folder in the way are all found the same way.
 */
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { tempPath } from './atomicWrite';
import { InputError } from './inputError';

/** At most this much of a user's path is quoted back in a message. */
const QUOTE = 100;
const quote = (s: string): string => (s.length > QUOTE ? `${s.slice(0, QUOTE)}…` : s);

function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const sa = statSync(a);
    const sb = statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/**
 * Throws an InputError naming the option and the path when `out` cannot receive the result or is one
 * of the `inputs`; otherwise returns and leaves nothing behind.
 */
export function checkOutputPath(out: string, inputs: readonly string[], option = '--out'): void {
  if (out.trim() === '') throw new InputError(`${option}: the path is empty`);
  const shown = quote(out);
  for (const input of inputs)
    if (sameFile(out, input))
      throw new InputError(`${option} ${shown}: is also an input (${quote(input)}); it would be overwritten`);
  let target;
  try {
    target = statSync(out);
  } catch {
    target = undefined;
  }
  if (target?.isDirectory()) throw new InputError(`${option} ${shown}: is a folder, not a file`);
  if (target && !target.isFile()) throw new InputError(`${option} ${shown}: is not a regular file`);
  const folder = dirname(resolve(out));
  let dir;
  try {
    dir = statSync(folder);
  } catch {
    throw new InputError(`${option} ${shown}: the folder ${quote(folder)} does not exist`);
  }
  if (!dir.isDirectory()) throw new InputError(`${option} ${shown}: ${quote(folder)} is not a folder`);
  const probe = tempPath(resolve(out));
  try {
    closeSync(openSync(probe, 'wx', 0o644));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw new InputError(`${option} ${shown}: cannot create a file in ${quote(folder)} (${code})`);
  }
  rmSync(probe, { force: true });
}
