/**
 * The recovery copy of an unsaved document (Electron: userData/recovery.json; browser: localStorage)
 * is read back at start-up, after whatever ended the last session: it may be empty, truncated, edited
 * or from another version. It is parsed by this schema and its experiment by the experiment schema,
 * in both hosts; anything else is reported as the reason it was set aside, never thrown.
 */
import { z } from 'zod';
import { clip } from '../clip';
import { formatProblems, jsonErrorWithoutContent, parseJsonText, validateExperiment } from './validate';

export interface RecoveryCopy {
  experiment: unknown;
  name: string;
  savedAt: string;
}

const copySchema = z.strictObject({
  experiment: z.unknown(),
  name: z.string().max(1000),
  savedAt: z.string().max(100),
});

export type RecoveryRead = { ok: true; copy: RecoveryCopy } | { ok: false; reason: string };

export function parseRecoveryCopy(text: string): RecoveryRead {
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (e) {
    return { ok: false, reason: `not valid JSON (${jsonErrorWithoutContent(e)})` };
  }
  const shape = copySchema.safeParse(value);
  if (!shape.success || shape.data.experiment === undefined)
    return { ok: false, reason: 'not a recovery copy (expected {"experiment", "name", "savedAt"})' };
  try {
    const v = validateExperiment(shape.data.experiment);
    if (!v.ok)
      return { ok: false, reason: `its experiment is invalid: ${clip(formatProblems(v.problems), 300)}` };
  } catch (e) {
    // validation must never throw; if it does, the copy is still only set aside
    return { ok: false, reason: `its experiment could not be checked (${clip(String(e))})` };
  }
  return { ok: true, copy: { ...shape.data, name: clip(shape.data.name, 200) } };
}
