/**
 * The exact engine's loss and gradient on WebAssembly (wasm/exact.wat): the same algorithm as
 * exactKernel.ts, with steadier and lower per-unit cost than JIT-compiled JavaScript. One instance per
 * set of sorted samples: its memory holds the samples (SortedSamples views them in place, so nothing is
 * copied per call) followed by scratch for one network width, including the previous call's splits
 * and unit order, which warm-start the next call on the same samples.
 */
import { instantiateWasm, WASM_PAGE, type WasmMemory } from '../wasm/load';
import { exactWasmHex } from '../wasm/exactBytes';
import { RESIDUAL_SWITCH, SUMS_STRIDE } from './exactPrecision';

interface Exact1Exports {
  memory: WasmMemory;
  splits(
    pP: number,
    H: number,
    pX: number,
    n: number,
    pGuide: number,
    x0: number,
    gscale: number,
    slope: number,
    pSplit: number,
    pOrder: number,
    pKB: number,
    pKA: number,
    pDA: number,
    pDC: number,
    pAC: number,
  ): number;
  walk(
    pP: number,
    H: number,
    pSums: number,
    n: number,
    pSplit: number,
    pOrder: number,
    pKB: number,
    pKA: number,
    pDA: number,
    pDC: number,
    pAC: number,
    pR0: number,
    pR1: number,
    pG: number,
    scale: number,
    yMean: number,
    residualSwitch: number,
    pX: number,
    pY: number,
  ): number;
}

/** What the instance needs of the sorted samples it holds (exactData.ts's SortedSamples). */
export interface WasmSamples {
  n: number;
  x: Float64Array;
  y: Float64Array;
  sums: Float64Array;
  guide: Int32Array;
  yMean: number;
  x0: number;
  scale: number;
}

export interface ExactWasm {
  /** Views of the sample arrays in the instance's memory (replaced when the memory grows). */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly sums: Float64Array;
  readonly guide: Int32Array;
  /** Σ (f - y)² at p for a 1-H-1 network with negative-side slope `slope`. */
  sse(p: Float64Array, H: number, slope: number, s: WasmSamples): number;
  /** Σ (f - y)², and its gradient times `scale` written into g. */
  sseGrad(p: Float64Array, H: number, slope: number, s: WasmSamples, g: Float64Array, scale: number): number;
}

const align16 = (bytes: number): number => (bytes + 15) & ~15;

/** An instance holding `cap` sorted samples, or null where WebAssembly is unavailable. */
export function createExactWasm(cap: number): ExactWasm | null {
  const wasm = instantiateWasm(exactWasmHex) as Exact1Exports | null;
  return wasm ? new ExactInstance(wasm, cap) : null;
}

/**
 * A class rather than a closure per instance: every set of sorted samples has its own instance, and
 * V8 keeps one fast copy of the methods for all of them (closures made the later ones ~1.8x slower).
 */
class ExactInstance implements ExactWasm {
  x = new Float64Array(0);
  y = new Float64Array(0);
  sums = new Float64Array(0);
  guide = new Int32Array(0);
  private readonly pY: number;
  private readonly pSums: number;
  private readonly pGuide: number;
  private readonly base: number;
  // Scratch for the current width (byte offsets), laid out by `reserve`.
  private width = -1;
  private pP = 0;
  private pG = 0;
  private pKB = 0;
  private pKA = 0;
  private pDA = 0;
  private pDC = 0;
  private pAC = 0;
  private pR0 = 0;
  private pR1 = 0;
  private pSplit = 0;
  private pOrder = 0;
  private i32 = new Int32Array(0);
  /** Views of the parameters and the gradient in the scratch (made once per layout: no allocation per call). */
  private pView = new Float64Array(0);
  private gView = new Float64Array(0);
  private keys = new Float64Array(0);

  constructor(
    private readonly wasm: Exact1Exports,
    private readonly cap: number,
  ) {
    this.pY = align16(8 * cap);
    this.pSums = this.pY + align16(8 * cap);
    this.pGuide = this.pSums + 8 * SUMS_STRIDE * (cap + 1);
    this.base = align16(this.pGuide + 4 * (cap + 1));
    this.grow(this.base);
  }

