/**
 * Continuous symmetries of a network at a point and the flat Hessian directions they create.
 * - Rescaling (ReLU, leaky ReLU, linear: f(cz) = c f(z) for c > 0): unit j of hidden layer l may scale its
 *   incoming weights and bias by c and its outgoing weights by 1/c; tangent (W_l[:,j], b_l[j], -W_{l+1}[j,:]).
 * - Linear layers (activation "linear"): any invertible mixing A of the layer's units (tangents W_l E,
 *   b_l E, -E W_{l+1} for each elementary E), and the layer's bias is absorbed by the next layer's
 *   (tangent e_k on b_l, -W_{l+1}[k,:] on b_{l+1}).
 * - Strictly dead ReLU units (pre-activation < 0 on every sample): every incoming weight, the bias and
 *   every outgoing weight is exactly flat. Units whose pre-activation is 0 on some sample sit on a kink,
 *   where the loss is not twice differentiable; they are reported, not counted.
 * - Duplicate units (same incoming weights and bias up to a positive factor c): the outgoing weights can
 *   move between them (tangents u on W_{l+1}[j,:], -c·u on W_{l+1}[k,:]).
 * Unit permutations are discrete: they create no flat direction by themselves, only the duplicate case
 * above, where two permuted copies meet. The count of flat directions is the numerical rank of all
 * tangents, so overlapping generators are not double counted.
 */
import type { Dataset } from '../data/dataset';
import { getActivation } from '../network/activations';
import { layoutOf, type NetworkSpec } from '../network/spec';
import { symEigen } from './symEigen';

export interface UnitRef {
  layer: number;
  unit: number;
}

export interface SymmetryReport {
  /** Strictly dead units (layer and unit count from 1). */
  deadUnits: UnitRef[];
  /** Units exactly on a kink (pre-activation 0 on some sample, never above... or mixed). */
  kinkUnits: UnitRef[];
  /** Generators found, by family. */
  generators: {
    rescaling: number;
    linearMixing: number;
    biasAbsorption: number;
    deadUnit: number;
    duplicate: number;
  };
  /** Numerical rank of all tangents: the flat directions symmetries explain (null if too many to rank). */
  flat: number | null;
}

const MAX_TANGENTS = 1500;
/** Tangents are P numbers each: their rank is computed only while they fit in 2e7 numbers. */
const MAX_TANGENT_NUMBERS = 2e7;
const homogeneous = new Set(['relu', 'leakyRelu', 'linear']);

/** Pre-activation extremes per hidden unit over the samples. */
function preactivationRange(spec: NetworkSpec, p: Float64Array, data: Dataset) {
  const { layers } = layoutOf(spec);
  const act = getActivation(spec.activation);
  const hiddenLayers = layers.slice(0, -1);
  const maxZ = hiddenLayers.map((ly) => new Float64Array(ly.fanOut).fill(-Infinity));
  const zeroHit = hiddenLayers.map((ly) => new Uint8Array(ly.fanOut));
  const a = new Float64Array(Math.max(...layers.map((l) => Math.max(l.fanIn, l.fanOut))));
  const z = new Float64Array(a.length);
  for (let s = 0; s < data.n; s++) {
    for (let i = 0; i < spec.inputs; i++) a[i] = data.x[s * spec.inputs + i]!;
    hiddenLayers.forEach((ly, l) => {
      for (let j = 0; j < ly.fanOut; j++) {
        let v = p[ly.b + j]!;
        for (let i = 0; i < ly.fanIn; i++) v += a[i]! * p[ly.w + i * ly.fanOut + j]!;
        z[j] = v;
        if (v > maxZ[l]![j]!) maxZ[l]![j] = v;
        if (v === 0) zeroHit[l]![j] = 1;
      }
      for (let j = 0; j < ly.fanOut; j++) a[j] = act.f(z[j]!, spec.leakySlope);
    });
  }
  return { maxZ, zeroHit };
}

