import { describe, expect, it } from 'vitest';
import type { ExperimentInput } from '../../../src/core/experiment/schema';
import { cpwlToNetwork } from '../../../src/core/network/cpwl';
import { applyPatch as applyPatchTo, PatchError } from '../../../src/renderer/src/lessons/patch';

/** Lesson scenes are network experiments (the schema's model is network | surface). */
type NetworkScene = ExperimentInput & {
  model: Exclude<ExperimentInput['model'], { kind: 'surface' }>;
  data: NonNullable<ExperimentInput['data']>;
};
const applyPatch = (d: ExperimentInput, p: Parameters<typeof applyPatchTo>[1]) =>
  applyPatchTo(d, p) as NetworkScene;

const base = (): ExperimentInput => ({
  relief: 1,
  data: {
    target: {
      knots: [
        [-1, 0],
        [0, 1],
        [1, 0],
      ],
    },
    train: { n: 10 },
  },
  model: { inputs: 1, hidden: [3], init: { scheme: 'he' } },
  runs: [
    { name: 'gd', optimizer: { type: 'sgd', lr: 0.1 } },
    { name: 'adam', optimizer: { type: 'adam', lr: 0.01 } },
  ],
});

describe('applyPatch', () => {
  it('sets nested values, creating objects, and never mutates its input', () => {
    const d = base();
    const before = structuredClone(d);
    const out = applyPatch(d, [
      { op: 'set', path: 'model.hidden', value: [8] },
      { op: 'set', path: 'landscape.alpha', value: [-2, 2] },
      { op: 'set', path: 'data.target.knots.1.1', value: 0.5 },
    ]);
    expect(d).toEqual(before);
    expect(out.model.hidden).toEqual([8]);
    expect(out.landscape).toEqual({ alpha: [-2, 2] });
    expect((out.data.target as { knots: number[][] }).knots[1]).toEqual([0, 0.5]);
  });

  it('addresses runs by name with @name', () => {
    const out = applyPatch(base(), [{ op: 'set', path: 'runs.@adam.optimizer.lr', value: 0.5 }]);
    expect((out.runs[1]!.optimizer as { lr: number }).lr).toBe(0.5);
    expect(() => applyPatch(base(), [{ op: 'set', path: 'runs.@nope.steps', value: 1 }])).toThrow(PatchError);
  });

  it('adds, replaces, removes and keeps runs', () => {
    const run = { name: 'gd', optimizer: { type: 'sgd', lr: 0.3 }, steps: 7 };
    let out = applyPatch(base(), [{ op: 'addRun', run }]);
    expect(out.runs.map((r) => r.name)).toEqual(['gd', 'adam']);
    expect(out.runs[0]!.steps).toBe(7);
    out = applyPatch(out, [{ op: 'addRun', run: { ...run, name: 'new' } }]);
    expect(out.runs.map((r) => r.name)).toEqual(['gd', 'adam', 'new']);
    out = applyPatch(out, [{ op: 'removeRun', name: 'adam' }]);
    expect(out.runs.map((r) => r.name)).toEqual(['gd', 'new']);
    out = applyPatch(out, [{ op: 'keepRuns', names: ['new'] }]);
    expect(out.runs.map((r) => r.name)).toEqual(['new']);
  });

  it('removes fields and array elements', () => {
    const out = applyPatch(base(), [
      { op: 'remove', path: 'model.init' },
      { op: 'remove', path: 'data.target.knots.0' },
    ]);
    expect('init' in out.model).toBe(false);
    expect((out.data.target as { knots: number[][] }).knots).toHaveLength(2);
  });

  it('exactFromKnots writes the network of cpwlToNetwork and drops init', () => {
    const out = applyPatch(base(), [{ op: 'exactFromKnots' }]);
    const net = cpwlToNetwork([
      [-1, 0],
      [0, 1],
      [1, 0],
    ]);
    expect(out.model.hidden).toEqual([2]);
    expect(out.model.params).toEqual(Array.from(net.params, (v) => v + 0));
    expect('init' in out.model).toBe(false);
  });

  it('interpolateTarget interpolates the target at the given x', () => {
    const d = applyPatch(base(), [{ op: 'set', path: 'data.target', value: { expr: 'x^2' } }]);
    const out = applyPatch(d, [{ op: 'interpolateTarget', xs: [-1, 0, 1] }]);
    expect(out.model.params).toEqual(
      Array.from(
        cpwlToNetwork([
          [-1, 1],
          [0, 0],
          [1, 1],
        ]).params,
        (v) => v + 0,
      ),
    );
  });

  it('names the path that cannot be followed', () => {
    expect(() => applyPatch(base(), [{ op: 'set', path: 'runs.x.lr', value: 1 }])).toThrow(/runs\.x\.lr/);
    expect(() => applyPatch(base(), [{ op: 'remove', path: 'nothing.here' }])).toThrow(PatchError);
    expect(() => applyPatch(base(), [{ op: 'set', path: 'a..b', value: 1 }])).toThrow(PatchError);
  });
});
