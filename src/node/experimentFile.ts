/**
 * Experiment files at the edge of Node (the app's main process and the CLI): reading validates and
 * never writes; saving validates first and writes atomically, so an invalid document never reaches the
 * disk. The main process gets results as data (`readExperimentFile`), the CLI an `InputError` naming
 * the file (`loadExperiment`).
 */
import { readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CsvError, parseSamplesCsv } from '../core/data/samplesCsv';
import { DEFAULT_MAX_WORK, runnableProblems } from '../core/experiment/runnable';
import type { Experiment } from '../core/experiment/schema';
import {
  formatProblems,
  parseExperimentText,
  parseJsonText,
  validateExperiment,
} from '../core/experiment/validate';
import type { OpenResult, SaveResult } from '../preload/api';
import { writeFileAtomic } from './atomicWrite';
import { InputError } from './inputError';

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
  return { ok: true, path, name, experiment: parseJsonText(text) };
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

/** Reads a text file; a missing file, a folder or an unreadable path is an InputError naming it. */
export function readTextFile(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`${path}: no such ${what}`);
    if (code === 'EISDIR') throw new InputError(`${path}: is a folder, not a ${what}`);
    throw new InputError(`${path}: cannot read (${(e as Error).message})`);
  }
}

export interface CsvOptions {
  trainCsv?: string;
  testCsv?: string;
  /** Bound of the total work (core/experiment/runnable.ts); default `loadDefaults.maxWork`. */
  maxWork?: number;
}

function invalid(path: string, problems: Parameters<typeof formatProblems>[0]): InputError {
  return new InputError(`${path}: invalid experiment\n${indent(formatProblems(problems))}`);
}

/**
 * Loads an experiment file, optionally replaces data.train/data.test with CSV samples, and validates:
 * the schema, then what needs the data built or the job's size (`runnableProblems`).
 * `text` is the document as run (with the CSV samples in it), for reproducible result files.
 */
export function loadExperiment(path: string, csv: CsvOptions = {}): { experiment: Experiment; text: string } {
  const loaded = loadShape(path, csv);
  const problems = runnableProblems(loaded.experiment, { maxWork: csv.maxWork ?? loadDefaults.maxWork });
  if (problems.length) throw invalid(path, problems);
  return loaded;
}

/** Defaults of the checks beyond the schema; the CLI sets `maxWork` from its global --max-work. */
export const loadDefaults = { maxWork: DEFAULT_MAX_WORK };

function loadShape(path: string, csv: CsvOptions): { experiment: Experiment; text: string } {
  const text = readTextFile(path, 'experiment file');
  if (!csv.trainCsv && !csv.testCsv) {
    const v = parseExperimentText(text);
    if (!v.ok) throw invalid(path, v.problems);
    return { experiment: v.experiment, text };
  }
  const first = parseExperimentText(text);
  let doc: Record<string, unknown>;
  try {
    doc = parseJsonText(text) as Record<string, unknown>;
  } catch {
    if (!first.ok) throw invalid(path, first.problems);
    throw new InputError(`${path}: not valid JSON`);
  }
  const model = (doc.model ?? {}) as { inputs?: number };
  const inputs = Number.isInteger(model.inputs) && model.inputs! >= 1 ? model.inputs : 1;
  const data = { ...((doc.data ?? {}) as Record<string, unknown>) };
  const samples = (file: string) => {
    try {
      const { x, y } = parseSamplesCsv(readTextFile(file, 'CSV file'), inputs);
      return { x, y };
    } catch (e) {
      if (e instanceof CsvError) throw new InputError(`${file}: ${e.message}`);
      throw e;
    }
  };
  if (csv.trainCsv) data.train = samples(csv.trainCsv);
  if (csv.testCsv) data.test = samples(csv.testCsv);
  const merged = { ...doc, data };
  const v = validateExperiment(merged);
  if (!v.ok) throw invalid(path, v.problems);
  return { experiment: v.experiment, text: JSON.stringify(merged) };
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
