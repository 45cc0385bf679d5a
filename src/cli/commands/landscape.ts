import { availableParallelism } from 'node:os';
import { landscapeOf, resolvePlane, runsNeeded } from '../../core/landscape/plane';
import { finishSlice, type SliceRows } from '../../core/landscape/slice';
import { setUp } from '../../core/setup';
import { asBadInput, resultHeader, splitRange, trainRuns } from '../analysisSupport';
import type { CliCommand } from '../command';
import { loadExperiment } from '../../node/experimentFile';
import { writeJsonAtomic } from '../jsonOut';
import { createJobRunner, workersOption } from '../pool';
import { createProgress } from '../progress';

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
    const setup = setUp(experiment);
    const spec = asBadInput(() => landscapeOf(setup));
    const needed = asBadInput(() => runsNeeded(spec, setup));
    const workers = workersOption(v.workers);
    const runner = createJobRunner({ inline: v.inline === true, workers });
    const progress = createProgress(process.stderr, v.quiet === true);
    try {
      const runs = await trainRuns(runner, experiment, needed, progress);
      const { plane, info } = asBadInput(() => resolvePlane(spec, { setup, runs }));
      const [na, nb] = spec.resolution;
      const loss = new Float64Array(na * nb);
      const parts = v.inline === true ? 1 : 2 * (workers ?? availableParallelism());
      const blocks = splitRange(nb, parts);
      let rowsDone = 0;
      await Promise.all(
        blocks.map(async ([s, e]) => {
          const r = await runner.run<SliceRows>('landscape', { experiment, plane, rows: [s, e] }, (_f, p) => {
            const part = p as SliceRows | undefined;
            if (part?.type === 'rows') {
              rowsDone += part.rowEnd - part.rowStart;
              progress.update('slice', rowsDone / nb);
            }
          });
          loss.set(r.loss, s * na);
        }),
      );
      progress.done('slice', `${na} x ${nb} grid`);
      const slice = finishSlice(setup, spec, plane, info, loss, runs, 'ok');
      progress.finish();
      writeJsonAtomic(out, { ...resultHeader('slice', file!, text, experiment), ...slice });
      process.stderr.write(`wrote ${out}\n`);
      return 0;
    } finally {
      await runner.close();
    }
  },
};
