import { paramCount } from '../../core/network/spec';
import type { CliCommand } from '../command';
import { loadExperiment } from '../../node/experimentFile';

export const validateCommand: CliCommand = {
  name: 'validate',
  summary: 'Check an experiment file against the schema',
  usage: 'relief validate FILE [--train-csv CSV] [--test-csv CSV]',
  args: ['FILE'],
  options: { 'train-csv': { type: 'string' }, 'test-csv': { type: 'string' } },
  async run([file], v) {
    const { experiment: e } = loadExperiment(file!, {
      trainCsv: v['train-csv'] as string,
      testCsv: v['test-csv'] as string,
    });
    const model = e.model as { hidden?: number[]; inputs?: 1 | 2 };
    const p = model.hidden ? paramCount({ inputs: model.inputs ?? 1, hidden: model.hidden }) : 2;
    process.stdout.write(
      `${file}: valid (${e.runs.length} run${e.runs.length === 1 ? '' : 's'}, ${p} parameters)\n`,
    );
    return 0;
  },
};
