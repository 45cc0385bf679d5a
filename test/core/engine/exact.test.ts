/**
 * The exact engine against the dense path (independent O(N·H) evaluation) on random networks built to
 * hit the hard cases: duplicate x, samples exactly on a kink (b + x·w === 0 in floating point), dead
 * units, units with w = 0, and all three piecewise-linear activations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/data/dataset';
import { createDenseObjective } from '../../../src/core/engine/dense';
import { createExactObjective as createExact, exactApplies } from '../../../src/core/engine/exact';
import { sortSamples } from '../../../src/core/engine/exactData';
import { createExactKernel, negativeSlope } from '../../../src/core/engine/exactKernel';
import { resolveEngine } from '../../../src/core/engine/registry';
import type { NetworkSpec } from '../../../src/core/network/spec';
import { createRng } from '../../../src/core/rng';

interface Case {
  spec: NetworkSpec;
  data: Dataset;
  p: Float64Array;
  u: Float64Array;
}

/** Dyadic grid values: products and sums stay exact, so kinks can sit exactly on samples. */
const dyadic = fc.integer({ min: -16, max: 16 }).map((k) => k / 8);
const anyX = fc.oneof(dyadic, fc.double({ min: -3, max: 3, noNaN: true }));

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    activation: fc.constantFrom('relu', 'leakyRelu', 'linear'),
    slope: fc.constantFrom(0.01, 0.1, 0.5),
    H: fc.integer({ min: 1, max: 12 }),
    xs: fc.array(anyX, { minLength: 1, maxLength: 60 }),
    yNoise: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 60, maxLength: 60 }),
    yOffset: fc.constantFrom(0, 0, 5),
    units: fc.array(
      fc.record({
        kind: fc.constantFrom('random', 'onSample', 'dead', 'zeroW', 'zeroW'),
        w: fc.oneof(dyadic, fc.double({ min: -3, max: 3, noNaN: true })),
        b: fc.oneof(dyadic, fc.double({ min: -3, max: 3, noNaN: true })),
        v: fc.double({ min: -2, max: 2, noNaN: true }),
        pick: fc.nat(),
      }),
      { minLength: 12, maxLength: 12 },
    ),
    c: fc.double({ min: -1, max: 1, noNaN: true }),
    u: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 37, maxLength: 37 }),
  })
  .map((r) => {
    const n = r.xs.length;
    const x = Float64Array.from(r.xs);
    const y = Float64Array.from({ length: n }, (_, i) => Math.sin(3 * x[i]!) + r.yNoise[i]! + r.yOffset);
    const H = r.H;
    const p = new Float64Array(3 * H + 1);
    for (let j = 0; j < H; j++) {
      const u = r.units[j]!;
      let w = u.w;
      let b = u.b;
      if (u.kind === 'onSample') {
        // A kink exactly on a sample: choose b so that b + x·w is 0 in floating point.
        const xk = x[u.pick % n]!;
        w = w === 0 ? 0.5 : w;
        b = -(xk * w);
      } else if (u.kind === 'dead') {
        w = w === 0 ? 1 : w;
        b = -10 * Math.abs(w) - 1;
      } else if (u.kind === 'zeroW') {
        w = 0;
      }
      p[j] = w;
      p[H + j] = b;
      p[2 * H + j] = u.v;
    }
    p[3 * H] = r.c;
    const spec: NetworkSpec = { inputs: 1, hidden: [H], activation: r.activation, leakySlope: r.slope };
    return { spec, data: { inputs: 1, n, x, y }, p, u: Float64Array.from(r.u.slice(0, 3 * H + 1)) };
  });

const maxAbs = (a: Float64Array): number => a.reduce((m, v) => Math.max(m, Math.abs(v)), 0);

/** Relative agreement at 1e-9; a floor at rounding level of the data's own scale for losses near 0. */
function expectClose(a: number, b: number, scale: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-6 * scale));
}

/** Vectors agree at 1e-9 relative to their largest entry, with a rounding-level floor `floor`. */
function expectVecClose(a: Float64Array, b: Float64Array, floor: number): void {
  const tol = 1e-9 * Math.max(maxAbs(a), maxAbs(b), floor);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThanOrEqual(tol);
}

/**
 * Independent Hessian-vector product, straight from the definition per sample:
 * H·u = (2/n) Σ_i [J_i (J_i·u) + r_i ∇²f_i u] with act' = 1 iff b + x·w > 0 (else the slope).
 */