export function symmetryReport(spec: NetworkSpec, p: Float64Array, data: Dataset): SymmetryReport {
  const layout = layoutOf(spec);
  const { layers } = layout;
  const P = layout.size;
  const tangents: Float64Array[] = [];
  const gen = { rescaling: 0, linearMixing: 0, biasAbsorption: 0, deadUnit: 0, duplicate: 0 };
  const deadUnits: UnitRef[] = [];
  const kinkUnits: UnitRef[] = [];
  const isRelu = spec.activation === 'relu';
  const { maxZ, zeroHit } = preactivationRange(spec, p, data);
  let tooMany = false;
  // Memory T·P ≤ 2e7 and Gram-matrix work T²·P ≤ 2e9.
  const cap = Math.min(MAX_TANGENTS, Math.floor(MAX_TANGENT_NUMBERS / P), Math.floor(Math.sqrt(2e9 / P)));
  /** Builds and keeps a tangent while there is room; beyond, only counts (no allocation). */
  const push = (make: () => Float64Array) => {
    if (tangents.length >= cap) tooMany = true;
    else tangents.push(make());
  };
  for (let l = 0; l < layers.length - 1; l++) {
    const ly = layers[l]!;
    const next = layers[l + 1]!;
    const h = ly.fanOut;
    const dead = new Uint8Array(h);
    if (isRelu && data.n > 0)
      for (let j = 0; j < h; j++) {
        if (maxZ[l]![j]! < 0) {
          dead[j] = 1;
          deadUnits.push({ layer: l + 1, unit: j + 1 });
        } else if (maxZ[l]![j]! === 0 || zeroHit[l]![j]) kinkUnits.push({ layer: l + 1, unit: j + 1 });
      }
    for (let j = 0; j < h; j++) {
      if (dead[j]) {
        for (let i = 0; i < ly.fanIn; i++) push(() => unit(P, ly.w + i * h + j));
        push(() => unit(P, ly.b + j));
        for (let o = 0; o < next.fanOut; o++) push(() => unit(P, next.w + j * next.fanOut + o));
        gen.deadUnit++;
      }
    }
    if (spec.activation === 'linear') {
      gen.linearMixing += h * h;
      for (let k = 0; k < h && !tooMany; k++)
        for (let m = 0; m < h && !tooMany; m++) {
          // A = I + εE_km: W_l -> W_l A moves column k into m; W_{l+1} -> A^{-1} W_{l+1} moves row m out of k.
          push(() => {
            const t = new Float64Array(P);
            for (let i = 0; i < ly.fanIn; i++) t[ly.w + i * h + m] = p[ly.w + i * h + k]!;
            t[ly.b + m] = p[ly.b + k]!;
            for (let o = 0; o < next.fanOut; o++)
              t[next.w + k * next.fanOut + o] =
                t[next.w + k * next.fanOut + o]! - p[next.w + m * next.fanOut + o]!;
            return t;
          });
        }
      for (let k = 0; k < h; k++) {
        push(() => {
          const t = unit(P, ly.b + k);
          for (let o = 0; o < next.fanOut; o++) t[next.b + o] = -p[next.w + k * next.fanOut + o]!;
          return t;
        });
        gen.biasAbsorption++;
      }
    } else if (homogeneous.has(spec.activation)) {
      for (let j = 0; j < h; j++) {
        if (dead[j]) continue;
        push(() => {
          const t = new Float64Array(P);
          for (let i = 0; i < ly.fanIn; i++) t[ly.w + i * h + j] = p[ly.w + i * h + j]!;
          t[ly.b + j] = p[ly.b + j]!;
          for (let o = 0; o < next.fanOut; o++)
            t[next.w + j * next.fanOut + o] = -p[next.w + j * next.fanOut + o]!;
          return t;
        });
        gen.rescaling++;
      }
    }
    // Duplicate units: same (incoming, bias) up to c > 0 (ReLU family) or exactly equal (other activations).
    if (h <= 512)
      for (let j = 0; j < h; j++)
        for (let k = j + 1; k < h; k++) {
          if (dead[j] || dead[k]) continue;
          const c = proportional(p, ly, j, k, homogeneous.has(spec.activation));
          if (c === null) continue;
          for (let o = 0; o < next.fanOut; o++)
            push(() => {
              const t = new Float64Array(P);
              t[next.w + j * next.fanOut + o] = 1;
              t[next.w + k * next.fanOut + o] = -c;
              return t;
            });
          gen.duplicate++;
        }
  }
  return { deadUnits, kinkUnits, generators: gen, flat: tooMany ? null : rank(tangents, P) };
}

function unit(P: number, k: number): Float64Array {
  const t = new Float64Array(P);
  t[k] = 1;
  return t;
}

/** c with (w_j, b_j) = c (w_k, b_k), c > 0 (c = 1 required unless scaling is a symmetry); else null. */
function proportional(
  p: Float64Array,
  ly: { fanIn: number; fanOut: number; w: number; b: number },
  j: number,
  k: number,
  scalable: boolean,
): number | null {
  const h = ly.fanOut;
  const idx = [...Array.from({ length: ly.fanIn }, (_, i) => ly.w + i * h), ly.b];
  let nj = 0;
  let nk = 0;
  let dot = 0;
  for (const base of idx) {
    const a = p[base + j]!;
    const b = p[base + k]!;
    nj += a * a;
    nk += b * b;
    dot += a * b;
  }
  if (nj === 0 || nk === 0) return null;
  const c = dot / nk;
  if (c <= 0) return null;
  if (!scalable && Math.abs(c - 1) > 1e-9) return null;
  let res = 0;
  for (const base of idx) res += (p[base + j]! - c * p[base + k]!) ** 2;
  return res <= 1e-18 * nj ? c : null;
}

/** Numerical rank of a set of vectors (via the eigenvalues of their Gram matrix). */
export function rank(vs: readonly Float64Array[], P: number): number {
  const m = vs.length;
  if (m === 0) return 0;
  const G = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) {
      let s = 0;
      const va = vs[a]!;
      const vb = vs[b]!;
      for (let i = 0; i < P; i++) s += va[i]! * vb[i]!;
      G[a * m + b] = s;
      G[b * m + a] = s;
    }
  const { values } = symEigen(G, m, false);
  const big = values[m - 1]!;
  if (!(big > 0)) return 0;
  let r = 0;
  for (const v of values) if (v > 1e-10 * big) r++;
  return r;
}
