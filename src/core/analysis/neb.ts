/**
 * Minimum-energy path between two points by the nudged elastic band with a climbing image
 * (Henkelman, Uberuaga & Jónsson 2000, J. Chem. Phys. 113, 9901; tangent of Henkelman & Jónsson 2000,
 * J. Chem. Phys. 113, 9978). A chain of images R_0..R_{N+1} with fixed ends; each interior image feels
 * the loss gradient perpendicular to the path and a spring force along it:
 *   F_i = -∇L(R_i) + (∇L(R_i)·τ_i) τ_i + k (|R_{i+1} - R_i| - |R_i - R_{i-1}|) τ_i,
 * τ_i the upwind (energy-weighted) tangent. After `climbAfter` iterations the highest image climbs:
 *   F_c = -∇L(R_c) + 2 (∇L(R_c)·τ_c) τ_c   (no spring),
 * so it converges to the saddle point and the barrier max L - L(R_0) is exact, not interpolated.
 * Minimised with FIRE (Bitzek et al. 2006), steps clipped to a fraction of the image spacing.
 */
import type { Objective } from '../objective';
import { createHvp } from './hessianSpectrum';

export interface NebOptions {
  /** Interior images (default 15). */
  images?: number;
  /** Spring constant relative to max|∇L| / spacing on the initial chain (default 1). */
  spring?: number;
  maxIter?: number;
  climb?: boolean;
  climbAfter?: number;
  /** Converged when the largest image force is below tol·(initial largest gradient) (default 1e-6). */
  tol?: number;
  /** Called every 20 iterations (a chance to report progress and yield to the host); return true to stop. */
  onIter?: (iter: number, maxForce: number) => boolean | Promise<boolean>;
}

export interface NebResult {
  /** Row-major (images+2) x dim, ends included. */
  images: Float64Array<ArrayBuffer>;
  loss: Float64Array<ArrayBuffer>;
  /** Cumulative arc length along the chain, normalised to [0, 1]. */
  s: Float64Array<ArrayBuffer>;
  /** Loss along the straight segment at the same s, for comparison (Goodfellow et al. 2015). */
  straightLoss: Float64Array<ArrayBuffer>;
  /** max L - L(from) and max L - L(to). */
  barrier: number;
  reverseBarrier: number;
  /** Index of the climbing (highest) image. */
  climbing: number;
  maxForce: number;
  iterations: number;
  converged: boolean;
}

