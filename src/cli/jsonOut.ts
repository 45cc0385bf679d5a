/** Result files: plain JSON with typed arrays as number arrays, written atomically. */
import { writeFileAtomicSync } from '../node/atomicWrite';
import { CliError, EXIT } from './cliError';

export function toPlain(value: unknown): unknown {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as Float64Array);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toPlain(v);
    return out;
  }
  return value;
}

/** Writes the result; a failed write (disk full, file too large, ...) is exit 1 and names the file. */
export function writeJsonAtomic(path: string, value: unknown): void {
  try {
    writeFileAtomicSync(path, `${JSON.stringify(toPlain(value))}\n`);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (!err.code) throw e;
    const why = err.code === 'ENOSPC' ? 'no space left on the device' : err.code;
    throw new CliError(`cannot write ${path} (${why}); any previous file there is unchanged`, EXIT.failure);
  }
}
