/** Shared bench inputs: seeded data for sin(3x) + 0.3x² on U(-1, 1) and the seed-001 initial point. */
import type { Dataset } from '../src/core/data/dataset';
import type { LossPlane } from '../src/core/engine/plane';
import type { NetworkSpec } from '../src/core/network/spec';
import { createRng } from '../src/core/rng';

export const target = (x: number): number => Math.sin(3 * x) + 0.3 * x * x;

export function benchData(n: number, seed = 1): Dataset {
  const rng = createRng(seed, 'bench-data');
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 2 * rng.uniform() - 1;
    y[i] = target(x[i]!);
  }
  return { inputs: 1, n, x, y };
}

export const reluSpec = (H: number): NetworkSpec => ({
  inputs: 1,
  hidden: [H],
  activation: 'relu',
  leakySlope: 0.01,
});

/** Seed 001's initialisation: W ~ N(0, 1) in both layers, b = 0 (layout W1, b1, W2, b2). */
export function seed001Params(H: number, seed = 1): Float64Array {
  const rng = createRng(seed, 'init');
  const p = new Float64Array(3 * H + 1);
  for (let j = 0; j < H; j++) p[j] = rng.normal();
  for (let j = 0; j < H; j++) p[2 * H + j] = rng.normal();
  return p;
}

/** A plane through `center` along two random directions scaled to |center|/2, alpha, beta in [-1, 1]. */
export function benchPlane(center: Float64Array, size: number, seed = 1): LossPlane {
  const rng = createRng(seed, 'bench-directions');
  const dim = center.length;
  const norm = Math.sqrt(center.reduce((s, v) => s + v * v, 0));
  const dir = (): Float64Array => {
    const d = Float64Array.from({ length: dim }, () => rng.normal());
    const dn = Math.sqrt(d.reduce((s, v) => s + v * v, 0));
    return d.map((v) => (v / dn) * (norm / 2));
  };
  const axis = Float64Array.from({ length: size }, (_, k) => -1 + (2 * k) / (size - 1));
  return { center, d1: dir(), d2: dir(), alphas: axis, betas: axis.slice() };
}

/** Least-squares slope of log(t) against log(size): the fitted growth exponent. */
export function growthExponent(sizes: number[], times: number[]): number {
  const lx = sizes.map(Math.log);
  const ly = times.map(Math.log);
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let sxy = 0;
  let sxx = 0;
  lx.forEach((v, k) => {
    sxy += (v - mx) * (ly[k]! - my);
    sxx += (v - mx) ** 2;
  });
  return sxy / sxx;
}
