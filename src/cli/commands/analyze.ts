import type { PointAnalysis } from '../../core/analysis/analyzePoint';
import { clip } from '../../core/clip';
import { setUp } from '../../core/setup';
import { runPlan } from '../../core/pipeline/coordinator';
import { planExperiment } from '../../core/pipeline/plan';
import { resultHeader } from '../analysisSupport';
import type { CliCommand } from '../command';
import { CliError } from '../cliError';
import { loadExperiment } from '../../node/experimentFile';
import { writeJsonAtomic } from '../jsonOut';
import { createJobRunner, workersOption } from '../pool';
import { createProgress } from '../progress';
import { reportRuns } from '../runProgress';

export const analyzeCommand: CliCommand = {
  name: 'analyze',
  summary: "Classify the initial point and every run's final point (Hessian spectrum, symmetries)",
  usage:
    'relief analyze FILE --out ANALYSIS.json [--rel-tol R] [--abs-tol A] [--params] [--saddles K]\n' +
    '                [--workers N] [--inline] [--quiet]\n' +
    '  Writes {"points": [{"label","loss","gradNorm","eigenvalues","classification","index",...}]}.\n' +
    '  An eigenvalue counts as zero when |λ| <= max(A, R·max|λ|) (defaults R 1e-6, A 1e-10).\n' +
    "  --params   include each point's parameters",
  args: ['FILE'],
  requiredOptions: ['out'],
  options: {
    out: { type: 'string', short: 'o' },
    'rel-tol': { type: 'string' },
    'abs-tol': { type: 'string' },
    params: { type: 'boolean' },
    saddles: { type: 'string' },
    workers: { type: 'string' },
    inline: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run([file], v) {
    const out = v.out as string;
    const tolerance = {
      rel: tolOption(v['rel-tol'], 'rel-tol', 1e-6),
      abs: tolOption(v['abs-tol'], 'abs-tol', 1e-10),
    };
    // Options are checked before any training (a bad --saddles used to fail only after it).
    const K = v.saddles === undefined ? 0 : Number(v.saddles);
    if (!(Number.isInteger(K) && K >= 0 && K <= 10000))
      throw new CliError(
        `--saddles: must be an integer from 0 to 10000, got '${clip(String(v.saddles), 40)}'`,
      );
    const { experiment, text } = loadExperiment(file!);
    const runner = createJobRunner({ inline: v.inline === true, workers: workersOption(v.workers) });
    const progress = createProgress(process.stderr, v.quiet === true);
    try {
      const trained = await runPlan(planExperiment(experiment, { slice: false }), runner.jobs, (ev) =>
        reportRuns(progress, ev),
      ).result;
      const failed = [...trained.runErrors.values()][0];
      if (failed) throw failed;
      const runs = trained.runs;
      const points = [
        { label: 'init', params: setUp(experiment).initial as Float64Array },
        ...experiment.runs.map((r) => ({ label: r.name, params: runs.get(r.name)!.params })),
      ];
      const search = K
        ? runner.run('saddles', { experiment, starts: Array.from({ length: K }, (_, k) => k) }, (f) =>
            progress.update('saddle search', f),
          )
        : null;
      const results = await Promise.all(
        points.map(async (pt) => {
          const res = await runner.run('analyze', { experiment, points: [pt], tolerance }, (f) =>
            progress.update(`analyze ${pt.label}`, f),
          );
          const a = res.points[0]!;
          progress.done(`analyze ${pt.label}`, describe(a));
          return a;
        }),
      );
      const found = search ? await search : null;
      if (found) progress.done('saddle search', `${found.points.length} distinct points from ${K} starts`);
      progress.finish();
      const keep = (a: PointAnalysis) => {
        const { params, ...rest } = a;
        return v.params === true ? { ...rest, params } : rest;
      };
      writeJsonAtomic(out, {
        ...resultHeader('analysis', file!, text, experiment),
        points: results.map(keep),
        ...(found ? { saddleSearch: { starts: K, points: found.points.map(keep) } } : {}),
      });
      process.stderr.write(`wrote ${out}\n`);
      return 0;
    } finally {
      await runner.close();
    }
  },
};

function describe(a: PointAnalysis): string {
  const kind = a.classification === 'saddle' ? `saddle of index ${a.index}` : a.classification;
  return `${kind}, loss ${a.loss.toPrecision(6)}, |grad| ${a.gradNorm.toExponential(2)}${a.flat ? `, ${a.flat} flat` : ''}`;
}

function tolOption(v: unknown, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!(Number.isFinite(x) && x >= 0))
    throw new CliError(`--${name}: must be a number >= 0, got '${String(v)}'`);
  return x;
}
