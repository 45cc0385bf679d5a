/**
 * The WebAssembly SIMD kernel for one-input piecewise-linear networks: present, assembled from its
 * source, and equal to the definition (a per-sample sum written here) and to central finite
 * differences, on the cases that trip vector code: tails of 1-3 samples, offsets into the arrays,
 * samples exactly on a kink, dead units, w = 0, duplicate inputs. The JavaScript kernel is held to
 * the same checks, so both backends stay interchangeable.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleWasmModules } from '../../../scripts/wasmModules';
import { getActivation } from '../../../src/core/network/activations';
import { createShallowKernel, type ShallowKernel } from '../../../src/core/network/denseShallow';
import { createShallowWasm } from '../../../src/core/network/shallowWasm';
import { createRng, type Rng } from '../../../src/core/rng';

const act = (z: number, s: number): number => (z > 0 ? z : s * z);

/** Pre-activation of unit j at sample i, in the kernels' order: (b + x1·w1) + x2·w2. */
function preact(d: 1 | 2, H: number, p: Float64Array, xs: Float64Array, i: number, j: number): number {
  let z = p[d * H + j]!;
  for (let q = 0; q < d; q++) z += xs[d * i + q]! * p[q * H + j]!;
  return z;
}

/** f(x), Σ (f - y)² and Σ (f - y)·∂f/∂p over samples [i0, i1), written out from the definition. */
function definition(
  d: 1 | 2,
  H: number,
  s: number,
  p: Float64Array,
  xs: Float64Array,
  ys: Float64Array,
  i0: number,
  i1: number,
) {
  const oB = d * H;
  const oV = oB + H;
  const oC = oV + H;
  const g = new Float64Array(oC + 1);
  const f: number[] = [];
  let sse = 0;
  for (let i = i0; i < i1; i++) {
    let out = p[oC]!;
    for (let j = 0; j < H; j++) out += p[oV + j]! * act(preact(d, H, p, xs, i, j), s);
    f.push(out);
    const e = out - ys[i]!;
    sse += e * e;
    g[oC] += e;
    for (let j = 0; j < H; j++) {
      const z = preact(d, H, p, xs, i, j);
      const slope = z > 0 ? 1 : s;
      for (let q = 0; q < d; q++) g[q * H + j] += e * p[oV + j]! * slope * xs[d * i + q]!;
      g[oB + j] += e * p[oV + j]! * slope;
      g[oV + j] += e * act(z, s);
    }
  }
  return { f, sse, g };
}

/**
 * Parameters with dead units, zero weights and kinks placed exactly on some of the samples: inputs
 * and weights are dyadic (k/8, powers of two), so b = -(x1·w1 + x2·w2) makes z == 0 exactly there.
 */
function awkwardCase(rng: Rng, d: 1 | 2, H: number, n: number) {
  const xs = Float64Array.from({ length: d * n }, () => Math.round(8 * (2 * rng.uniform() - 1)) / 8);
  const ys = Float64Array.from({ length: n }, () => rng.normal());
  const p = Float64Array.from({ length: (d + 2) * H + 1 }, () => rng.normal());
  for (let j = 0; j < H; j++) {
    const kind = rng.int(5);
    if (kind === 0) for (let q = 0; q < d; q++) p[q * H + j] = 0; // constant in x
    if (kind === 1) {
      for (let q = 0; q < d; q++) p[q * H + j] = 0.25; // dead on every sample in [-1, 1]²
      p[d * H + j] = -2;
    }
    if (kind === 2) {
      const i = rng.int(n);
      let b = 0;
      for (let q = 0; q < d; q++) {
        p[q * H + j] = q === 0 ? 0.25 : -0.5;
        b -= xs[d * i + q]! * p[q * H + j]!;
      }
      p[d * H + j] = b;
    }
  }
  return { xs, ys, p };
}

const wasmOr = (d: 1 | 2, H: number, s: number): ShallowKernel => {
  const k = createShallowWasm(d, H, s);
  if (!k) throw new Error('WebAssembly SIMD kernel did not load');
  return k;
};
const activationOf = (s: number) => getActivation(s === 1 ? 'linear' : s === 0 ? 'relu' : 'leakyRelu');
const backends: [string, (d: 1 | 2, H: number, s: number) => ShallowKernel][] = [
  ['wasm', wasmOr],
  ['js', (d, H, s) => createShallowKernel(d, H, activationOf(s), s, 'js')],
];