function naiveHvp(c: Case, out: Float64Array, gaussNewton = false): void {
  const { spec, data, p, u } = c;
  const H = spec.hidden[0]!;
  const s = spec.activation === 'relu' ? 0 : spec.activation === 'linear' ? 1 : spec.leakySlope;
  out.fill(0);
  const J = new Float64Array(3 * H + 1);
  for (let i = 0; i < data.n; i++) {
    const x = data.x[i]!;
    let f = p[3 * H]!;
    for (let j = 0; j < H; j++) {
      const z = p[H + j]! + x * p[j]!;
      const d = z > 0 ? 1 : s;
      f += p[2 * H + j]! * d * z;
      J[j] = p[2 * H + j]! * d * x;
      J[H + j] = p[2 * H + j]! * d;
      J[2 * H + j] = d * z;
    }
    J[3 * H] = 1;
    const r = gaussNewton ? 0 : f - data.y[i]!;
    let Ju = 0;
    for (let k = 0; k < J.length; k++) Ju += J[k]! * u[k]!;
    for (let k = 0; k < J.length; k++) out[k] += J[k]! * Ju;
    for (let j = 0; j < H; j++) {
      const d = p[H + j]! + x * p[j]! > 0 ? 1 : s;
      out[2 * H + j] += r * d * (x * u[j]! + u[H + j]!);
      out[j] += r * d * x * u[2 * H + j]!;
      out[H + j] += r * d * u[2 * H + j]!;
    }
  }
  for (let k = 0; k < out.length; k++) out[k] *= 2 / data.n;
}

const yScale = (d: Dataset): number => d.y.reduce((m, v) => m + v * v, 0) / d.n + 1;

