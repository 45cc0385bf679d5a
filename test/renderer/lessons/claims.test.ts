/**
 * What the lesson text says happens, checked by running the lesson's own experiments in core: the numbers
 * quoted in src/renderer/src/lessons/i18n/en.json (and zh.json) are these. The truths are independent of
 * the optimizers' code: the surface's critical points come from the gallery's 30-digit sympy/mpmath
 * fixture, and zero losses from exact CPWL constructions.
 */
import { describe, expect, it } from 'vitest';
import { gallery } from '../../../src/core/surface/gallery';
import { validateExperiment } from '../../../src/core/experiment/validate';
import { inlineContext } from '../../../src/core/jobs/types';
import { setUp } from '../../../src/core/setup';
import { trainRun, type RunResult } from '../../../src/core/train/trainRun';
import { sceneAt } from '../../../src/renderer/src/lessons/lessonState';
import { applyPatch } from '../../../src/renderer/src/lessons/patch';
import { lessons } from '../../../src/renderer/src/lessons/registry';

async function runStep(id: string, step: number, tryId?: string): Promise<Record<string, RunResult>> {
  const lesson = lessons.get(id)!;
  let doc = sceneAt(lesson, step);
  if (tryId) doc = applyPatch(doc, lesson.steps[step]!.tryThis!.find((t) => t.id === tryId)!.patch);
  const v = validateExperiment(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  const s = setUp(v.experiment);
  const out: Record<string, RunResult> = {};
  for (const r of v.experiment.runs) out[r.name] = await trainRun(s, r.name, inlineContext());
  return out;
}

const last = (r: RunResult) => r.loss[r.loss.length - 1]!;
const first = (r: RunResult) => r.loss[0]!;

const seed004 = gallery.get('seed004')!.known;
const minimum = (value: number) =>
  seed004.find((p) => p.kind === 'minimum' && Math.abs(p.value - value) < 0.01)!;
const endsAt = (r: RunResult, at: readonly number[]) => {
  expect(r.params[0]).toBeCloseTo(at[0]!, 2);
  expect(r.params[1]).toBeCloseTo(at[1]!, 2);
};

describe('lesson 1 (kink)', () => {
  it('kinks where tanh(4x) bends fit about five times better than even ones', async () => {
    const even = first((await runStep('kink', 3)).gd!);
    const bends = first((await runStep('kink', 3, 'bends')).gd!);
    expect(even / bends).toBeGreaterThan(4);
    expect(even / bends).toBeLessThan(6);
  });
  it('the seed example and a dragged knot both have loss 0', async () => {
    expect(first((await runStep('kink', 2)).gd!)).toBeLessThan(1e-24);
    expect(first((await runStep('kink', 2, 'drag')).gd!)).toBeLessThan(1e-24);
  });
});

describe('lesson 2 (gd-curve)', () => {
  it('256 units reach a lower loss than 64 in the same 500 epochs', async () => {
    expect(last((await runStep('gd-curve', 2)).gd!)).toBeLessThan(last((await runStep('gd-curve', 0)).gd!));
  });
  it('on 20 noisy points Adam overfits: training loss falls while test loss rises', async () => {
    const adam = (await runStep('gd-curve', 3, 'few-points')).adam!;
    expect(adam.loss[3000]!).toBeLessThan(adam.loss[1000]!);
    expect(adam.testLoss[3000]!).toBeGreaterThan(5 * adam.testLoss[1000]!);
  });
});

describe('lesson 3 (global-minima)', () => {
  it('from seed 4 one method reaches loss 0 and the other stops higher', async () => {
    const r = await runStep('global-minima', 2);
    expect(last(r.adam!)).toBeLessThan(1e-8);
    expect(last(r.gd!)).toBeGreaterThan(1e-3);
  });
  it('a smooth target keeps the loss above 0; more units lower it', async () => {
    const four = await runStep('global-minima', 3);
    const sixteen = await runStep('global-minima', 3, 'more-units');
    expect(Math.min(last(four.gd!), last(four.adam!))).toBeGreaterThan(1e-3);
    expect(Math.min(last(sixteen.gd!), last(sixteen.adam!))).toBeLessThan(1e-3);
  });
});

describe('lesson 4 (optimizers)', () => {
  it('GD with lr 0.9 diverges on the bowl', async () => {
    expect((await runStep('optimizers', 0, 'diverge')).gd!.status).toBe('diverged');
  });
  it("AdaGrad's shrinking steps stop it early with lr 0.1", async () => {
    const r = await runStep('optimizers', 2, 'adagrad-small');
    expect(last(r.adagrad!)).toBeGreaterThan(5 * last(r.rmsprop!));
  });
});

describe('lesson 5 (trap), on seed 004 surface', () => {
  it('GD stops in the nearest minimum (0.49); another start finds the global one (-0.51)', async () => {
    endsAt((await runStep('trap', 0)).gd!, minimum(0.4916).at);
    endsAt((await runStep('trap', 0, 'other-start')).gd!, minimum(-0.5079).at);
  });
  it('on the saddle itself GD and L-BFGS never move', async () => {
    const r = await runStep('trap', 1, 'lbfgs-on-saddle');
    for (const run of [r.gd!, r.lbfgs!]) expect(last(run)).toBe(first(run));
  });
  it('from (1.5, 1.5): GD, L-BFGS, CG and Hessian-free stall, momentum reaches the global minimum, Adam another', async () => {
    const r = await runStep('trap', 2);
    for (const name of ['gd', 'lbfgs', 'cg', 'hessian-free']) endsAt(r[name]!, minimum(0.4916).at);
    endsAt(r.momentum!, minimum(-0.5079).at);
    endsAt(r.adam!, minimum(-0.108).at);
    endsAt((await runStep('trap', 2, 'less-momentum')).momentum!, minimum(0.4916).at);
    endsAt((await runStep('trap', 2, 'gentle-adam')).adam!, minimum(0.4916).at);
  });
  it('plateau: GD crawls, momentum is thrown past the well, Adam, L-BFGS, CG and Hessian-free reach (1, 0)', async () => {
    const r = await runStep('trap', 3);
    expect(Math.abs(r.gd!.params[0]! - -2.5)).toBeLessThan(0.1);
    expect(r.momentum!.params[0]).toBeGreaterThan(3);
    for (const name of ['adam', 'lbfgs', 'cg', 'hessian-free']) endsAt(r[name]!, [1, 0]);
  });
  it('a dead unit never moves and the loss stays above 0; revived, Adam reaches ~0', async () => {
    const r = await runStep('trap', 4);
    for (const run of [r.gd!, r.adam!]) {
      expect([run.params[1], run.params[3], run.params[5]]).toEqual([1, -2, 0.5]);
      expect(last(run)).toBeGreaterThan(5e-3);
    }
    expect(last((await runStep('trap', 4, 'revive')).adam!)).toBeLessThan(1e-5);
  });
});

describe('lesson 6 (symmetries)', () => {
  it('rescaled and swapped units are exact minima too', async () => {
    for (const t of ['rescale', 'rescale-half'])
      expect(first((await runStep('symmetries', 0, t)).gd!)).toBeLessThan(1e-24);
    expect(first((await runStep('symmetries', 1, 'swap')).gd!)).toBeLessThan(1e-24);
  });
  it('the straight line to the swapped copy climbs to ~0.44, to the rescaled one to ~0.01; the rescaling curve stays at 0', () => {
    const v = validateExperiment(sceneAt(lessons.get('symmetries')!, 2));
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const f = setUp(v.experiment).objective();
    const t0 = [1, 1, 1, 0.2, -0.5, 1.5, 0.4];
    const maxOnLine = (q: number[]) => {
      let m = 0;
      for (let i = 0; i <= 200; i++)
        m = Math.max(m, f.loss(Float64Array.from(t0, (a, j) => a + (i / 200) * (q[j]! - a))));
      return m;
    };
    expect(maxOnLine([1, 1, 0.2, 1, 1.5, -0.5, 0.4])).toBeCloseTo(0.44, 2);
    expect(maxOnLine([1, 2, 1, 0.4, -0.5, 0.75, 0.4])).toBeCloseTo(0.01, 2);
    for (const c of [0.5, 1.3, 2, 3.7])
      expect(f.loss(Float64Array.from([1, c, 1, 0.2 * c, -0.5, 1.5 / c, 0.4]))).toBeLessThan(1e-24);
  });
  it('seeds 1, 3 and 5 end at different parameters with the same loss (about 0.0066)', async () => {
    const ends = [];
    for (const t of [undefined, 'seed-3', 'seed-5']) ends.push((await runStep('symmetries', 3, t)).adam!);
    for (const r of ends) expect(last(r)).toBeCloseTo(0.00655, 4);
    expect(Math.abs(ends[0]!.params[0]! - ends[1]!.params[0]!)).toBeGreaterThan(0.1);
    expect(Math.abs(ends[1]!.params[0]! - ends[2]!.params[0]!)).toBeGreaterThan(0.1);
  });
});