  private grow(bytes: number): void {
    const have = this.wasm.memory.buffer.byteLength;
    if (bytes > have) this.wasm.memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
    const buf = this.wasm.memory.buffer;
    this.i32 = new Int32Array(buf);
    this.x = new Float64Array(buf, 0, this.cap);
    this.y = new Float64Array(buf, this.pY, this.cap);
    this.sums = new Float64Array(buf, this.pSums, SUMS_STRIDE * (this.cap + 1));
    this.guide = new Int32Array(buf, this.pGuide, this.cap + 1);
  }

  /** Lays out scratch for width H; a new width starts from identity order (splits are checked anyway). */
  private reserve(H: number, s: WasmSamples): void {
    if (H === this.width) return;
    this.width = H;
    this.pP = this.base;
    this.pG = this.pP + align16(8 * (3 * H + 1));
    this.pKB = this.pG + align16(8 * (3 * H + 1));
    this.pKA = this.pKB + 8 * H;
    this.pDA = this.pKA + 8 * H;
    this.pDC = this.pDA + 8 * H;
    this.pAC = this.pDC + 8 * H;
    // A, C at the first sample, then Σ e and Σ e·x from the residual evaluation.
    this.pR0 = this.pAC + 32;
    this.pR1 = this.pR0 + 8 * H;
    this.pSplit = this.pR1 + 8 * H;
    this.pOrder = this.pSplit + 4 * H;
    this.grow(this.pOrder + 4 * H);
    const buf = this.wasm.memory.buffer;
    this.pView = new Float64Array(buf, this.pP, 3 * H + 1);
    this.gView = new Float64Array(buf, this.pG, 3 * H + 1);
    // The samples' views moved with the memory.
    s.x = this.x;
    s.y = this.y;
    s.sums = this.sums;
    s.guide = this.guide;
    for (let u = 0; u < H; u++) {
      this.i32[this.pSplit / 4 + u] = 0;
      this.i32[this.pOrder / 4 + u] = u;
    }
    this.keys = new Float64Array(H);
  }

  /** Copies p in, then the splits and unit order for it. */
  private prepare(p: Float64Array, H: number, slope: number, s: WasmSamples): void {
    this.reserve(H, s);
    this.pView.set(p);
    const ok = this.wasm.splits(
      this.pP,
      H,
      0,
      s.n,
      this.pGuide,
      s.x0,
      s.scale,
      slope,
      this.pSplit,
      this.pOrder,
      this.pKB,
      this.pKA,
      this.pDA,
      this.pDC,
      this.pAC,
    );
    if (ok) return;
    // Too far from the previous order for insertion: a native sort of (split, index) keys.
    const { i32, keys } = this;
    const sp = this.pSplit / 4;
    const od = this.pOrder / 4;
    for (let u = 0; u < H; u++) keys[u] = i32[sp + u]! * H + u;
    keys.sort();
    for (let u = 0; u < H; u++) i32[od + u] = keys[u]! - Math.floor(keys[u]! / H) * H;
  }

  /** The walk after `prepare`: Σ e², and with a `scale` the gradient times it into the scratch. */
  private walk(s: WasmSamples, scale: number | null): number {
    const grad = scale !== null;
    return this.wasm.walk(
      this.pP,
      this.width,
      this.pSums,
      s.n,
      this.pSplit,
      this.pOrder,
      this.pKB,
      this.pKA,
      this.pDA,
      this.pDC,
      this.pAC,
      grad ? this.pR0 : 0,
      grad ? this.pR1 : 0,
      grad ? this.pG : 0,
      scale ?? 0,
      s.yMean,
      RESIDUAL_SWITCH,
      0,
      this.pY,
    );
  }

  sse(p: Float64Array, H: number, slope: number, s: WasmSamples): number {
    this.prepare(p, H, slope, s);
    return this.walk(s, null);
  }

  sseGrad(p: Float64Array, H: number, slope: number, s: WasmSamples, g: Float64Array, scale: number): number {
    this.prepare(p, H, slope, s);
    const total = this.walk(s, scale);
    g.set(this.gView);
    return total;
  }
}
