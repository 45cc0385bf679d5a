import type { PointRef } from '../../core/experiment/landscapeSchema';
import { runOfPoint } from '../../core/landscape/points';
import { runPlan } from '../../core/pipeline/coordinator';
import { planExperiment } from '../../core/pipeline/plan';
import { asBadInput, resultHeader } from '../analysisSupport';
import type { CliCommand } from '../command';
import { CliError } from '../cliError';
import { loadExperiment } from '../../node/experimentFile';
import { writeJsonAtomic } from '../jsonOut';
import { createJobRunner, workersOption } from '../pool';
import { createProgress } from '../progress';
import { reportRuns } from '../runProgress';

export const nebCommand: CliCommand = {
  name: 'neb',
  summary: 'Minimum-energy path and barrier between two points (nudged elastic band, climbing image)',
  usage:
    'relief neb FILE --to run:NAME --out NEB.json [--from init|run:NAME] [--images N] [--no-climb] [--relax]\n' +
    '               [--workers N] [--inline] [--quiet]\n' +
    '  Writes the images, their loss profile, the barrier, the straight-line profile for comparison and,\n' +
    '  when the experiment has a "landscape" section, the path projected onto its plane.\n' +
    '  --relax   first move both ends to nearby minima (saddle-free Newton, up to 400 parameters)',
  args: ['FILE'],
  requiredOptions: ['out', 'to'],
  options: {
    out: { type: 'string', short: 'o' },
    from: { type: 'string' },
    to: { type: 'string' },
    images: { type: 'string' },
    'no-climb': { type: 'boolean' },
    relax: { type: 'boolean' },
    workers: { type: 'string' },
    inline: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run([file], v) {
    const from = pointOption(v.from ?? 'init', 'from');
    const to = pointOption(v.to, 'to');
    const images = v.images === undefined ? 15 : Number(v.images);
    if (!(Number.isInteger(images) && images >= 1 && images <= 200))
      throw new CliError(`--images: must be an integer from 1 to 200, got '${String(v.images)}'`);
    const { experiment, text } = loadExperiment(file!);
    const names = new Set<string>();
    for (const [ref, opt] of [
      [from, 'from'],
      [to, 'to'],
    ] as const) {
      const n = runOfPoint(ref);
      if (n && !experiment.runs.some((r) => r.name === n))
        throw new CliError(
          `--${opt}: no run named '${n}'; runs: ${experiment.runs.map((r) => r.name).join(', ')}`,
        );
      if (n) names.add(n);
    }
    // The runs the band's ends name, and the landscape's plane (with the runs it needs), from the coordinator.
    const spec = experiment.landscape;
    const plan = asBadInput(() =>
      planExperiment(
        spec ? { ...experiment, landscape: { ...spec, paths: false, line: undefined } } : experiment,
        {
          slice: spec !== undefined,
          train: 'needed',
        },
      ),
    );
    const train = [...new Set([...plan.train, ...names])];
    const runner = createJobRunner({ inline: v.inline === true, workers: workersOption(v.workers) });
    const progress = createProgress(process.stderr, v.quiet === true);
    try {
      const trained = await runPlan({ ...plan, train, slice: null }, runner.jobs, (ev) =>
        reportRuns(progress, ev),
      ).result;
      const failed = [...trained.runErrors.values()][0];
      if (failed) throw failed;
      const given = Object.fromEntries(
        [...trained.runs].map(([n, r]) => [n, { params: r.params, path: r.path, pathSteps: r.pathSteps }]),
      );
      const plane = spec
        ? await runner.run('slicePlane', { experiment: plan.experiment, runs: given })
        : undefined;
      const r = await runner.run(
        'neb',
        {
          experiment,
          neb: { from, to, images, climb: v['no-climb'] !== true, relax: v.relax === true },
          runs: Object.fromEntries([...trained.runs].map(([n, x]) => [n, { params: x.params }])),
          ...(plane ? { plane: { center: plane.center, d1: plane.d1, d2: plane.d2 } } : {}),
        },
        (f) => progress.update('neb', f),
      );
      progress.done(
        'neb',
        `barrier ${r.barrier.toPrecision(6)} (reverse ${r.reverseBarrier.toPrecision(6)}), ${r.converged ? 'converged' : 'not converged'} after ${r.iterations} iterations`,
      );
      progress.finish();
      writeJsonAtomic(v.out as string, { ...resultHeader('neb', file!, text, experiment), ...r });
      process.stderr.write(`wrote ${String(v.out)}\n`);
      return 0;
    } finally {
      await runner.close();
    }
  },
};

function pointOption(v: unknown, name: string): PointRef {
  const s = String(v);
  if (s === 'init') return 'init';
  if (s.startsWith('run:') && s.length > 4) return { run: s.slice(4) };
  throw new CliError(`--${name}: must be init or run:NAME, got '${s}'`);
}
