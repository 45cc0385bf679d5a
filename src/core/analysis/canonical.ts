/**
 * A canonical representative of a network's parameters modulo the symmetries that leave its function
 * unchanged, so that two minima related by a symmetry compare equal:
 * - rescaling (ReLU, leaky ReLU, linear): each hidden unit's incoming weights and bias are scaled to unit
 *   norm, its outgoing weights by the inverse;
 * - odd activations (tanh): a unit's sign is flipped so that its incoming entry (weights and bias) of
 *   largest magnitude is positive; entries within a relative 1e-9 of that magnitude count as tied and the
 *   first of them decides. The sign of a noise-level entry never decides: a rule keyed on the bias's sign
 *   jumps at bias = 0, exactly where symmetric data puts tanh units, so two minima 6.6e-13 apart landed in
 *   clusters 0.98 apart. (No sign rule is continuous everywhere; this one jumps only where two entries of
 *   opposite sign have the same largest magnitude, a set no symmetry of the data favours.)
 * - units whose outgoing weights are all zero contribute nothing: all their parameters become 0;
 * - permutation: the units of each hidden layer are sorted by (incoming weights..., bias), lexicographically.
 * Layers are processed from the first to the last hidden layer (the next layer's rows move with the units).
 * With `output: "sum"` the output weights are fixed at 1, so the last hidden layer's units are only
 * permuted (rescaling or flipping them would change the function); fixed entries are filled in and dropped
 * again, so the result has the parameter vector's own length.
 */
import { expandParams, fixedEntries, layoutOf, restrictParams, type NetworkSpec } from '../network/spec';

const homogeneous = new Set(['relu', 'leakyRelu', 'linear']);
const odd = new Set(['tanh']);

export function canonicalParams(spec: NetworkSpec, p: Float64Array): Float64Array<ArrayBuffer> {
  const { layers, size } = layoutOf(spec);
  const fx = fixedEntries(spec);
  const q = Float64Array.from(p);
  if (fx) {
    const full = new Float64Array(size);
    expandParams(fx, p, full);
    const c = canonicalFull(spec, full, layers);
    restrictParams(fx, c, q);
    return q;
  }
  return canonicalFull(spec, q, layers);
}

function canonicalFull(
  spec: NetworkSpec,
  q: Float64Array<ArrayBuffer>,
  layers: ReturnType<typeof layoutOf>['layers'],
): Float64Array<ArrayBuffer> {
  for (let l = 0; l < layers.length - 1; l++) {
    const permuteOnly = spec.output === 'sum' && l === layers.length - 2;
    const ly = layers[l]!;
    const next = layers[l + 1]!;
    const h = ly.fanOut;
    const inIdx = (j: number) => [...Array.from({ length: ly.fanIn }, (_, i) => ly.w + i * h + j), ly.b + j];
    const outIdx = (j: number) => Array.from({ length: next.fanOut }, (_, o) => next.w + j * next.fanOut + o);
    for (let j = 0; j < h; j++) {
      const ins = inIdx(j);
      const outs = outIdx(j);
      if (permuteOnly) continue;
      if (outs.every((k) => q[k] === 0)) {
        for (const k of ins) q[k] = 0;
        continue;
      }
      if (homogeneous.has(spec.activation)) {
        const n = Math.sqrt(ins.reduce((s, k) => s + q[k]! * q[k]!, 0));
        if (n > 0) {
          for (const k of ins) q[k] = q[k]! / n;
          for (const k of outs) q[k] = q[k]! * n;
        }
      } else if (odd.has(spec.activation)) {
        const lead = signLead(ins, q);
        if (lead !== undefined && q[lead]! < 0) {
          for (const k of ins) q[k] = -q[k]!;
          for (const k of outs) q[k] = -q[k]!;
        }
      }
    }
    const keys = Array.from({ length: h }, (_, j) => inIdx(j).map((k) => q[k]!));
    const order = Array.from({ length: h }, (_, j) => j).sort((a, b) => {
      const ka = keys[a]!;
      const kb = keys[b]!;
      for (let t = 0; t < ka.length; t++) if (ka[t] !== kb[t]) return ka[t]! - kb[t]!;
      return 0;
    });
    const old = Float64Array.from(q);
    order.forEach((src, dst) => {
      const si = inIdx(src);
      const di = inIdx(dst);
      si.forEach((k, t) => (q[di[t]!] = old[k]!));
      const so = outIdx(src);
      const dO = outIdx(dst);
      so.forEach((k, t) => (q[dO[t]!] = old[k]!));
    });
  }
  return q;
}

/** Entries whose magnitude is within this relative distance of the largest count as tied. */
const SIGN_TIE_RTOL = 1e-9;

/** The index (among `idx`) whose entry decides a unit's sign: the largest in magnitude, first among ties. */
function signLead(idx: readonly number[], q: Float64Array): number | undefined {
  let big = 0;
  for (const k of idx) big = Math.max(big, Math.abs(q[k]!));
  if (big === 0) return undefined;
  return idx.find((k) => Math.abs(q[k]!) >= big * (1 - SIGN_TIE_RTOL));
}

/** Relative distance ‖a - b‖ / max(1, ‖a‖, ‖b‖). */
export function relativeDistance(a: Float64Array, b: Float64Array): number {
  let d = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i]! - b[i]!) ** 2;
    na += a[i]! ** 2;
    nb += b[i]! ** 2;
  }
  return Math.sqrt(d) / Math.max(1, Math.sqrt(na), Math.sqrt(nb));
}
