/**
 * Seeded random numbers. Relief's generator is xoshiro128** (Blackman & Vigna 2018) seeded through
 * splitmix32, all in 32-bit integer arithmetic so every JavaScript engine produces the same bits.
 * Each consumer draws from its own named stream (data, init, batch:<run>, directions, ...), so
 * adding a run or a direction never shifts the numbers another part of the experiment sees.
 */

export interface Rng {
  /** Uniform on [0, 1) with 53 random bits. */
  uniform(): number;
  /** Standard normal by Box-Muller (one value per two uniforms; no cached state). */
  normal(): number;
  /** Integer uniform on [0, n). */
  int(n: number): number;
  /** Raw 32-bit unsigned output. */
  nextUint32(): number;
}

/** FNV-1a 32-bit hash of a stream name. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** A generator for `seed` (an integer; only its low 53 bits matter) and the named `stream`. */
export function createRng(seed: number, stream: string): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  const st = { s: (lo ^ Math.imul(hi, 0x27d4eb2d) ^ hashString(stream)) | 0 };
  const s0 = splitmix32(st);
  const s1 = splitmix32(st);
  const s2 = splitmix32(st);
  const s3 = splitmix32(st);
  const nextUint32 = xoshiro128StarStar((s0 | s1 | s2 | s3) === 0 ? 1 : s0, s1, s2, s3);
  function uniform(): number {
    const a = nextUint32() >>> 5;
    const b = nextUint32() >>> 6;
    return (a * TWO_POW_26 + b) / TWO_POW_53;
  }
  function normal(): number {
    const u1 = 1 - uniform(); // (0, 1]: log is finite
    const u2 = uniform();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }
  function int(n: number): number {
    return Math.floor(uniform() * n);
  }
  return { uniform, normal, int, nextUint32 };
}

/**
 * The xoshiro128** 1.1 generator (Blackman & Vigna, xoshiro128starstar.c) from the state words s0..s3
 * (not all zero): each call returns the next 32-bit output as an unsigned integer.
 */
export function xoshiro128StarStar(s0: number, s1: number, s2: number, s3: number): () => number {
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Fisher-Yates shuffle in place. */
export function shuffleInPlace(a: Int32Array, rng: Rng): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
}