describe('WebAssembly kernels', () => {
  it('the generated module files are current with their .wat sources (npm run wasm)', async () => {
    const modules = await assembleWasmModules();
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) expect(readFileSync(m.file, 'utf8'), m.file).toBe(m.text);
  });

  it('loads here (Node has WebAssembly SIMD), and the default kernel is the WebAssembly one', () => {
    for (const d of [1, 2] as const) {
      expect(createShallowWasm(d, 8, 0)).not.toBeNull();
      expect(createShallowKernel(d, 8, getActivation('relu'), 0).kind).toBe('wasm');
      // Slopes outside [0, 1] cannot use act(z) = max(z, s·z): those stay on the JavaScript kernel.
      expect(createShallowWasm(d, 8, 1.5)).toBeNull();
      expect(createShallowKernel(d, 8, getActivation('leakyRelu'), 1.5).kind).toBe('js');
    }
  });

  for (const d of [1, 2] as const)
    for (const [name, make] of backends)
      for (const s of [0, 0.01, 0.3, 1])
        it(`${d} input(s), ${name}, slope ${s}: outputs, loss and gradient equal the definition on awkward cases`, () => {
          const rng = createRng(101 + d, `${name}${s}`);
          for (let trial = 0; trial < 40; trial++) {
            const H = 1 + rng.int(40);
            const n = 1 + rng.int(23);
            const i0 = rng.int(3);
            const { xs, ys, p } = awkwardCase(rng, d, H, n + i0);
            const k = make(d, H, s);
            const ref = definition(d, H, s, p, xs, ys, i0, n + i0);
            const out = new Float64Array(n);
            k.forward(p, xs, i0, n + i0, out);
            for (let i = 0; i < n; i++)
              expect(Math.abs(out[i]! - ref.f[i]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(ref.f[i]!)));
            expect(k.sse(p, xs, ys, i0, n + i0)).toBeCloseTo(ref.sse, 10);
            // sseGrad adds scale·Σ e·∂f/∂p into g (which starts non-zero, to check it adds).
            const g = Float64Array.from({ length: p.length }, (_, q) => q);
            const scale = 0.37;
            expect(k.sseGrad(p, xs, ys, i0, n + i0, g, scale)).toBeCloseTo(ref.sse, 10);
            for (let q = 0; q < p.length; q++)
              expect(Math.abs(g[q]! - q - scale * ref.g[q]!), `param ${q}`).toBeLessThanOrEqual(
                1e-11 * (1 + Math.abs(ref.g[q]!)),
              );
          }
        });

  for (const d of [1, 2] as const)
    it(`${d} input(s): the gradient matches central finite differences of the loss away from kinks`, () => {
      const rng = createRng(7 + d, 'fd');
      for (let trial = 0; trial < 10; trial++) {
        const H = 1 + rng.int(70);
        const n = 50 + rng.int(50);
        const s = [0, 0.2, 1][trial % 3]!;
        const xs = Float64Array.from({ length: d * n }, () => 2 * rng.uniform() - 1);
        const ys = Float64Array.from({ length: n }, () => rng.normal());
        const p = Float64Array.from({ length: (d + 2) * H + 1 }, () => rng.normal());
        const k = wasmOr(d, H, s);
        const g = new Float64Array(p.length);
        k.sseGrad(p, xs, ys, 0, n, g, 2);
        const h = 1e-6;
        for (let q = 0; q < p.length; q++) {
          const keep = p[q]!;
          p[q] = keep + h;
          const up = k.sse(p, xs, ys, 0, n);
          p[q] = keep - h;
          const down = k.sse(p, xs, ys, 0, n);
          p[q] = keep;
          // Central differences are exact for piecewise quadratics unless a kink moves across a sample.
          expect(Math.abs(g[q]! - (up - down) / (2 * h))).toBeLessThanOrEqual(1e-5 * (1 + Math.abs(g[q]!)));
        }
      }
    });

  it('keeps working after its memory grows (a larger batch after a small one)', () => {
    for (const d of [1, 2] as const) {
      const k = wasmOr(d, 16, 0);
      const rng = createRng(3, 'grow');
      for (const n of [5, 40_000, 9]) {
        const xs = Float64Array.from({ length: d * n }, () => 2 * rng.uniform() - 1);
        const ys = Float64Array.from({ length: n }, () => rng.normal());
        const p = Float64Array.from({ length: (d + 2) * 16 + 1 }, () => rng.normal());
        expect(k.sse(p, xs, ys, 0, n)).toBeCloseTo(definition(d, 16, 0, p, xs, ys, 0, n).sse, 6);
      }
    }
  });
});
