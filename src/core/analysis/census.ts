/**
 * Basins census: K seeded initializations x the experiment's runs (optimizers), each trained to its
 * end; final losses; distinct minima, clustered modulo unit permutation and rescaling (canonicalParams);
 * the share of initializations that reach the best loss. Entries are computed per (init, run) and can be
 * spread over machines by init shard (i/n: inits k with k mod n = i) and merged afterwards.
 *
 * Each entry also records the final gradient norm and Hessian index (negative eigenvalues, counted as in
 * classify.ts), so the census states the answer to "how many initializations end in a spurious local
 * minimum?": an entry is converged when ‖∇L‖ ≤ gradTol and spurious when converged with loss > spuriousLoss;
 * the fraction spurious per run comes with a Wilson score interval (binomial, 95 %).
 */
import type { JobContext } from '../jobs/types';
import { initialParams } from '../network/init';
import { hashString } from '../rng';
import type { NetworkSetup, Setup } from '../setup';
import { trainRun } from '../train/trainRun';
import { canonicalParams, relativeDistance } from './canonical';
import { classifySpectrum } from './classify';
import { hessianSpectrum } from './hessianSpectrum';

export interface CensusEntry {
  init: number;
  run: string;
  status: string;
  steps: number;
  loss: number;
  /** ‖∇L‖₂ of the full training loss at the final parameters. */
  gradNorm: number;
  /**
   * Number of negative Hessian eigenvalues at the final parameters (classify.ts's zero threshold); a lower
   * bound beyond DENSE_INDEX_LIMIT parameters (Lanczos extremes); null when the run did not end finite.
   */
  index: number | null;
  /** Final parameters in canonical form (the clustering key). */
  canonical: Float64Array<ArrayBuffer>;
}

/** Above this many parameters the index comes from Lanczos (a lower bound) instead of the full spectrum. */
export const DENSE_INDEX_LIMIT = 500;

/** What "converged" and "spurious" mean; stated in every census file. */
export interface CensusThresholds {
  /** Converged: ‖∇L‖₂ ≤ gradTol at the end of the run. */
  gradTol: number;
  /** Spurious: converged with loss > spuriousLoss (a global minimum of a realisable problem has loss 0). */
  spuriousLoss: number;
}

export const DEFAULT_CENSUS_THRESHOLDS: CensusThresholds = { gradTol: 1e-6, spuriousLoss: 1e-3 };

export interface Proportion {
  count: number;
  total: number;
  fraction: number;
  /** Wilson score interval at 95 % (z = 1.959964). */
  interval: [number, number];
}

/** Wilson score interval for k successes in n trials (Wilson 1927), z = 1.959964 for 95 %. */
export function wilsonInterval(k: number, n: number, z = 1.959964): [number, number] {
  if (n === 0) return [0, 1];
  const p = k / n;
  const z2 = z * z;
  const den = 1 + z2 / n;
  const mid = (p + z2 / (2 * n)) / den;
  const half = (z / den) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, mid - half), Math.min(1, mid + half)];
}

function proportion(count: number, total: number): Proportion {
  return { count, total, fraction: total ? count / total : NaN, interval: wilsonInterval(count, total) };
}

export function isConverged(e: Pick<CensusEntry, 'gradNorm' | 'loss'>, t: CensusThresholds): boolean {
  return Number.isFinite(e.loss) && e.gradNorm <= t.gradTol;
}

export function isSpurious(e: Pick<CensusEntry, 'gradNorm' | 'loss'>, t: CensusThresholds): boolean {
  return isConverged(e, t) && e.loss > t.spuriousLoss;
}

export interface CensusVerdict {
  thresholds: CensusThresholds;
  /** Per run: converged and spurious among all its initializations, and spurious among the converged. */
  perRun: Record<
    string,
    {
      converged: Proportion;
      spurious: Proportion;
      spuriousOfConverged: Proportion;
      /** How many ended at each Hessian index ("null": not finite). */
      byIndex: Record<string, number>;
    }
  >;
}

export function censusVerdict(
  entries: readonly Pick<CensusEntry, 'run' | 'gradNorm' | 'loss' | 'index'>[],
  runs: readonly string[],
  t: CensusThresholds = DEFAULT_CENSUS_THRESHOLDS,
): CensusVerdict {
  const perRun: CensusVerdict['perRun'] = {};
  for (const run of runs) {
    const mine = entries.filter((e) => e.run === run);
    const conv = mine.filter((e) => isConverged(e, t)).length;
    const spur = mine.filter((e) => isSpurious(e, t)).length;
    const byIndex: Record<string, number> = {};
    for (const e of mine) byIndex[String(e.index)] = (byIndex[String(e.index)] ?? 0) + 1;
    perRun[run] = {
      converged: proportion(conv, mine.length),
      spurious: proportion(spur, mine.length),
      spuriousOfConverged: proportion(spur, conv),
      byIndex,
    };
  }
  return { thresholds: t, perRun };
}

/** Final gradient norm and Hessian index of the full training loss at p. */
export function finalPointStats(
  setup: NetworkSetup,
  p: Float64Array,
): { gradNorm: number; index: number | null } {
  if (!p.every(Number.isFinite)) return { gradNorm: NaN, index: null };
  const f = setup.objective();
  const g = new Float64Array(f.dim);
  f.lossGrad(p, g);
  let s = 0;
  for (let i = 0; i < g.length; i++) s += g[i]! * g[i]!;
  const spec = hessianSpectrum(f, p, { denseLimit: DENSE_INDEX_LIMIT, lanczosSteps: 80 });
  const index = classifySpectrum(spec.values, { partial: spec.partial }).index;
  return { gradNorm: Math.sqrt(s), index };
}

