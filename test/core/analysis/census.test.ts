import { describe, expect, it } from 'vitest';
import { canonicalParams, relativeDistance } from '../../../src/core/analysis/canonical';
import { censusJob } from '../../../src/core/analysis/censusJob';
import { shardInits, summarizeCensus, type CensusEntry } from '../../../src/core/analysis/census';
import { saddlesJob, type FoundCritical } from '../../../src/core/analysis/saddlesJob';
import { createDenseNetwork } from '../../../src/core/network/dense';
import { layoutOf } from '../../../src/core/network/spec';
import { inlineContext } from '../../../src/core/jobs/types';
import { createRng } from '../../../src/core/rng';
import { experiment } from '../landscape/helpers';

const spec = { inputs: 2 as const, hidden: [4, 3], activation: 'relu', leakySlope: 0 };
const layout = layoutOf(spec);

/** Permutes and rescales hidden units (a function-preserving transformation). */
function scrambled(p: Float64Array, seed: number): Float64Array {
  const rng = createRng(seed, 'scramble');
  const q = Float64Array.from(p);
  for (let l = 0; l < layout.layers.length - 1; l++) {
    const ly = layout.layers[l]!;
    const next = layout.layers[l + 1]!;
    const h = ly.fanOut;
    const perm = Array.from({ length: h }, (_, i) => i).sort(() => rng.uniform() - 0.5);
    const old = Float64Array.from(q);
    for (let j = 0; j < h; j++) {
      const src = perm[j]!;
      const c = 0.3 + 2 * rng.uniform();
      for (let i = 0; i < ly.fanIn; i++) q[ly.w + i * h + j] = c * old[ly.w + i * h + src]!;
      q[ly.b + j] = c * old[ly.b + src]!;
      for (let o = 0; o < next.fanOut; o++)
        q[next.w + j * next.fanOut + o] = old[next.w + src * next.fanOut + o]! / c;
    }
  }
  return q;
}

describe('canonical parameters modulo permutation and rescaling', () => {
  it('a permuted, rescaled copy computes the same function and has the same canonical form', () => {
    const rng = createRng(1, 'p');
    const p = Float64Array.from({ length: layout.size }, () => rng.normal());
    const q = scrambled(p, 2);
    const net = createDenseNetwork(spec);
    const xs = Float64Array.from({ length: 40 }, () => 2 * rng.uniform() - 1);
    const a = new Float64Array(20);
    const b = new Float64Array(20);
    net.predict(p, xs, a);
    net.predict(q, xs, b);
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
    expect(relativeDistance(p, q)).toBeGreaterThan(0.1);
    expect(relativeDistance(canonicalParams(spec, p), canonicalParams(spec, q))).toBeLessThan(1e-12);
  });
});

describe('census', () => {
  const e = experiment({
    model: { inputs: 1, hidden: [3] },
    runs: [
      { name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 40 },
      { name: 'mom', optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 }, steps: 40 },
    ],
  });

  it('shards partition the initializations; merged shards give the same summary as one run', async () => {
    const K = 5;
    expect([...shardInits(K, 0, 2), ...shardInits(K, 1, 2)].sort()).toEqual([0, 1, 2, 3, 4]);
    const whole = (await censusJob.run({ experiment: e, inits: shardInits(K, 0, 1) }, inlineContext())) as {
      entries: CensusEntry[];
    };
    const parts = await Promise.all(
      [0, 1].map(
        async (i) =>
          (
            (await censusJob.run({ experiment: e, inits: shardInits(K, i, 2) }, inlineContext())) as {
              entries: CensusEntry[];
            }
          ).entries,
      ),
    );
    const runs = ['gd', 'mom'];
    const a = summarizeCensus(whole.entries, K, runs);
    const b = summarizeCensus(parts.flat(), K, runs);
    expect(whole.entries.length).toBe(K * 2);
    expect(b.bestLoss).toBe(a.bestLoss);
    expect(b.clusters.map((c) => [c.loss, c.count])).toEqual(a.clusters.map((c) => [c.loss, c.count]));
    expect(b.shareBest).toEqual(a.shareBest);
    // init 0 is the experiment's own initial point: the same final loss as a plain run
    expect(whole.entries.find((x) => x.init === 0 && x.run === 'gd')!.loss).toBeGreaterThan(0);
  });

  it('clusters the same minimum reached by symmetric copies into one, and distinct minima apart', () => {
    const rng = createRng(3, 'c');
    const p = Float64Array.from({ length: layout.size }, () => rng.normal());
    const other = Float64Array.from({ length: layout.size }, () => rng.normal());
    const entry = (init: number, params: Float64Array, loss: number): CensusEntry => ({
      init,
      run: 'gd',
      status: 'ok',
      steps: 1,
      loss,
      gradNorm: 0,
      index: 0,
      canonical: canonicalParams(spec, params),
    });
    const s = summarizeCensus(
      [entry(0, p, 0.1), entry(1, scrambled(p, 5), 0.1), entry(2, other, 0.1), entry(3, other, 0.5)],
      4,
      ['gd'],
    );
    expect(s.clusters.map((c) => c.count).sort()).toEqual([1, 1, 2]);
    expect(s.bestLoss).toBe(0.1);
    expect(s.shareBest.gd).toBe(0.75);
  });
});

describe('saddle search by minimising the gradient norm (Dauphin et al. 2014)', () => {
  it('finds critical points (‖∇L‖ ≈ 0) of a small linear net and reports their index and loss', async () => {
    const e = experiment({
      data: { target: { expr: '2*x' }, train: { n: 21, sampling: 'grid' } },
      model: { inputs: 1, hidden: [2], activation: 'linear' },
      runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 1 }],
    });
    const r = (await saddlesJob.run({ experiment: e, starts: [0, 1, 2, 3, 4, 5] }, inlineContext())) as {
      points: FoundCritical[];
    };
    const converged = r.points.filter((p) => p.converged);
    expect(converged.length).toBeGreaterThan(0);
    for (const p of converged) {
      expect(p.gradNorm).toBeLessThan(1e-8);
      expect(['minimum', 'saddle', 'degenerate']).toContain(p.classification);
      // a linear net's critical points: the global minimum (loss ~0) or saddles at loss E[y²] (a = 0 family)
      if (p.classification === 'minimum') expect(p.loss).toBeLessThan(1e-12);
      if (p.classification === 'saddle') expect(p.index).toBeGreaterThan(0);
    }
    expect(r.points.reduce((s, p) => s + p.starts.length, 0)).toBe(6);
    // the a = 0 family: saddles of index 2 at loss E[y²] = 4 E[x²] (Baldi & Hornik 1989)
    const ex2 = Array.from({ length: 21 }, (_, i) => (-1 + i / 10) ** 2).reduce((a, b) => a + b) / 21;
    const saddle = converged.find((p) => p.classification === 'saddle')!;
    expect(saddle.index).toBe(2);
    expect(saddle.loss).toBeCloseTo(4 * ex2, 9);
    expect(converged.some((p) => p.classification === 'minimum')).toBe(true);
  });
});
