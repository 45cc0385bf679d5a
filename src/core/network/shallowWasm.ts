/**
 * The piecewise-linear shallow kernels (denseShallow.ts) for one or two inputs on WebAssembly SIMD:
 * two samples per instruction, computed by the module assembled from core/wasm/shallow.wat. Same
 * contract and the same pre-activation expression as the JavaScript kernels; inputs are copied into
 * the module's memory per call (O(n + H), against the O(n·H) work), two-input samples split into one
 * array per coordinate.
 */
import type { ShallowKernel } from './denseShallow';
import { instantiateWasm, WASM_PAGE, type WasmMemory } from '../wasm/load';
import { shallowWasmHex } from '../wasm/shallowBytes';

interface ShallowExports {
  memory: WasmMemory;
  forward(pQ: number, H: number, nPos: number, s: number, pX: number, pF: number, n4: number): void;
  forward2(
    pQ: number,
    H: number,
    nPos: number,
    s: number,
    pX1: number,
    pX2: number,
    pF: number,
    n4: number,
  ): void;
  sse(pF: number, pY: number, n: number): number;
  residuals(
    pF: number,
    pY: number,
    pD: number,
    pDS: number,
    n: number,
    s: number,
    scale: number,
    pSum: number,
  ): number;
  backward(pP: number, H: number, pX: number, pD: number, pDS: number, n4: number, pG: number): void;
  backward2(
    pP: number,
    H: number,
    pX1: number,
    pX2: number,
    pD: number,
    pDS: number,
    n4: number,
    pG: number,
  ): void;
}

const even = (k: number): number => k + (k & 1);

/**
 * The kernel for `inputs` inputs and act(z) = z > 0 ? z : s·z with 0 <= s <= 1, or null where
 * WebAssembly SIMD is missing. Parameter layout (spec.ts): W [inputs x H], b, v, c.
 */
export function createShallowWasm(inputs: 1 | 2, H: number, s: number): ShallowKernel | null {
  if (!(s >= 0 && s <= 1)) return null;
  const wasm = instantiateWasm(shallowWasmHex) as ShallowExports | null;
  if (!wasm) return null;
  const oB = inputs * H;
  const oV = oB + H;
  const oC = oV + H;
  const dim = oC + 1;
  // Offsets in float64 slots (even, so every array starts 16-byte aligned); sized on first use.
  const oP = 0;
  // The forward pass's layout: v·w per input, v·b (units with v >= 0 first), c.
  const oQ = even(dim);
  const oX = oQ + even((inputs + 1) * H + 1);
  let cap = 0;
  let oX2 = 0;
  let oY = 0;
  let oF = 0;
  let oD = 0;
  let oDS = 0;
  let oG = 0;
  let oSum = 0;
  let mem = new Float64Array(wasm.memory.buffer);

  /** Lays out room for n samples (n4 = n rounded up to 4) and returns n4. */
  function reserve(n: number): number {
    const n4 = (n + 3) & ~3;
    if (n4 > cap) {
      cap = Math.max(n4, 2 * cap);
      oX2 = oX + cap;
      oY = oX2 + (inputs === 2 ? cap : 0);
      oF = oY + cap;
      oD = oF + cap;
      oDS = oD + cap;
      oG = oDS + cap;
      oSum = oG + (inputs + 1) * H;
      const bytes = 8 * (oSum + 2);
      const have = wasm!.memory.buffer.byteLength;
      if (bytes > have) wasm!.memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
      mem = new Float64Array(wasm!.memory.buffer);
    }
    return n4;
  }

  /** Copies p and the samples in, and runs the forward pass into F; returns n4. */
  function load(p: Float64Array, xs: Float64Array, i0: number, i1: number): number {
    const n = i1 - i0;
    const n4 = reserve(n);
    mem.set(p, oP);
    let nPos = 0;
    let last = H;
    for (let j = 0; j < H; j++) {
      const v = p[oV + j]!;
      const k = v >= 0 ? nPos++ : --last;
      for (let q = 0; q < inputs; q++) mem[oQ + q * H + k] = v * p[q * H + j]!;
      mem[oQ + inputs * H + k] = v * p[oB + j]!;
    }
    mem[oQ + (inputs + 1) * H] = p[oC]!;
    if (inputs === 1) {
      mem.set(xs.subarray(i0, i1), oX);
      mem.fill(0, oX + n, oX + n4);
      wasm!.forward(8 * oQ, H, nPos, s, 8 * oX, 8 * oF, n4);
    } else {
      for (let i = 0; i < n; i++) {
        mem[oX + i] = xs[2 * (i0 + i)]!;
        mem[oX2 + i] = xs[2 * (i0 + i) + 1]!;
      }
      mem.fill(0, oX + n, oX + n4);
      mem.fill(0, oX2 + n, oX2 + n4);
      wasm!.forward2(8 * oQ, H, nPos, s, 8 * oX, 8 * oX2, 8 * oF, n4);
    }
    return n4;
  }

  function forward(p: Float64Array, xs: Float64Array, i0: number, i1: number, out: Float64Array): void {
    load(p, xs, i0, i1);
    out.set(mem.subarray(oF, oF + i1 - i0));
  }

  function sse(p: Float64Array, xs: Float64Array, ys: Float64Array, i0: number, i1: number): number {
    load(p, xs, i0, i1);
    mem.set(ys.subarray(i0, i1), oY);
    return wasm!.sse(8 * oF, 8 * oY, i1 - i0);
  }

  function sseGrad(
    p: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    i0: number,
    i1: number,
    g: Float64Array,
    scale: number,
  ): number {
    const n = i1 - i0;
    const n4 = load(p, xs, i0, i1);
    mem.set(ys.subarray(i0, i1), oY);
    const sum = wasm!.residuals(8 * oF, 8 * oY, 8 * oD, 8 * oDS, n, s, scale, 8 * oSum);
    mem.fill(0, oD + n, oD + n4);
    mem.fill(0, oDS + n, oDS + n4);
    if (inputs === 1) wasm!.backward(8 * oP, H, 8 * oX, 8 * oD, 8 * oDS, n4, 8 * oG);
    else wasm!.backward2(8 * oP, H, 8 * oX, 8 * oX2, 8 * oD, 8 * oDS, n4, 8 * oG);
    // act(z) = act'(z)·z on both sides, so Σ d·act(z) = b·Σ d·act' + Σ_q w_q·Σ d·act'·x_q.
    for (let j = 0; j < H; j++) {
      const v = p[oV + j]!;
      const g0 = mem[oG + j]!;
      let gv = p[oB + j]! * g0;
      for (let q = 0; q < inputs; q++) {
        const gq = mem[oG + (q + 1) * H + j]!;
        g[q * H + j] = g[q * H + j]! + v * gq;
        gv += p[q * H + j]! * gq;
      }
      g[oB + j] = g[oB + j]! + v * g0;
      g[oV + j] = g[oV + j]! + gv;
    }
    g[oC] = g[oC]! + mem[oSum]!;
    return sum;
  }

  return { kind: 'wasm', forward, sse, sseGrad };
}
