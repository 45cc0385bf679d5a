/**
 * Experiment files at the edge of the main process: reading validates and never writes; saving
 * validates first and writes atomically, so an invalid document never reaches the disk.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { formatProblems, parseExperimentText, validateExperiment } from '../../core/experiment/validate';
import type { OpenResult, SaveResult } from '../../preload/api';
import { writeFileAtomic } from './atomicWrite';

/** Experiment files are small; anything bigger is refused before it is read. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export async function readExperimentFile(path: string): Promise<OpenResult> {
  const name = basename(path);
  const fail = (message: string): OpenResult => ({
    ok: false,
    path,
    name,
    problems: [{ path: '', message }],
  });
  let text: string;
  try {
    const st = await stat(path);
    if (!st.isFile()) return fail('not a file');
    if (st.size > MAX_FILE_BYTES) return fail(`the file is larger than ${MAX_FILE_BYTES >> 20} MiB`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    return fail(`cannot read the file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const v = parseExperimentText(text);
  if (!v.ok) return { ok: false, path, name, problems: v.problems };
  // The document as written (not with defaults filled in), so saving it back changes nothing.
  return { ok: true, path, name, experiment: JSON.parse(text) as unknown };
}

export function experimentText(experiment: unknown): string {
  return `${JSON.stringify(experiment, null, 2)}\n`;
}

export async function saveExperimentFile(path: string, experiment: unknown): Promise<SaveResult> {
  const v = validateExperiment(experiment);
  if (!v.ok) return { ok: false, message: `not saved: ${formatProblems(v.problems)}` };
  try {
    await writeFileAtomic(path, experimentText(experiment));
  } catch (err) {
    return { ok: false, message: `cannot save ${basename(path)}: ${(err as Error).message}` };
  }
  return { ok: true, path, name: basename(path) };
}

/** The message of the "cannot open" dialog: the file, then each field and the rule it broke. */
export function openProblemMessage(result: Extract<OpenResult, { ok: false }>): string {
  return `${result.name} is not a valid Relief experiment; it was not changed.\n\n${formatProblems(result.problems.slice(0, 20))}`;
}
