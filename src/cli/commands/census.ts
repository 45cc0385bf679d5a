import { readFileSync, statSync } from 'node:fs';
import { clip } from '../../core/clip';
import {
  censusVerdict,
  DEFAULT_CENSUS_THRESHOLDS,
  isConverged,
  isSpurious,
  shardInits,
  summarizeCensus,
  type CensusEntry,
  type CensusThresholds,
} from '../../core/analysis/census';
import { resultHeader } from '../analysisSupport';
import type { CliCommand } from '../command';
import { CliError } from '../cliError';
import { loadExperiment } from '../../node/experimentFile';
import { writeJsonAtomic } from '../jsonOut';
import { createJobRunner, workersOption } from '../pool';
import { createProgress } from '../progress';
import { MAX_INITS, parseShardText, type ShardFile } from '../shardFile';

/** A census file: the summary, the verdict (converged, spurious), or (with --shard) raw entries for `merge`. */
function censusFile(
  header: object,
  K: number,
  runs: string[],
  entries: CensusEntry[],
  thresholds: CensusThresholds,
) {
  const summary = summarizeCensus(entries, K, runs);
  return {
    ...header,
    ...summary,
    verdict: censusVerdict(entries, runs, thresholds),
    entries: entries.map(({ canonical: _c, ...rest }) => ({
      ...rest,
      converged: isConverged(rest, thresholds),
      spurious: isSpurious(rest, thresholds),
    })),
  };
}

/** One line per run: the fraction spurious with its interval. */
function reportVerdict(entries: CensusEntry[], runs: string[], t: CensusThresholds): void {
  const v = censusVerdict(entries, runs, t);
  for (const run of runs) {
    const r = v.perRun[run]!;
    const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
    process.stderr.write(
      `${run}: spurious ${r.spurious.count}/${r.spurious.total} = ${pct(r.spurious.fraction)} ` +
        `[${pct(r.spurious.interval[0])}, ${pct(r.spurious.interval[1])}] (Wilson 95 %); ` +
        `converged ${r.converged.count}/${r.converged.total} (‖∇L‖ ≤ ${t.gradTol}; spurious: loss > ${t.spuriousLoss})\n`,
    );
  }
}

export const censusCommand: CliCommand = {
  name: 'census',
  summary: 'Train K seeded initializations x the runs; cluster the minima reached',
  usage:
    'relief census FILE --out CENSUS.json [--inits K] [--runs a,b] [--shard i/n] [--workers N] [--inline] [--quiet]\n' +
    "  --inits K    initializations 0..K-1 (0 is the experiment's own; default 20)\n" +
    '  --runs       which runs (optimizers) to use; default all\n' +
    `  --grad-tol G       converged: final gradient norm <= G (default ${DEFAULT_CENSUS_THRESHOLDS.gradTol})\n` +
    `  --spurious-loss S  spurious: converged with loss > S (default ${DEFAULT_CENSUS_THRESHOLDS.spuriousLoss})\n` +
    '  --shard i/n  only inits k with k mod n = i; writes a shard for `relief merge`',
  args: ['FILE'],
  requiredOptions: ['out'],
  options: {
    out: { type: 'string', short: 'o' },
    inits: { type: 'string' },
    runs: { type: 'string' },
    shard: { type: 'string' },
    'grad-tol': { type: 'string' },
    'spurious-loss': { type: 'string' },
    workers: { type: 'string' },
    inline: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
  },
  async run([file], v) {
    const out = v.out as string;
    const K = intOption(v.inits, 'inits', 20, 1, MAX_INITS);
    const shard = shardOption(v.shard, K);
    const thresholds: CensusThresholds = {
      gradTol: positiveOption(v['grad-tol'], 'grad-tol', DEFAULT_CENSUS_THRESHOLDS.gradTol),
      spuriousLoss: positiveOption(
        v['spurious-loss'],
        'spurious-loss',
        DEFAULT_CENSUS_THRESHOLDS.spuriousLoss,
      ),
    };
    const { experiment, text } = loadExperiment(file!);
    if (experiment.model.kind === 'surface') throw new CliError('model: a census applies to network models');
    const all = experiment.runs.map((r) => r.name);
    const runs = typeof v.runs === 'string' ? v.runs.split(',').map((s) => s.trim()) : all;
    for (const r of runs)
      if (!all.includes(r)) throw new CliError(`--runs: no run named '${clip(r)}'; runs: ${all.join(', ')}`);
    const inits = shardInits(K, shard.i, shard.n);
    const runner = createJobRunner({ inline: v.inline === true, workers: workersOption(v.workers) });
    const progress = createProgress(process.stderr, v.quiet === true);
    let done = 0;
    try {
      const parts = await Promise.all(
        inits.map(async (k) => {
          const r = await runner.run('census', { experiment, inits: [k], runs });
          progress.update('census', ++done / inits.length);
          return r.entries;
        }),
      );
      const entries = parts.flat();
      progress.done('census', `${inits.length} initializations x ${runs.length} runs`);
      const header = resultHeader(v.shard ? 'census-shard' : 'census', file!, text, experiment);
      if (v.shard) writeJsonAtomic(out, { ...header, inits: K, runs, shard, thresholds, entries });
      else writeJsonAtomic(out, censusFile(header, K, runs, entries, thresholds));
      if (v.quiet !== true) reportVerdict(entries, runs, thresholds);
      process.stderr.write(`wrote ${out}\n`);
      return 0;
    } finally {
      await runner.close();
    }
  },
};

