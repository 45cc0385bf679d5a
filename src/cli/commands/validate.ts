import { paramCount } from '../../core/network/spec';
import type { CliCommand } from '../command';
import { InputError } from '../../node/inputError';
import { loadExperiment } from '../../node/experimentFile';
import { CliError, EXIT } from '../cliError';

/** Checks one file; the problems go to stderr and the file's verdict decides the exit code. */
function validateOne(file: string, v: Record<string, string | boolean | undefined>): boolean {
  try {
    const { experiment: e } = loadExperiment(file, {
      trainCsv: v['train-csv'] as string,
      testCsv: v['test-csv'] as string,
    });
    const model = e.model as { hidden?: number[]; inputs?: 1 | 2 };
    const p = model.hidden ? paramCount({ inputs: model.inputs ?? 1, hidden: model.hidden }) : 2;
    process.stdout.write(
      `${file}: valid (${e.runs.length} run${e.runs.length === 1 ? '' : 's'}, ${p} parameters)\n`,
    );
    return true;
  } catch (e) {
    if (!(e instanceof CliError || e instanceof InputError)) throw e;
    process.stderr.write(`relief: ${e.message}\n`);
    return false;
  }
}

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check experiment files against the schema',
  usage:
    'relief validate FILE... [--train-csv CSV] [--test-csv CSV]\n' +
    '  Every FILE is checked; exit 2 if any is invalid.',
  args: ['FILE'],
  variadic: true,
  options: { 'train-csv': { type: 'string' }, 'test-csv': { type: 'string' } },
  async run(files, v) {
    let ok = true;
    for (const file of files) ok = validateOne(file, v) && ok;
    return ok ? EXIT.ok : EXIT.badInput;
  },
};
