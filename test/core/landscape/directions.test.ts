import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hessianSpectrum } from '../../../src/core/analysis/hessianSpectrum';
import { normalizeDirection } from '../../../src/core/landscape/normalize';
import { pca } from '../../../src/core/landscape/pca';
import { resolvePlane } from '../../../src/core/landscape/plane';
import { layoutOf } from '../../../src/core/network/spec';
import { createRng } from '../../../src/core/rng';
import { setUp } from '../../../src/core/setup';
import { experiment } from './helpers';

const spec = { inputs: 2 as const, hidden: [4, 3] };
const layout = layoutOf(spec);

function randomVec(seed: number) {
  const rng = createRng(seed, 'test');
  return Float64Array.from({ length: layout.size }, () => rng.normal());
}

/** Indices of unit j's incoming weights in layer ly (column j of W). */
const unitWeights = (ly: (typeof layout.layers)[number], j: number) =>
  Array.from({ length: ly.fanIn }, (_, i) => ly.w + i * ly.fanOut + j);
const norm = (v: Float64Array, idx: number[]) => Math.sqrt(idx.reduce((s, k) => s + v[k]! ** 2, 0));

describe('filter and layer normalization (Li et al. 2018)', () => {
  it("filter: each unit's incoming weights get the norm of the same unit at the center, biases zeroed", () => {
    const center = randomVec(1);
    const raw = randomVec(2);
    const d = Float64Array.from(raw);
    normalizeDirection(d, center, spec, 'filter', 'zero');
    for (const ly of layout.layers) {
      for (let j = 0; j < ly.fanOut; j++) {
        const idx = unitWeights(ly, j);
        expect(norm(d, idx)).toBeCloseTo(norm(center, idx), 12);
        // direction within the unit is unchanged: d = c·raw with c > 0
        const c = d[idx[0]!]! / raw[idx[0]!]!;
        expect(c).toBeGreaterThan(0);
        for (const k of idx) expect(d[k]).toBeCloseTo(c * raw[k]!, 12);
        expect(d[ly.b + j]).toBe(0);
      }
    }
  });

  it('filter with bias "keep": the unit\'s weights and bias together are scaled to the center\'s', () => {
    const center = randomVec(3);
    const d = randomVec(4);
    normalizeDirection(d, center, spec, 'filter', 'keep');
    for (const ly of layout.layers)
      for (let j = 0; j < ly.fanOut; j++) {
        const idx = [...unitWeights(ly, j), ly.b + j];
        expect(norm(d, idx)).toBeCloseTo(norm(center, idx), 12);
      }
  });

  it("layer: each layer's weight block gets the norm of the center's block", () => {
    const center = randomVec(5);
    const d = randomVec(6);
    normalizeDirection(d, center, spec, 'layer', 'zero');
    for (const ly of layout.layers) {
      const idx = Array.from({ length: ly.fanIn * ly.fanOut }, (_, k) => ly.w + k);
      expect(norm(d, idx)).toBeCloseTo(norm(center, idx), 12);
    }
  });

  it('none leaves the Gaussian as drawn; random directions are reproducible from the seed', () => {
    const e = experiment({ landscape: { normalization: 'none', directions: { kind: 'random', seed: 3 } } });
    const a = resolvePlane(e.landscape!, { setup: setUp(e), runs: new Map() });
    const b = resolvePlane(e.landscape!, { setup: setUp(e), runs: new Map() });
    expect(Array.from(a.plane.d1)).toEqual(Array.from(b.plane.d1));
    const rng = createRng(3, 'directions');
    expect(a.plane.d1[0]).toBe(rng.normal());
  });
});

interface PcaCase {
  name: string;
  m: number;
  dim: number;
  rows: number[];
  components: number[][];
  singular: number[];
  explained: number[];
}
const fixture = JSON.parse(readFileSync(new URL('../../fixtures/pca.json', import.meta.url), 'utf8')) as {
  cases: PcaCase[];
};

describe('PCA directions against numpy SVD (test/fixtures/pca.json)', () => {
  for (const c of fixture.cases)
    it(c.name, () => {
      const r = pca(Float64Array.from(c.rows), c.m, c.dim, 2);
      for (let k = 0; k < 2; k++) {
        const got = Array.from(r.components.subarray(k * c.dim, (k + 1) * c.dim));
        got.forEach((g, i) => expect(g).toBeCloseTo(c.components[k]![i]!, 9));
        expect(r.singular[k]).toBeCloseTo(c.singular[k]!, 9);
        expect(r.explained[k]).toBeCloseTo(c.explained[k]!, 12);
      }
    });
});

describe('direction kinds', () => {
  it('axes by name and by index are unit vectors of those parameters', () => {
    const e = experiment({
      landscape: { directions: { kind: 'axes', d1: 'layer 1, unit 2, bias', d2: 3 } },
    });
    const setup = setUp(e);
    const { plane, info } = resolvePlane(e.landscape!, { setup, runs: new Map() });
    const i1 = setup.paramNames().indexOf('layer 1, unit 2, bias');
    expect(plane.d1[i1]).toBe(1);
    expect(plane.d1.reduce((s, v) => s + Math.abs(v), 0)).toBe(1);
    expect(plane.d2[3]).toBe(1);
    expect(info.indices).toEqual([i1, 3]);
  });

  it('hessian top directions are eigenvectors: H d = λ d', () => {
    const e = experiment({ landscape: { directions: { kind: 'hessian', which: 'top' } } });
    const setup = setUp(e);
    const { plane, info } = resolvePlane(e.landscape!, { setup, runs: new Map() });
    const f = setup.objective();
    const hv = new Float64Array(setup.dim);
    f.hvp!(plane.center, plane.d1, hv);
    const lam = (info.eigenvalues as number[])[0]!;
    hv.forEach((v, i) => expect(v).toBeCloseTo(lam * plane.d1[i]!, 8));
  });
});

describe('hessian directions on a larger network (Lanczos)', () => {
  it('bottom directions are eigenvectors of the smallest eigenvalues: H d = λ d', () => {
    const e = experiment({
      model: { inputs: 2, hidden: [24, 12], activation: 'tanh' },
      data: { target: { expr: 'x*y' }, train: { n: 60 } },
      landscape: { directions: { kind: 'hessian', which: 'bottom' } },
    });
    const setup = setUp(e);
    expect(setup.dim).toBeGreaterThan(300);
    const { plane, info } = resolvePlane(e.landscape!, { setup, runs: new Map() });
    expect(info.method).toBe('lanczos');
    const f = setup.objective();
    const hv = new Float64Array(setup.dim);
    const [l1, l2] = info.eigenvalues as number[];
    expect(l1!).toBeLessThanOrEqual(l2!);
    const dense = hessianSpectrum(setup.objective(), plane.center).values;
    expect(l1!).toBeCloseTo(dense[0]!, 6);
    expect(l2!).toBeCloseTo(dense[1]!, 6);
    for (const [d, lam] of [
      [plane.d1, l1!],
      [plane.d2, l2!],
    ] as const) {
      f.hvp!(plane.center, d, hv);
      let r = 0;
      for (let i = 0; i < hv.length; i++) r += (hv[i]! - lam * d[i]!) ** 2;
      expect(Math.sqrt(r)).toBeLessThan(1e-5 * Math.max(1, Math.abs(lam)));
    }
  });
});