export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'Merge census shards (from census --shard i/n) into one census',
  usage:
    'relief merge SHARD.json... --out CENSUS.json\n  Every shard 0..n-1 of the same experiment must be given once.',
  args: ['SHARD'],
  variadic: true,
  requiredOptions: ['out'],
  options: { out: { type: 'string', short: 'o' } },
  async run(files, v) {
    const shards = files.map((f) => readShard(f));
    const first = shards[0]!;
    const n = first.shard.n;
    const seen = new Set<number>();
    shards.forEach((s, k) => {
      const f = files[k]!;
      if (s.experiment.sha256 !== first.experiment.sha256)
        throw new CliError(`${f}: comes from a different experiment file than ${files[0]}`);
      if (
        s.inits !== first.inits ||
        s.shard.n !== n ||
        s.runs.join() !== first.runs.join() ||
        JSON.stringify(s.thresholds) !== JSON.stringify(first.thresholds)
      )
        throw new CliError(`${f}: its inits, shard count, runs or thresholds differ from ${files[0]}`);
      if (seen.has(s.shard.i)) throw new CliError(`${f}: shard ${s.shard.i}/${n} given twice`);
      seen.add(s.shard.i);
    });
    const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !seen.has(i));
    if (missing.length)
      throw new CliError(
        `missing shard(s) ${missing
          .slice(0, 10)
          .map((i) => `${i}/${n}`)
          .join(', ')}${missing.length > 10 ? ` and ${missing.length - 10} more` : ''}`,
      );
    const entries: CensusEntry[] = shards
      .flatMap((s) => s.entries)
      .map((e) => ({ ...e, canonical: Float64Array.from(e.canonical) }))
      .sort((a, b) => a.init - b.init || first.runs.indexOf(a.run) - first.runs.indexOf(b.run));
    const header = { relief: 1, kind: 'census', experiment: first.experiment };
    const thresholds = first.thresholds ?? DEFAULT_CENSUS_THRESHOLDS;
    writeJsonAtomic(v.out as string, censusFile(header, first.inits, first.runs, entries, thresholds));
    reportVerdict(entries, first.runs, thresholds);
    process.stderr.write(`wrote ${String(v.out)}\n`);
    return 0;
  },
};

/** A shard file from disk, parsed by its schema; any problem is exit 2 naming the file. */
function readShard(path: string): ShardFile {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_SHARD_BYTES)
      throw new CliError(`${path}: larger than ${MAX_SHARD_BYTES >> 20} MiB; not a census shard`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof CliError) throw e;
    throw new CliError(
      `${path}: cannot read a census shard (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  try {
    return parseShardText(text);
  } catch (e) {
    throw new CliError(`${path}: ${(e as Error).message}`);
  }
}

/** Shards hold entries of at most K inits x 16 runs; anything far larger is not one. */
const MAX_SHARD_BYTES = 1024 * 1024 * 1024;

function intOption(v: unknown, name: string, dflt: number, lo: number, hi: number): number {
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!Number.isInteger(x) || x < lo || x > hi)
    throw new CliError(`--${name}: must be an integer from ${lo} to ${hi}, got '${clip(String(v), 40)}'`);
  return x;
}

function positiveOption(v: unknown, name: string, dflt: number): number {
  if (v === undefined) return dflt;
  const x = Number(v);
  if (!(Number.isFinite(x) && x > 0))
    throw new CliError(`--${name}: must be a positive number, got '${String(v)}'`);
  return x;
}

function shardOption(v: unknown, K: number): { i: number; n: number } {
  if (v === undefined) return { i: 0, n: 1 };
  const m = /^(\d{1,7})\/(\d{1,7})$/.exec(String(v));
  const i = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1) || !(i < n))
    throw new CliError(`--shard: must be i/n with 0 <= i < n, got '${clip(String(v), 40)}'`);
  if (n > K)
    throw new CliError(`--shard: ${n} shards of ${K} initializations leave some empty; use n <= --inits`);
  return { i, n };
}
