import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { runPlan } from '../../core/pipeline/coordinator';
import { planExperiment } from '../../core/pipeline/plan';
import type { RunResult } from '../../core/train/trainRun';
import type { CliCommand } from '../command';
import { EXIT } from '../cliError';
import { assertResultFits, failedRun, type FailedRun } from '../runOutcome';
import { loadExperiment } from '../../node/experimentFile';
import { writeJsonAtomic } from '../jsonOut';
import { createJobRunner, workersOption } from '../pool';
import { createProgress } from '../progress';
import { reportRuns } from '../runProgress';

/** Fields of a run result written to files; path and timing only on request (timing breaks byte-identity). */
function fileRun(r: RunResult, withPaths: boolean, withTiming: boolean): Record<string, unknown> {
  const { path, pathSteps, timeMs, ...rest } = r;
  return { ...rest, ...(withPaths ? { pathSteps, path } : {}), ...(withTiming ? { timeMs } : {}) };
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'Train every run of an experiment and write the results',
  usage:
    'relief run FILE --out RESULT.json [--paths] [--timing] [--workers N] [--inline] [--quiet]\n' +
    '                [--train-csv CSV] [--test-csv CSV]\n' +
    '  --paths    include each run\'s parameter snapshots ("pathSteps", "path")\n' +
    '  --timing   include per-step wall time ("timeMs"; the file is then no longer reproducible)\n' +
    '  --train-csv, --test-csv   samples from a CSV file (columns x[,x2],y) instead of data.train / data.test',
  args: ['FILE'],
  requiredOptions: ['out'],
  options: {
    out: { type: 'string', short: 'o' },
    paths: { type: 'boolean' },
    timing: { type: 'boolean' },
    workers: { type: 'string' },
    inline: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    'train-csv': { type: 'string' },
    'test-csv': { type: 'string' },
  },
  async run([file], v) {
    const out = v.out as string;
    const { experiment, text } = loadExperiment(file!, {
      trainCsv: v['train-csv'] as string,
      testCsv: v['test-csv'] as string,
    });
    const plan = planExperiment(experiment, { slice: false });
    if (v.paths === true) assertResultFits(experiment);
    const runner = createJobRunner({ inline: v.inline === true, workers: workersOption(v.workers) });
    const progress = createProgress(process.stderr, v.quiet === true);
    try {
      const steps = new Map(experiment.runs.map((run) => [run.name, run.steps]));
      const r = await runPlan(plan, runner.jobs, (ev) => reportRuns(progress, ev, steps)).result;
      progress.finish();
      // One failure, one run: a run that could not start or failed is written as failed (with its JSON
      // path), every other run's result still is, and the exit code says one failed.
      const index = new Map(experiment.runs.map((run, i) => [run.name, i]));
      const results = plan.train.map(
        (n) => r.runs.get(n) ?? failedRun(n, `runs[${index.get(n)}]`, r.runErrors.get(n) ?? 'not run'),
      );
      const failures = results.filter((x): x is FailedRun => x.status === 'failed');
      writeJsonAtomic(out, {
        relief: 1,
        kind: 'result',
        experiment: {
          file: basename(file!),
          ...(experiment.name ? { name: experiment.name } : {}),
          sha256: createHash('sha256').update(text).digest('hex'),
        },
        runs: results.map((x) =>
          x.status === 'failed' ? x : fileRun(x as RunResult, v.paths === true, v.timing === true),
        ),
      });
      process.stderr.write(`wrote ${out}\n`);
      for (const f of failures)
        process.stderr.write(`relief: ${f.path}: run '${f.name}' failed: ${f.message}\n`);
      if (failures.length) {
        process.stderr.write(
          `relief: ${failures.length} of ${results.length} runs failed; the others' results are in ${out}\n`,
        );
        return EXIT.failure;
      }
      return 0;
    } finally {
      await runner.close();
    }
  },
};
