/**
 * Surface models in the Experiment file: the schema's errors name the field (model.expr for bad
 * formulas), the Setup of a surface trains through trainRun with every optimizer of the registry, and
 * its slice is the exact parameter plane.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExperiment, type Problem } from '../../../src/core/experiment/validate';
import { inlineContext } from '../../../src/core/jobs/types';
import { optimizerList } from '../../../src/core/optim/registry';
import { setUp } from '../../../src/core/setup';
import { gallery, galleryNames } from '../../../src/core/surface/gallery';
import { inlineRunner } from '../../../src/core/jobs/runJob';
import { runPlan } from '../../../src/core/pipeline/coordinator';
import { planExperiment } from '../../../src/core/pipeline/plan';
import { surfaceLandscape, surfacePlane } from '../../../src/core/surface/plane';
import { surfaceOf } from '../../../src/core/surface/surface';
import { trainRun } from '../../../src/core/train/trainRun';

const runs = [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 20 }];

function problems(model: unknown, extra: Record<string, unknown> = {}): Problem[] {
  const v = validateExperiment({ relief: 1, model, runs, ...extra });
  // What the user is told: the path and the message (the rule's code and numbers are checked elsewhere).
  return v.ok ? [] : v.problems.map(({ path, message }) => ({ path, message }));
}

function validated(doc: unknown) {
  const v = validateExperiment(doc);
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.experiment;
}

function surfaceExperiment(model: Record<string, unknown>, r: unknown[] = runs) {
  const v = validateExperiment({ relief: 1, model: { kind: 'surface', ...model }, runs: r });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.experiment;
}

describe('surface models in the schema', () => {
  it('accepts a formula with a start, and every gallery preset', () => {
    expect(problems({ kind: 'surface', expr: '(1-a)^2 + 100*(b-a^2)^2', start: [-1.5, 2] })).toEqual([]);
    for (const name of galleryNames) expect(problems({ kind: 'surface', preset: name })).toEqual([]);
  });

  const bad: [string, string, RegExp][] = [
    ['an unknown variable', 'a^2 + x', /unknown variable 'x' \(allowed: a, b/],
    ['import()', 'import("fs")', /function 'import' is not allowed/],
    ['an assignment', 'a = 3', /is not allowed here \(AssignmentNode\)/],
    ['a function definition', 'f(a) = a^2', /is not allowed here \(FunctionAssignmentNode\)/],
    ['evaluate()', 'evaluate("1+1")', /function 'evaluate' is not allowed/],
    ['a string', '"a" + b', /only numbers are allowed/],
    ['a conditional', 'a > 0 ? a : b', /conditionals .* cannot be differentiated/],
    ['a comparison', 'a + (b > 1)', /operator '>' has no derivative/],
    ['a step function', 'floor(a) + b^2', /'floor' has no derivative/],
    ['a syntax error', 'a + * b', /cannot parse/],
  ];
  for (const [what, expr, message] of bad) {
    it(`rejects ${what} at model.expr`, () => {
      const p = problems({ kind: 'surface', expr, start: [0, 0] });
      expect(p).toHaveLength(1);
      expect(p[0]!.path).toBe('model.expr');
      expect(p[0]!.message).toMatch(message);
    });
  }

  it('names the field for the other rules', () => {
    expect(problems({ kind: 'surface', preset: 'nope' })).toEqual([
      { path: 'model.preset', message: `unknown surface 'nope'; known: ${galleryNames.join(', ')}` },
    ]);
    expect(problems({ kind: 'surface', expr: 'a^2' })[0]!.path).toBe('model.start');
    expect(problems({ kind: 'surface', expr: 'a^2', preset: 'booth' })[0]!.path).toBe('model');
    expect(problems({ kind: 'surface' })[0]!.path).toBe('model');
    expect(problems({ kind: 'surface', preset: 'booth', inputs: 2 })[0]!.message).toMatch(/inputs/);
    expect(problems({ kind: 'surface', preset: 'booth', window: { a: [1, 0], b: [0, 1] } })[0]!.path).toBe(
      'model.window.a',
    );
    expect(problems({ kind: 'surfaces', preset: 'booth' })[0]).toEqual({
      path: 'model.kind',
      message: 'must be "network" (the default) or "surface"',
    });
  });

  it('requires data for networks only, naming data', () => {
    expect(problems({ hidden: [4] })).toEqual([
      { path: 'data', message: 'is required when the model is a network (the default model.kind)' },
    ]);
    expect(problems({ kind: 'network', hidden: [4] })[0]!.path).toBe('data');
    // A surface ignores data if a file carries some.
    expect(
      problems({ kind: 'surface', preset: 'booth' }, { data: { target: { expr: 'x' }, train: { n: 3 } } }),
    ).toEqual([]);
  });
});

describe('surface setups', () => {
  it('has two parameters a, b, no samples and no test set, and an objective with hvp', () => {
    const s = setUp(surfaceExperiment({ preset: 'rosenbrock' }));
    expect(s.kind).toBe('surface');
    expect(s.dim).toBe(2);
    expect(s.paramNames()).toEqual(['a', 'b']);
    expect(Array.from(s.initial)).toEqual(gallery.get('rosenbrock')!.start);
    expect(s.data.train.n).toBe(0);
    expect(s.testObjective()).toBeNull();
    const f = s.objective();
    expect(f.loss(new Float64Array([1, 1]))).toBe(0);
    expect(typeof f.hvp).toBe('function');
  });

  it('ignores batchSize: a surface run is the same with and without it', async () => {
    const e = surfaceExperiment({ preset: 'seed004' }, [
      { name: 'full', optimizer: { type: 'sgd', lr: 0.05 }, steps: 30 },
      { name: 'batch', optimizer: { type: 'sgd', lr: 0.05 }, steps: 30, batchSize: 4 },
    ]);
    const s = setUp(e);
    const a = await trainRun(s, 'full', inlineContext());
    const b = await trainRun(s, 'batch', inlineContext());
    expect(Array.from(b.loss)).toEqual(Array.from(a.loss));
    expect(Array.from(b.path)).toEqual(Array.from(a.path));
  });

  for (const def of optimizerList) {
    it(`${def.type} runs on a surface with its defaults and lowers the loss`, async () => {
      const e = surfaceExperiment({ preset: 'seed004' }, [
        { name: 'r', optimizer: { type: def.type }, steps: 30 },
      ]);
      const r = await trainRun(setUp(e), 'r', inlineContext());
      expect(r.status).toBe('ok');
      expect(r.loss.every(Number.isFinite)).toBe(true);
      expect(r.loss[r.steps]!).toBeLessThan(r.loss[0]!);
      if (def.needsHvp) expect(r.evals.hvp[r.steps]!).toBeGreaterThan(0);
    });
  }

  const dir = new URL('../../../examples/', import.meta.url);
  for (const f of readdirSync(dir).filter((n) => n.startsWith('surface-') && n.endsWith('.json')))
    it(`${f} runs in full without diverging`, async () => {
      const v = validateExperiment(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const s = setUp(v.experiment);
      for (const run of v.experiment.runs) {
        const r = await trainRun(s, run.name, inlineContext());
        expect(r.status, run.name).toBe('ok');
        expect(r.steps).toBe(run.steps);
      }
    });
});

describe('surfacePlane', () => {
  it('is the exact parameter plane over the viewing window', () => {
    const p = surfacePlane({ kind: 'surface', preset: 'himmelblau' });
    expect(Array.from(p.center)).toEqual([0, 0]);
    expect(Array.from(p.d1)).toEqual([1, 0]);
    expect(Array.from(p.d2)).toEqual([0, 1]);
    expect(p.alphaRange).toEqual([-5, 5]);
    expect(p.betaRange).toEqual([-5, 5]);
    const q = surfacePlane({ kind: 'surface', expr: 'a^2 + b^2', start: [3, -1] });
    expect(q.alphaRange).toEqual([-4.5, 4.5]);
    const w = surfacePlane({ kind: 'surface', expr: 'a^2', start: [0, 0], window: { a: [0, 1], b: [2, 3] } });
    expect([w.alphaRange, w.betaRange]).toEqual([
      [0, 1],
      [2, 3],
    ]);
  });
});

describe('the landscape job on a surface', () => {
  it('draws the exact parameter plane: grid values are the formula, slice minima the known ones', async () => {
    const model = { kind: 'surface' as const, preset: 'himmelblau' };
    const doc = { relief: 1, model, runs, landscape: surfaceLandscape(model, [41, 41]) };
    const r = (await runPlan(planExperiment(validated(doc), { train: 'needed' }), inlineRunner()).result)
      .slice as unknown as {
      loss: Float64Array;
      critical: { kind: string; alpha: number; beta: number }[];
    };
    const s = surfaceOf(gallery.get('himmelblau')!.expr);
    for (let i = 0; i < 41; i += 5)
      for (let j = 0; j < 41; j += 5) {
        const a = -5 + (10 * j) / 40;
        const b = -5 + (10 * i) / 40;
        expect(r.loss[i * 41 + j]).toBeCloseTo(s.f([a, b]), 9);
      }
    const known = gallery.get('himmelblau')!.known.filter((k) => k.kind === 'minimum');
    const minima = r.critical.filter((c) => c.kind === 'minimum');
    for (const k of known)
      expect(minima.some((m) => Math.hypot(m.alpha - k.at[0], m.beta - k.at[1]) < 1e-5)).toBe(true);
  });
});