export interface CensusCluster {
  id: number;
  /** Lowest loss among the members. */
  loss: number;
  count: number;
  members: { init: number; run: string }[];
  /** Canonical parameters of the lowest member. */
  params: Float64Array<ArrayBuffer>;
}

export interface CensusSummary {
  inits: number;
  runs: string[];
  bestLoss: number;
  clusters: CensusCluster[];
  /** Per run: share of its initializations whose final loss is within tolerance of the best loss. */
  shareBest: Record<string, number>;
  perRun: Record<string, { meanLoss: number; medianLoss: number; diverged: number; minima: number }>;
  tolerance: CensusTolerance;
}

export interface CensusTolerance {
  /** Same minimum if relative canonical distance ≤ dist and losses agree within loss·rel + abs. */
  dist: number;
  lossRel: number;
  lossAbs: number;
}

export const DEFAULT_CENSUS_TOLERANCE: CensusTolerance = { dist: 1e-2, lossRel: 1e-3, lossAbs: 1e-8 };

/** Inits of shard i of n among K. */
export function shardInits(K: number, i: number, n: number): number[] {
  const out: number[] = [];
  for (let k = i; k < K; k += n) out.push(k);
  return out;
}

export function networkSetupOf(setup: Setup): NetworkSetup {
  if (setup.kind !== 'network') throw new RangeError('model: a census applies to network models');
  return setup;
}

/** Initialization k: the experiment's own for k = 0, else model.init with a seed derived from (seed, k). */
export function censusInit(setup: NetworkSetup, k: number): Float64Array<ArrayBuffer> {
  if (k === 0) return Float64Array.from(setup.initial);
  const model = setup.experiment.model;
  if (model.params)
    throw new RangeError(
      'model.params: a census draws its initializations from model.init; remove model.params',
    );
  return initialParams(model, hashString(`census:${setup.experiment.seed}:${k}`));
}

export async function censusEntries(
  setup0: Setup,
  inits: readonly number[],
  runs: readonly string[],
  ctx: JobContext,
): Promise<CensusEntry[]> {
  const setup = networkSetupOf(setup0);
  const out: CensusEntry[] = [];
  const total = inits.length * runs.length;
  for (const k of inits) {
    const p0 = censusInit(setup, k);
    for (const name of runs) {
      if (ctx.cancelled) return out;
      const done = out.length;
      const sub: JobContext = {
        progress: (f) => ctx.progress((done + f) / total),
        checkpoint: () => ctx.checkpoint(),
        get cancelled() {
          return ctx.cancelled;
        },
      };
      const r = await trainRun({ ...setup, initial: p0 }, name, sub);
      out.push({
        init: k,
        run: name,
        status: r.status,
        steps: r.steps,
        loss: r.loss[r.loss.length - 1]!,
        ...finalPointStats(setup, r.params),
        canonical: canonicalParams(setup.spec, r.params),
      });
    }
  }
  return out;
}

const sameLoss = (a: number, b: number, t: CensusTolerance) =>
  Math.abs(a - b) <= t.lossRel * Math.max(Math.abs(a), Math.abs(b)) + t.lossAbs;

export function summarizeCensus(
  entries: readonly CensusEntry[],
  inits: number,
  runs: readonly string[],
  tol: CensusTolerance = DEFAULT_CENSUS_TOLERANCE,
): CensusSummary {
  const ok = entries.filter((e) => e.status !== 'diverged' && Number.isFinite(e.loss));
  const sorted = [...ok].sort((a, b) => a.loss - b.loss || a.init - b.init || a.run.localeCompare(b.run));
  const clusters: CensusCluster[] = [];
  for (const e of sorted) {
    const c = clusters.find(
      (c) => sameLoss(c.loss, e.loss, tol) && relativeDistance(c.params, e.canonical) <= tol.dist,
    );
    if (c) {
      c.count++;
      c.members.push({ init: e.init, run: e.run });
    } else
      clusters.push({
        id: clusters.length + 1,
        loss: e.loss,
        count: 1,
        members: [{ init: e.init, run: e.run }],
        params: e.canonical,
      });
  }
  const bestLoss = sorted.length ? sorted[0]!.loss : NaN;
  const shareBest: Record<string, number> = {};
  const perRun: CensusSummary['perRun'] = {};
  for (const run of runs) {
    const mine = entries.filter((e) => e.run === run);
    const losses = mine
      .filter((e) => e.status !== 'diverged' && Number.isFinite(e.loss))
      .map((e) => e.loss)
      .sort((a, b) => a - b);
    shareBest[run] = mine.length ? losses.filter((l) => sameLoss(l, bestLoss, tol)).length / mine.length : 0;
    perRun[run] = {
      meanLoss: losses.length ? losses.reduce((s, l) => s + l, 0) / losses.length : NaN,
      medianLoss: losses.length ? losses[Math.floor((losses.length - 1) / 2)]! : NaN,
      diverged: mine.length - losses.length,
      minima: clusters.filter((c) => c.members.some((m) => m.run === run)).length,
    };
  }
  return { inits, runs: [...runs], bestLoss, clusters, shareBest, perRun, tolerance: tol };
}
