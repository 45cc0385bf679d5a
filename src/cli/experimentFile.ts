/** Reading an experiment file at the CLI's edge: every failure becomes one clear message and exit 2. */
import { readFileSync } from 'node:fs';
import type { Experiment } from '../core/experiment/schema';
import { formatProblems, parseExperimentText, validateExperiment } from '../core/experiment/validate';
import { CliError } from './cliError';
import { parseSamplesCsv } from './csv';

function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: no such ${what}`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a folder, not a ${what}`);
    throw new CliError(`${path}: cannot read (${(e as Error).message})`);
  }
}

export interface CsvOptions {
  trainCsv?: string;
  testCsv?: string;
}

/** Loads, optionally replaces data.train/data.test with CSV samples, and validates. */
export function loadExperiment(path: string, csv: CsvOptions = {}): { experiment: Experiment; text: string } {
  const text = readText(path, 'experiment file');
  if (!csv.trainCsv && !csv.testCsv) {
    const v = parseExperimentText(text);
    if (!v.ok) throw new CliError(`${path}: invalid experiment\n${indent(formatProblems(v.problems))}`);
    return { experiment: v.experiment, text };
  }
  const first = parseExperimentText(text);
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text) as Record<string, unknown>;
  } catch {
    if (!first.ok)
      throw new CliError(`${path}: invalid experiment\n${indent(formatProblems(first.problems))}`);
    throw new CliError(`${path}: not valid JSON`);
  }
  const model = (doc.model ?? {}) as { inputs?: number };
  const inputs = model.inputs === 2 ? 2 : 1;
  const data = { ...((doc.data ?? {}) as Record<string, unknown>) };
  if (csv.trainCsv) data.train = parseSamplesCsv(readText(csv.trainCsv, 'CSV file'), inputs, csv.trainCsv);
  if (csv.testCsv) data.test = parseSamplesCsv(readText(csv.testCsv, 'CSV file'), inputs, csv.testCsv);
  const merged = { ...doc, data };
  const v = validateExperiment(merged);
  if (!v.ok) throw new CliError(`${path}: invalid experiment\n${indent(formatProblems(v.problems))}`);
  return { experiment: v.experiment, text: JSON.stringify(merged) };
}

function indent(s: string): string {
  return s
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n');
}
