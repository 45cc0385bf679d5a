/**
 * Basins census: K seeded initializations x the experiment's runs (optimizers), each trained to its
 * end; final losses; distinct minima, clustered modulo unit permutation and rescaling (canonicalParams);
 * the share of initializations that reach the best loss. Entries are computed per (init, run) and can be
 * spread over machines by init shard (i/n: inits k with k mod n = i) and merged afterwards.
 */
import type { JobContext } from '../jobs/types';
import { initialParams } from '../network/init';
import { hashString } from '../rng';
import type { NetworkSetup, Setup } from '../setup';
import { trainRun } from '../train/trainRun';
import { canonicalParams, relativeDistance } from './canonical';

export interface CensusEntry {
  init: number;
  run: string;
  status: string;
  steps: number;
  loss: number;
  /** Final parameters in canonical form (the clustering key). */
  canonical: Float64Array<ArrayBuffer>;
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
