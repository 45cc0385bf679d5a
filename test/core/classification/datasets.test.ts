/**
 * Playground's four classification datasets (seeded re-writes of tensorflow/playground's dataset.ts):
 * the geometry each generator promises (radii, paddings, cluster means and variances), balanced 0/1
 * labels, determinism; and the accuracy curve a bce run records (steps+1 entries, recomputed here from
 * the logits at the recorded parameters).
 */
import { describe, expect, it } from 'vitest';
import { buildData } from '../../../src/core/data/build';
import { formatProblems, validateExperiment } from '../../../src/core/experiment/validate';
import type { NetworkExperiment } from '../../../src/core/experiment/schema';
import { inlineContext } from '../../../src/core/jobs/types';
import { setUp, type NetworkSetup } from '../../../src/core/setup';
import { trainRun } from '../../../src/core/train/trainRun';

function experiment(classes: string, noise: number, extra: Record<string, unknown> = {}) {
  const v = validateExperiment({
    relief: 1,
    seed: 7,
    data: { target: { classes }, train: { n: 401 }, test: { n: 200 }, noise },
    model: { inputs: 2, hidden: [8], activation: 'tanh', init: { scheme: 'xavier' } },
    loss: 'bce',
    runs: [{ name: 'adam', optimizer: { type: 'adam', lr: 0.03 }, steps: 300 }],
    ...extra,
  });
  if (!v.ok) throw new Error(formatProblems(v.problems));
  return v.experiment as NetworkExperiment;
}

const radius = (x: Float64Array, i: number) => Math.hypot(x[2 * i]!, x[2 * i + 1]!);

describe('classification datasets', () => {
  it('circle: label 1 inside radius 2.5, label 0 in the ring 3.5..5 (noise 0)', () => {
    const { train } = buildData(experiment('circle', 0));
    expect(train.n).toBe(401);
    for (let i = 0; i < train.n; i++) {
      const r = radius(train.x, i);
      if (train.y[i] === 1) expect(r).toBeLessThan(2.5);
      else expect(r >= 3.5 && r <= 5).toBe(true);
    }
    expect(train.y.reduce((s, v) => s + v, 0)).toBe(201);
  });

  it('xor: points at least 0.3 from both axes, label 1 where x·y ≥ 0 (noise 0)', () => {
    const { train } = buildData(experiment('xor', 0));
    for (let i = 0; i < train.n; i++) {
      const [x, y] = [train.x[2 * i]!, train.x[2 * i + 1]!];
      expect(Math.min(Math.abs(x), Math.abs(y))).toBeGreaterThanOrEqual(0.3);
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(5.3);
      expect(train.y[i]).toBe(x * y >= 0 ? 1 : 0);
    }
  });

  it('gauss: clusters at ±(2, 2) with variance 0.5 at noise 0 and 4 at noise 0.5', () => {
    for (const [noise, variance] of [
      [0, 0.5],
      [0.5, 4],
    ] as const) {
      const e = experiment('gauss', noise, {});
      e.data.train = { n: 20000, sampling: 'uniform' };
      const { train } = buildData(e);
      let m = 0;
      let v = 0;
      let k = 0;
      for (let i = 0; i < train.n; i++)
        if (train.y[i] === 1) {
          m += train.x[2 * i]!;
          k++;
        }
      m /= k;
      for (let i = 0; i < train.n; i++) if (train.y[i] === 1) v += (train.x[2 * i]! - m) ** 2;
      v /= k - 1;
      console.log(
        `gauss noise ${noise}: class-1 mean ${m.toFixed(3)}, variance ${v.toFixed(3)} (expected 2, ${variance})`,
      );
      expect(Math.abs(m - 2)).toBeLessThan(5 * Math.sqrt(variance / k));
      expect(Math.abs(v / variance - 1)).toBeLessThan(0.05);
    }
  });

  it('spiral: two arms of radius 0..5, opposite phase (noise 0)', () => {
    const { train } = buildData(experiment('spiral', 0));
    const m = 401 / 2;
    for (let i = 0; i < train.n; i++) {
      const k = train.y[i] === 1 ? i : i - 201;
      expect(radius(train.x, i)).toBeCloseTo((k / m) * 5, 12);
    }
    // Point k of the second arm is point k of the first turned by π.
    expect(train.x[2 * 201 + 2 * 10]).toBeCloseTo(-train.x[2 * 10]!, 12);
  });

  it('noise moves circle labels across the boundary and is deterministic', () => {
    const a = buildData(experiment('circle', 0.5));
    const b = buildData(experiment('circle', 0.5));
    expect(Array.from(a.train.y)).toEqual(Array.from(b.train.y));
    let flipped = 0;
    for (let i = 0; i < a.train.n; i++) if ((radius(a.train.x, i) < 2.5 ? 1 : 0) !== a.train.y[i]) flipped++;
    console.log(`circle noise 0.5: ${flipped} of ${a.train.n} labels differ from the clean rule`);
    expect(flipped).toBeGreaterThan(20);
  });

  it('refuses classes without bce, with another input count, or with a domain', () => {
    const bad = validateExperiment({
      relief: 1,
      data: { target: { classes: 'xor' }, train: { n: 10, domain: [[0, 1]] } },
      model: { inputs: 3 },
      runs: [{ name: 'a', optimizer: { type: 'sgd', lr: 0.1 } }],
    });
    expect(bad.ok).toBe(false);
    const paths = bad.ok ? [] : bad.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['loss', 'data.target.classes', 'data.train.domain']));
  });
});

describe('accuracy', () => {
  for (const classes of ['circle', 'xor', 'gauss', 'spiral']) {
    it(`${classes}: a bce run records the test accuracy after every step`, async () => {
      const s = setUp(experiment(classes, 0)) as NetworkSetup;
      const r = await trainRun(s, 'adam', inlineContext());
      expect(r.accuracy!.length).toBe(r.steps + 1);
      // Recomputed from the logits at the final parameters, on the test set.
      const t = s.data.test!;
      const out = new Float64Array(t.n);
      s.predict(r.params, t.x, out);
      let right = 0;
      for (let i = 0; i < t.n; i++) if ((out[i]! > 0 ? 1 : 0) === t.y[i]) right++;
      expect(r.accuracy![r.steps]).toBe(right / t.n);
      const acc = r.accuracy!;
      console.log(
        `${classes}: accuracy ${acc[0]!.toFixed(3)} -> ${acc[100]!.toFixed(3)} -> ${acc[r.steps]!.toFixed(3)}, loss ${r.loss[0]!.toFixed(3)} -> ${r.loss[r.steps]!.toFixed(4)}`,
      );
      expect(r.loss[r.steps]!).toBeLessThan(r.loss[0]!);
      if (classes !== 'spiral') expect(acc[r.steps]!).toBeGreaterThan(0.9);
    });
  }

  it('an mse run has no accuracy', async () => {
    const v = validateExperiment({
      relief: 1,
      data: { target: { preset: 'abs' }, train: { n: 20 } },
      model: { hidden: [3] },
      runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 2 }],
    });
    if (!v.ok) throw new Error(formatProblems(v.problems));
    const r = await trainRun(setUp(v.experiment), 'gd', inlineContext());
    expect(r.accuracy).toBeUndefined();
  });
});
