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
import { createShallow1Wasm } from '../../../src/core/network/shallowWasm';
import { createRng, type Rng } from '../../../src/core/rng';

const act = (z: number, s: number): number => (z > 0 ? z : s * z);

/** f(x) and the gradient of Σ (f - y)²·scale/2 ... written out per sample from the definition. */
function definition(
  H: number,
  s: number,
  p: Float64Array,
  xs: Float64Array,
  ys: Float64Array,
  i0: number,
  i1: number,
) {
  const g = new Float64Array(3 * H + 1);
  const f: number[] = [];
  let sse = 0;
  for (let i = i0; i < i1; i++) {
    const x = xs[i]!;
    let out = p[3 * H]!;
    for (let j = 0; j < H; j++) out += p[2 * H + j]! * act(p[H + j]! + x * p[j]!, s);
    f.push(out);
    const e = out - ys[i]!;
    sse += e * e;
    g[3 * H] += e;
    for (let j = 0; j < H; j++) {
      const z = p[H + j]! + x * p[j]!;
      const d = z > 0 ? 1 : s;
      g[j] += e * p[2 * H + j]! * d * x;
      g[H + j] += e * p[2 * H + j]! * d;
      g[2 * H + j] += e * act(z, s);
    }
  }
  return { f, sse, g };
}

/** Parameters with dead units, zero slopes and kinks placed exactly on some of the samples. */
function awkwardCase(rng: Rng, H: number, n: number) {
  const xs = Float64Array.from({ length: n }, () => Math.round(8 * (2 * rng.uniform() - 1)) / 8);
  const ys = Float64Array.from({ length: n }, () => rng.normal());
  const p = Float64Array.from({ length: 3 * H + 1 }, () => rng.normal());
  for (let j = 0; j < H; j++) {
    const kind = rng.int(5);
    if (kind === 0) p[j] = 0; // w = 0: the unit is constant in x
    if (kind === 1) {
      p[j] = 0.5; // dead on every sample in [-1, 1]
      p[H + j] = -2;
    }
    if (kind === 2) {
      p[j] = 0.25; // the kink -b/w sits exactly on a sample (powers of two: b + x·w == 0 exactly)
      p[H + j] = -0.25 * xs[rng.int(n)]!;
    }
  }
  return { xs, ys, p };
}

const wasmOr = (H: number, s: number): ShallowKernel => {
  const k = createShallow1Wasm(H, s);
  if (!k) throw new Error('WebAssembly SIMD kernel did not load');
  return k;
};
const backends: [string, (H: number, s: number) => ShallowKernel][] = [
  ['wasm', wasmOr],
  [
    'js',
    (H, s) =>
      createShallowKernel(1, H, getActivation(s === 1 ? 'linear' : s === 0 ? 'relu' : 'leakyRelu'), s, 'js'),
  ],
];

describe('WebAssembly kernels', () => {
  it('the generated module files are current with their .wat sources (npm run wasm)', async () => {
    const modules = await assembleWasmModules();
    expect(modules.length).toBeGreaterThan(0);
    for (const m of modules) expect(readFileSync(m.file, 'utf8'), m.file).toBe(m.text);
  });

  it('loads here (Node has WebAssembly SIMD), and the default kernel is the WebAssembly one', () => {
    expect(createShallow1Wasm(8, 0)).not.toBeNull();
    // Slopes outside [0, 1] cannot use act(z) = max(z, s·z): those stay on the JavaScript kernel.
    expect(createShallow1Wasm(8, 1.5)).toBeNull();
  });

  for (const [name, make] of backends)
    for (const s of [0, 0.01, 0.3, 1])
      it(`${name}, slope ${s}: outputs, loss and gradient equal the definition on awkward cases`, () => {
        const rng = createRng(101, `${name}${s}`);
        for (let trial = 0; trial < 40; trial++) {
          const H = 1 + rng.int(40);
          const n = 1 + rng.int(23);
          const i0 = rng.int(3);
          const { xs, ys, p } = awkwardCase(rng, H, n + i0);
          const k = make(H, s);
          const ref = definition(H, s, p, xs, ys, i0, n + i0);
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

  it('the gradient matches central finite differences of the loss away from kinks', () => {
    const rng = createRng(7, 'fd');
    for (let trial = 0; trial < 10; trial++) {
      const H = 1 + rng.int(70);
      const n = 50 + rng.int(50);
      const s = [0, 0.2, 1][trial % 3]!;
      const xs = Float64Array.from({ length: n }, () => 2 * rng.uniform() - 1);
      const ys = Float64Array.from({ length: n }, () => rng.normal());
      const p = Float64Array.from({ length: 3 * H + 1 }, () => rng.normal());
      const k = wasmOr(H, s);
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
    const k = wasmOr(16, 0);
    const rng = createRng(3, 'grow');
    for (const n of [5, 40_000, 9]) {
      const xs = Float64Array.from({ length: n }, () => 2 * rng.uniform() - 1);
      const ys = Float64Array.from({ length: n }, () => rng.normal());
      const p = Float64Array.from({ length: 49 }, () => rng.normal());
      expect(k.sse(p, xs, ys, 0, n)).toBeCloseTo(definition(16, 0, p, xs, ys, 0, n).sse, 6);
    }
  });
});