export async function neb(
  f: Objective,
  from: Float64Array,
  to: Float64Array,
  opts: NebOptions = {},
): Promise<NebResult> {
  const dim = from.length;
  const N = opts.images ?? 15;
  const M = N + 2;
  const maxIter = opts.maxIter ?? 5000;
  const climbOn = opts.climb ?? true;
  const climbAfter = opts.climbAfter ?? 50;
  const R = new Float64Array(M * dim);
  for (let i = 0; i < M; i++) {
    const t = i / (M - 1);
    for (let k = 0; k < dim; k++) R[i * dim + k] = (1 - t) * from[k]! + t * to[k]!;
  }
  const straightLoss = new Float64Array(M);
  for (let i = 0; i < M; i++) straightLoss[i] = f.loss(R.subarray(i * dim, (i + 1) * dim));
  const V = new Float64Array(M);
  const G = new Float64Array(M * dim);
  const F = new Float64Array(M * dim);
  const vel = new Float64Array(M * dim);
  const tau = new Float64Array(dim);
  let seg = 0;
  for (let k = 0; k < dim; k++) seg += (to[k]! - from[k]!) ** 2;
  seg = Math.sqrt(seg) / (M - 1);
  if (!(seg > 0)) throw new RangeError('neb: the two end points coincide');

  const evalAll = () => {
    for (let i = 0; i < M; i++) {
      const g = G.subarray(i * dim, (i + 1) * dim);
      V[i] =
        i === 0 || i === M - 1
          ? f.loss(R.subarray(i * dim, (i + 1) * dim))
          : f.lossGrad(R.subarray(i * dim, (i + 1) * dim), g);
    }
  };
  evalAll();
  let g0 = 0;
  for (let i = 1; i < M - 1; i++) {
    let s = 0;
    for (let k = 0; k < dim; k++) s += G[i * dim + k]! ** 2;
    g0 = Math.max(g0, Math.sqrt(s));
  }
  const scaleF = Math.max(g0, 1e-300);
  const kSpring = (opts.spring ?? 1) * (scaleF / seg);
  const tol = (opts.tol ?? 1e-6) * scaleF;

  let climbing = -1;
  const forces = (iter: number): number => {
    climbing = -1;
    if (climbOn && iter >= climbAfter) {
      let best = -Infinity;
      for (let i = 1; i < M - 1; i++)
        if (V[i]! > best) {
          best = V[i]!;
          climbing = i;
        }
      // No interior maximum (a downhill band between points that are not both minima): nothing to climb to.
      if (best <= Math.max(V[0]!, V[M - 1]!)) climbing = -1;
    }
    let maxF = 0;
    for (let i = 1; i < M - 1; i++) {
      const o = i * dim;
      const vp = V[i + 1]!;
      const vm = V[i - 1]!;
      const vi = V[i]!;
      let wPlus: number;
      let wMinus: number;
      if (vp > vi && vi > vm) [wPlus, wMinus] = [1, 0];
      else if (vp < vi && vi < vm) [wPlus, wMinus] = [0, 1];
      else {
        const dmax = Math.max(Math.abs(vp - vi), Math.abs(vm - vi));
        const dmin = Math.min(Math.abs(vp - vi), Math.abs(vm - vi));
        [wPlus, wMinus] = vp > vm ? [dmax, dmin] : [dmin, dmax];
      }
      let tn = 0;
      let dPlus = 0;
      let dMinus = 0;
      for (let k = 0; k < dim; k++) {
        const a = R[o + dim + k]! - R[o + k]!;
        const b = R[o + k]! - R[o - dim + k]!;
        dPlus += a * a;
        dMinus += b * b;
        tau[k] = wPlus * a + wMinus * b;
        tn += tau[k]! * tau[k]!;
      }
      tn = Math.sqrt(tn);
      if (tn === 0) {
        // flat ends of a chain: fall back to the central tangent
        tn = 0;
        for (let k = 0; k < dim; k++) {
          tau[k] = R[o + dim + k]! - R[o - dim + k]!;
          tn += tau[k]! * tau[k]!;
        }
        tn = Math.sqrt(tn) || 1;
      }
      let gt = 0;
      for (let k = 0; k < dim; k++) {
        tau[k] = tau[k]! / tn;
        gt += G[o + k]! * tau[k]!;
      }
      let fn = 0;
      if (i === climbing) {
        for (let k = 0; k < dim; k++) {
          F[o + k] = -G[o + k]! + 2 * gt * tau[k]!;
          fn += F[o + k]! ** 2;
        }
      } else {
        const sp = kSpring * (Math.sqrt(dPlus) - Math.sqrt(dMinus));
        for (let k = 0; k < dim; k++) {
          F[o + k] = -G[o + k]! + gt * tau[k]! + sp * tau[k]!;
          fn += F[o + k]! ** 2;
        }
      }
      maxF = Math.max(maxF, Math.sqrt(fn));
    }
    return maxF;
  };

  // FIRE. Explicit steps are stable while dt·ω < 2 for the stiffest mode, ω² = max(curvature of L,
  // 4k of the springs); the curvature is estimated by power iteration at the ends and the middle.
  let stiff = 4 * kSpring;
  for (const i of [0, Math.floor(M / 2), M - 1])
    stiff = Math.max(stiff, 2 * curvatureBound(f, R.subarray(i * dim, (i + 1) * dim)));
  let dtMax = 1 / Math.sqrt(stiff);
  const dt0 = 0.1 * dtMax;
  let dt = dt0;
  let alpha = 0.1;
  let sincePos = 0;
  const maxStep = 0.2 * seg;
  let iter = 0;
  let maxF = forces(0);
  let bestF = maxF;
  let converged = false;
  for (; iter < maxIter; iter++) {
    if (maxF <= tol && (!climbOn || iter >= climbAfter)) {
      converged = true;
      break;
    }
    if (opts.onIter && iter % 20 === 0 && (await opts.onIter(iter, maxF))) break;
    let P = 0;
    let vn = 0;
    let fnorm = 0;
    for (let k = dim; k < (M - 1) * dim; k++) {
      P += F[k]! * vel[k]!;
      vn += vel[k]! * vel[k]!;
      fnorm += F[k]! * F[k]!;
    }
    if (P > 0) {
      vn = Math.sqrt(vn);
      fnorm = Math.sqrt(fnorm) || 1;
      for (let k = dim; k < (M - 1) * dim; k++) vel[k] = (1 - alpha) * vel[k]! + (alpha * vn * F[k]!) / fnorm;
      if (++sincePos > 5) {
        dt = Math.min(dt * 1.1, dtMax);
        alpha *= 0.99;
      }
    } else {
      vel.fill(0);
      dt *= 0.5;
      alpha = 0.1;
      sincePos = 0;
    }
    for (let i = 1; i < M - 1; i++) {
      const o = i * dim;
      let step = 0;
      for (let k = 0; k < dim; k++) {
        vel[o + k] = vel[o + k]! + dt * F[o + k]!;
        step += (dt * vel[o + k]!) ** 2;
      }
      step = Math.sqrt(step);
      // A clipped step clips the velocity too, or it would keep growing behind the clip.
      const c = step > maxStep ? maxStep / step : 1;
      for (let k = 0; k < dim; k++) {
        vel[o + k] = c * vel[o + k]!;
        R[o + k] = R[o + k]! + dt * vel[o + k]!;
      }
    }
    evalAll();
    maxF = forces(iter + 1);
    // NEB forces are not a gradient, so FIRE's energy check (P < 0) can miss an explicit-step instability
    // (images reaching stiffer regions than estimated): when the force grows well past its best, halve
    // the step cap and restart the velocities.
    if (maxF > 3 * bestF) {
      vel.fill(0);
      dtMax *= 0.5;
      dt = Math.min(dt, dtMax) * 0.5;
      alpha = 0.1;
      sincePos = 0;
      bestF = maxF;
    } else bestF = Math.min(bestF, maxF);
  }

  const s = new Float64Array(M);
  for (let i = 1; i < M; i++) {
    let d = 0;
    for (let k = 0; k < dim; k++) d += (R[i * dim + k]! - R[(i - 1) * dim + k]!) ** 2;
    s[i] = s[i - 1]! + Math.sqrt(d);
  }
  const total = s[M - 1]! || 1;
  for (let i = 0; i < M; i++) s[i] = s[i]! / total;
  let top = 0;
  for (let i = 1; i < M; i++) if (V[i]! > V[top]!) top = i;
  // The straight-line comparison at the same arc-length fractions.
  const line = new Float64Array(dim);
  for (let i = 0; i < M; i++) {
    for (let k = 0; k < dim; k++) line[k] = (1 - s[i]!) * from[k]! + s[i]! * to[k]!;
    straightLoss[i] = f.loss(line);
  }
  return {
    images: R,
    loss: Float64Array.from(V),
    s,
    straightLoss,
    barrier: V[top]! - V[0]!,
    reverseBarrier: V[top]! - V[M - 1]!,
    climbing: climbing >= 0 ? climbing : top,
    maxForce: maxF,
    iterations: iter,
    converged,
  };
}

/** |λ|max of the Hessian at p by 30 steps of power iteration on Hessian-vector products. */
function curvatureBound(f: Objective, p: Float64Array): number {
  const n = p.length;
  const { hvp } = createHvp(f, Float64Array.from(p));
  let v = new Float64Array(n);
  let w = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = Math.sin(1 + i * 12.9898); // deterministic, not aligned with any axis
  let lam = 0;
  for (let it = 0; it < 30; it++) {
    let nv = 0;
    for (let i = 0; i < n; i++) nv += v[i]! * v[i]!;
    nv = Math.sqrt(nv);
    if (!(nv > 0)) break;
    for (let i = 0; i < n; i++) v[i] = v[i]! / nv;
    hvp(v, w);
    let nw = 0;
    for (let i = 0; i < n; i++) nw += w[i]! * w[i]!;
    lam = Math.sqrt(nw);
    [v, w] = [w, v];
  }
  return Number.isFinite(lam) ? lam : 0;
}
