import { describe, expect, it } from 'vitest';
import type { NetworkModel } from '../../src/core/experiment/schema';
import { validateExperiment } from '../../src/core/experiment/validate';
import { initialParams } from '../../src/core/network/init';
import { layoutOf, paramNames } from '../../src/core/network/spec';
import { createDenseNetwork } from '../../src/core/network/dense';

function model(init: unknown, hidden = [200]) {
  const v = validateExperiment({
    relief: 1,
    data: { target: { expr: 'x' }, train: { n: 2 } },
    model: { inputs: 2, hidden, init },
    runs: [{ name: 'a', optimizer: { type: 'sgd' } }],
  });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.experiment.model as NetworkModel;
}

function std(a: ArrayLike<number>): number {
  const n = a.length;
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    s += a[i]!;
    s2 += a[i]! * a[i]!;
  }
  return Math.sqrt(s2 / n - (s / n) ** 2);
}

describe('parameter layout and names', () => {
  it('lays out W [fanIn x fanOut] row-major then b, per layer', () => {
    const L = layoutOf({ inputs: 2, hidden: [3] });
    expect(L.layers).toEqual([
      { fanIn: 2, fanOut: 3, w: 0, b: 6 },
      { fanIn: 3, fanOut: 1, w: 9, b: 12 },
    ]);
    expect(L.size).toBe(13);
    const names = paramNames({ inputs: 2, hidden: [3] });
    expect(names[0]).toBe('layer 1, unit 1, weight from x');
    expect(names[1]).toBe('layer 1, unit 2, weight from x');
    expect(names[3]).toBe('layer 1, unit 1, weight from y');
    expect(names[6]).toBe('layer 1, unit 1, bias');
    expect(names[9]).toBe('output, weight from layer 1 unit 1');
    expect(names[12]).toBe('output, bias');
  });

  it('computes h = xW + b with that layout (a hand-worked 2-2-1 linear net)', () => {
    const net = createDenseNetwork({ inputs: 2, hidden: [2], activation: 'linear', leakySlope: 0 });
    // W1 = [[1, 2], [3, 4]], b1 = [0.5, -1], W2 = [[2], [-1]], b2 = 0.25
    const p = Float64Array.from([1, 2, 3, 4, 0.5, -1, 2, -1, 0.25]);
    const out = new Float64Array(1);
    net.predict(p, Float64Array.from([1, 10]), out);
    // h = [1 + 30 + 0.5, 2 + 40 - 1] = [31.5, 41]; f = 63 - 41 + 0.25
    expect(out[0]).toBe(22.25);
  });
});

describe('initialisation schemes', () => {
  it('seed-001 normal(std) with constant bias', () => {
    const m = model({ weights: { dist: 'normal', std: 2 }, bias: { const: 0.5 } });
    const p = initialParams(m, 1);
    const L = layoutOf(m);
    expect(std(p.subarray(0, 400))).toBeCloseTo(2, 0);
    expect(Array.from(p.subarray(L.layers[0]!.b, L.layers[0]!.b + 200)).every((v) => v === 0.5)).toBe(true);
  });

  it('he: std sqrt(2/fanIn); xavier: uniform with bound sqrt(6/(fanIn+fanOut)); torch: U(±1/sqrt(fanIn))', () => {
    const he = initialParams(model({ scheme: 'he' }, [4000]), 3);
    expect(std(he.subarray(0, 8000))).toBeCloseTo(Math.sqrt(2 / 2), 1);
    const xm = model({ scheme: 'xavier' }, [4000]);
    const xa = initialParams(xm, 3).subarray(0, 8000);
    const bound = Math.sqrt(6 / (2 + 4000));
    expect(Math.max(...xa)).toBeLessThanOrEqual(bound);
    expect(Math.max(...xa)).toBeGreaterThan(0.95 * bound);
    const tm = model({ scheme: 'torch' }, [4000]);
    const t = initialParams(tm, 3);
    const L = layoutOf(tm);
    const out = t.subarray(L.layers[1]!.w, L.layers[1]!.w + 4000);
    expect(Math.max(...out.map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(4000));
    expect(std(out)).toBeCloseTo(1 / Math.sqrt(4000) / Math.sqrt(3), 2);
  });

  it('is reproducible and explicit params override', () => {
    const m = model({ scheme: 'he' }, [3]);
    expect(initialParams(m, 9)).toEqual(initialParams(m, 9));
    expect(initialParams(m, 9)).not.toEqual(initialParams(m, 10));
    const explicit = { ...m, params: Array.from({ length: 13 }, (_, i) => i) };
    expect(Array.from(initialParams(explicit, 9))).toEqual(explicit.params);
  });
});
