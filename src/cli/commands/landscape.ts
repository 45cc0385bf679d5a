import { planExperiment } from '../../core/pipeline/plan';
import { runPlan } from '../../core/pipeline/coordinator';
import { asBadInput, resultHeader } from '../analysisSupport';
import type { CliCommand } from '../command';
import { loadExperiment } from '../../node/experimentFile';
import { writeJsonAtomic } from '../jsonOut';
import { createJobRunner, workersOption } from '../pool';
import { createProgress } from '../progress';
import { reportRuns } from '../runProgress';

export const landscapeCommand: CliCommand = {
  name: 'landscape',
  summary: 'Compute the loss-surface slice of the experiment\'s "landscape" section',
  usage:
    'relief landscape FILE --out SLICE.json [--workers N] [--inline] [--quiet]\n' +
    '  Trains the runs the slice refers to, resolves the plane, splits the grid rows over the workers,\n' +
    '  then adds the 1-D line, projected paths, critical points and plateaus (docs/analysis.md).\n' +
    '  loss[i*alpha.length + j] = L(center + alpha[j]*d1 + beta[i]*d2).',
  args: ['FILE'],
  requiredOptions: ['out'],
  options: {
    out: { type: 'string', short: 'o' },
    workers: { type: 'string' },
    inline: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run([file], v) {
    const out = v.out as string;
    const { experiment, text } = loadExperiment(file!);
    const plan = asBadInput(() => planExperiment(experiment, { train: 'needed' }));
    const runner = createJobRunner({ inline: v.inline === true, workers: workersOption(v.workers) });
    const progress = createProgress(process.stderr, v.quiet === true);
    try {
      const r = await runPlan(plan, runner.jobs, (ev) => {
        reportRuns(progress, ev);
        if (ev.type === 'rows') progress.update('slice', ev.rowsDone / ev.grid.beta.length);
        if (ev.type === 'slice')
          progress.done('slice', `${ev.slice.alpha.length} x ${ev.slice.beta.length} grid`);
      }).result;
      const failed = [...r.runErrors.values()][0];
      if (failed) throw failed;
      progress.finish();
      writeJsonAtomic(out, { ...resultHeader('slice', file!, text, experiment), ...r.slice! });
      process.stderr.write(`wrote ${out}\n`);
      return 0;
    } finally {
      await runner.close();
    }
  },
};