for (const backend of ['wasm', 'js'] as const)
  describe(`exact engine (${backend} kernel) agrees with the dense path`, () => {
    const createExactObjective = (spec: NetworkSpec, data: Dataset) =>
      createExact(spec, data, backend === 'wasm');
    it('runs on the kernel it names', () => {
      const c = fc.sample(caseArb, { numRuns: 1, seed: 1 })[0]!;
      expect(sortSamples(c.data.x, c.data.y, backend === 'wasm').full.wasm !== null).toBe(backend === 'wasm');
    });

    it('loss and gradient, full batch', () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const ex = createExactObjective(c.spec, c.data);
          const de = createDenseObjective(c.spec, c.data);
          const ge = new Float64Array(ex.dim);
          const gd = new Float64Array(de.dim);
          const le = ex.lossGrad(c.p, ge);
          const ld = de.lossGrad(c.p, gd);
          expectClose(le, ld, yScale(c.data));
          expectClose(ex.loss(c.p), ld, yScale(c.data));
          expectVecClose(ge, gd, 1e-6 * yScale(c.data));
        }),
        { numRuns: 500, seed: 5 },
      );
    });

    it('loss and gradient on minibatches (with repeated indices)', () => {
      fc.assert(
        fc.property(caseArb, fc.array(fc.nat(), { minLength: 1, maxLength: 30 }), (c, picks) => {
          const subset = Int32Array.from(picks, (k) => k % c.data.n);
          const ex = createExactObjective(c.spec, c.data);
          const de = createDenseObjective(c.spec, c.data);
          ex.setBatch(subset);
          de.setBatch(subset);
          const ge = new Float64Array(ex.dim);
          const gd = new Float64Array(de.dim);
          expectClose(ex.lossGrad(c.p, ge), de.lossGrad(c.p, gd), yScale(c.data));
          expectVecClose(ge, gd, 1e-6 * yScale(c.data));
          ex.setBatch(null);
          de.setBatch(null);
          expectClose(ex.loss(c.p), de.loss(c.p), yScale(c.data));
        }),
        { numRuns: 300, seed: 6 },
      );
    });

    it('Hessian-vector and Gauss-Newton products against the per-sample definition', () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const ex = createExactObjective(c.spec, c.data);
          const he = new Float64Array(ex.dim);
          const hn = new Float64Array(ex.dim);
          ex.hvp(c.p, c.u, he);
          naiveHvp(c, hn);
          expectVecClose(he, hn, 1e-6 * yScale(c.data) * maxAbs(c.u));
          const ge = new Float64Array(ex.dim);
          const gn = new Float64Array(ex.dim);
          ex.gnvp(c.p, c.u, ge);
          naiveHvp(c, gn, true);
          expectVecClose(ge, gn, 1e-6 * yScale(c.data) * maxAbs(c.u));
          const de = createDenseObjective(c.spec, c.data);
          if (de.hvp) {
            const hd = new Float64Array(ex.dim);
            de.hvp(c.p, c.u, hd);
            expectVecClose(he, hd, 1e-6 * yScale(c.data) * maxAbs(c.u));
          }
        }),
        { numRuns: 300, seed: 7 },
      );
    });

    it('the full Hessian is symmetric and matches hvp columns', () => {
      fc.assert(
        fc.property(caseArb, (c) => {
          const ex = createExactObjective(c.spec, c.data);
          const d = ex.dim;
          const Hm = new Float64Array(d * d);
          ex.hessian(c.p, Hm);
          const tol = 1e-9 * Math.max(maxAbs(Hm), 1e-12);
          for (let i = 0; i < d; i++)
            for (let k = 0; k < d; k++)
              expect(Math.abs(Hm[i * d + k]! - Hm[k * d + i]!)).toBeLessThanOrEqual(tol);
          const hu = new Float64Array(d);
          ex.hvp(c.p, c.u, hu);
          for (let i = 0; i < d; i++) {
            let s = 0;
            for (let k = 0; k < d; k++) s += Hm[i * d + k]! * c.u[k]!;
            expect(Math.abs(s - hu[i]!)).toBeLessThanOrEqual(1e-9 * Math.max(maxAbs(hu), maxAbs(Hm)));
          }
        }),
        { numRuns: 100, seed: 8 },
      );
    });

    it('larger random networks and data sets, with optimizer-like sequences of nearby points', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 80 }),
          fc.integer({ min: 1, max: 3000 }),
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.constantFrom('relu', 'leakyRelu'),
          (H, n, seed, activation) => {
            const rng = createRng(seed, 'exact-large');
            const x = Float64Array.from({ length: n }, () => Math.round(400 * (2 * rng.uniform() - 1)) / 200);
            const y = Float64Array.from(x, (v) => Math.sin(3 * v) + 0.3 * v * v + 0.1 * rng.normal());
            const spec: NetworkSpec = { inputs: 1, hidden: [H], activation, leakySlope: 0.05 };
            const data: Dataset = { inputs: 1, n, x, y };
            const ex = createExactObjective(spec, data);
            const de = createDenseObjective(spec, data);
            const p = Float64Array.from({ length: 3 * H + 1 }, () => rng.normal());
            const ge = new Float64Array(p.length);
            const gd = new Float64Array(p.length);
            for (let step = 0; step < 5; step++) {
              expectClose(ex.lossGrad(p, ge), de.lossGrad(p, gd), yScale(data));
              expectVecClose(ge, gd, 1e-6 * yScale(data));
              for (let k = 0; k < p.length; k++) p[k] = p[k]! - 0.05 * gd[k]!;
            }
          },
        ),
        { numRuns: 40, seed: 10 },
      );
    });

    it('results do not depend on the previous evaluation (warm starts, other data sets)', () => {
      fc.assert(
        fc.property(caseArb, caseArb, (a, b) => {
          if (a.spec.hidden[0] !== b.spec.hidden[0] || a.spec.activation !== b.spec.activation) return;
          const H = a.spec.hidden[0]!;
          const slope = negativeSlope(a.spec.activation, a.spec.leakySlope)!;
          // A kernel and samples of their own (never called before) against an objective that last
          // saw another point, after the shape's shared kernel saw another data set (its splits can
          // lie beyond this set's length).
          const fresh = createExactKernel(H, slope);
          const sorted = sortSamples(a.data.x, a.data.y, backend === 'wasm').full;
          const expected = fresh.sse(a.p, sorted) / a.data.n;
          createExactObjective(a.spec, b.data).loss(b.p);
          const warmed = createExactObjective(a.spec, a.data);
          warmed.loss(b.p);
          expect(warmed.loss(a.p)).toBe(expected);
          const g = new Float64Array(a.p.length);
          const gFresh = new Float64Array(a.p.length);
          warmed.lossGrad(b.p, g);
          warmed.lossGrad(a.p, g);
          fresh.sseGrad(a.p, sortSamples(a.data.x, a.data.y, backend === 'wasm').full, gFresh, 2 / a.data.n);
          expect(g).toEqual(gFresh);
        }),
        { numRuns: 200, seed: 9 },
      );
    });
  });

describe('engine registry', () => {
  it('auto picks exact for 1-H-1 piecewise-linear models and dense otherwise', () => {
    const base = { inputs: 1 as const, hidden: [8], activation: 'relu', leakySlope: 0.01 };
    expect(exactApplies(base)).toBe(true);
    expect(resolveEngine('auto', base).name).toBe('exact');
    expect(resolveEngine('auto', { ...base, activation: 'tanh' }).name).toBe('dense');
    expect(resolveEngine('auto', { ...base, hidden: [4, 4] }).name).toBe('dense');
    expect(resolveEngine('auto', { ...base, inputs: 2 }).name).toBe('dense');
    expect(() => resolveEngine('exact', { ...base, activation: 'tanh' })).toThrow(/does not apply/);
  });
});
