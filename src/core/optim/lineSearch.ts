/**
 * Line searches shared by the quasi-Newton and conjugate-gradient methods. `cubicInterpolate` and
 * `strongWolfe` are line-for-line ports of torch/optim/lbfgs.py (`_cubic_interpolate`, `_strong_wolfe`,
 * themselves ports of torch7's polyinterp.lua and lswolfe.lua), so L-BFGS matches torch.optim.LBFGS;
 * `armijoBacktracking` is the textbook sufficient-decrease search (Nocedal & Wright, Alg. 3.1).
 */
import type { Objective } from '../objective';
import { axpyInto, dot, maxAbs } from './vec';

/** Minimiser of the cubic through (x1, f1, g1) and (x2, f2, g2), clamped to bounds (default [x1, x2]). */
export function cubicInterpolate(
  x1: number,
  f1: number,
  g1: number,
  x2: number,
  f2: number,
  g2: number,
  bounds?: readonly [number, number],
): number {
  const [lo, hi] = bounds ?? (x1 <= x2 ? [x1, x2] : [x2, x1]);
  const d1 = g1 + g2 - (3 * (f1 - f2)) / (x1 - x2);
  const d2Square = d1 ** 2 - g1 * g2;
  if (d2Square >= 0) {
    const d2 = Math.sqrt(d2Square);
    const minPos =
      x1 <= x2
        ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
        : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2));
    return Math.min(Math.max(minPos, lo), hi);
  }
  return (lo + hi) / 2;
}

/** φ(t): the loss at x + t·d, with its gradient written into g. */
export type DirectionalEval = (t: number, g: Float64Array) => number;

/** Evaluations along x + t·d of an objective, through one scratch vector. */
export function directional(
  f: Objective,
  x: Float64Array,
  d: Float64Array,
  scratch: Float64Array,
): DirectionalEval {
  return (t, g) => {
    axpyInto(scratch, x, t, d);
    return f.lossGrad(scratch, g);
  };
}

export interface LineSearchResult {
  /** Loss and gradient at the accepted step. */
  f: number;
  g: Float64Array;
  t: number;
  evals: number;
}

export interface StrongWolfeOptions {
  c1?: number;
  c2?: number;
  toleranceChange?: number;
  maxLs?: number;
}

/**
 * torch's `_strong_wolfe`: bracket a step satisfying the strong Wolfe conditions
 * φ(t) ≤ φ(0) + c1·t·φ'(0) and |φ'(t)| ≤ -c2·φ'(0), then zoom by safeguarded cubic interpolation.
 * f, g, gtd are φ(0), ∇L(x), φ'(0). Gradient vectors are never mutated after creation (as torch's clones).
 */
export function strongWolfe(
  phi: DirectionalEval,
  t0: number,
  d: Float64Array,
  f: number,
  g: Float64Array,
  gtd: number,
  { c1 = 1e-4, c2 = 0.9, toleranceChange = 1e-9, maxLs = 25 }: StrongWolfeOptions = {},
): LineSearchResult {
  let t = t0;
  const dNorm = maxAbs(d);
  g = g.slice();
  let gNew = new Float64Array(d.length);
  let fNew = phi(t, gNew);
  let evals = 1;
  let gtdNew = dot(gNew, d);

  let tPrev = 0;
  let fPrev = f;
  let gPrev = g;
  let gtdPrev = gtd;
  let done = false;
  let lsIter = 0;
  let bracket: number[] = [];
  let bracketF: number[] = [];
  let bracketG: Float64Array[] = [];
  let bracketGtd: number[] = [];
  while (lsIter < maxLs) {
    if (fNew > f + c1 * t * gtd || (lsIter > 1 && fNew >= fPrev)) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew.slice()];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    if (Math.abs(gtdNew) <= -c2 * gtd) {
      bracket = [t];
      bracketF = [fNew];
      bracketG = [gNew];
      done = true;
      break;
    }
    if (gtdNew >= 0) {
      bracket = [tPrev, t];
      bracketF = [fPrev, fNew];
      bracketG = [gPrev, gNew.slice()];
      bracketGtd = [gtdPrev, gtdNew];
      break;
    }
    // extrapolate
    const minStep = t + 0.01 * (t - tPrev);
    const maxStep = t * 10;
    const tmp = t;
    t = cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, [minStep, maxStep]);
    tPrev = tmp;
    fPrev = fNew;
    gPrev = gNew.slice();
    gtdPrev = gtdNew;
    gNew = new Float64Array(d.length);
    fNew = phi(t, gNew);
    evals++;
    gtdNew = dot(gNew, d);
    lsIter++;
  }
  if (lsIter === maxLs) {
    bracket = [0, t];
    bracketF = [f, fNew];
    bracketG = [g, gNew];
  }

  // zoom
  let insufProgress = false;
  let [lowPos, highPos] = bracketF[0]! <= bracketF[bracketF.length - 1]! ? [0, 1] : [1, 0];
  while (!done && lsIter < maxLs) {
    if (Math.abs(bracket[1]! - bracket[0]!) * dNorm < toleranceChange) break;
    t = cubicInterpolate(
      bracket[0]!,
      bracketF[0]!,
      bracketGtd[0]!,
      bracket[1]!,
      bracketF[1]!,
      bracketGtd[1]!,
    );
    const bMax = Math.max(bracket[0]!, bracket[1]!);
    const bMin = Math.min(bracket[0]!, bracket[1]!);
    const eps = 0.1 * (bMax - bMin);
    if (Math.min(bMax - t, t - bMin) < eps) {
      if (insufProgress || t >= bMax || t <= bMin) {
        t = Math.abs(t - bMax) < Math.abs(t - bMin) ? bMax - eps : bMin + eps;
        insufProgress = false;
      } else insufProgress = true;
    } else insufProgress = false;

    gNew = new Float64Array(d.length);
    fNew = phi(t, gNew);
    evals++;
    gtdNew = dot(gNew, d);
    lsIter++;

    if (fNew > f + c1 * t * gtd || fNew >= bracketF[lowPos]!) {
      bracket[highPos] = t;
      bracketF[highPos] = fNew;
      bracketG[highPos] = gNew;
      bracketGtd[highPos] = gtdNew;
      [lowPos, highPos] = bracketF[0]! <= bracketF[1]! ? [0, 1] : [1, 0];
    } else {
      if (Math.abs(gtdNew) <= -c2 * gtd) done = true;
      else if (gtdNew * (bracket[highPos]! - bracket[lowPos]!) >= 0) {
        bracket[highPos] = bracket[lowPos]!;
        bracketF[highPos] = bracketF[lowPos]!;
        bracketG[highPos] = bracketG[lowPos]!;
        bracketGtd[highPos] = bracketGtd[lowPos]!;
      }
      bracket[lowPos] = t;
      bracketF[lowPos] = fNew;
      bracketG[lowPos] = gNew;
      bracketGtd[lowPos] = gtdNew;
    }
  }
  return { f: bracketF[lowPos]!, g: bracketG[lowPos]!, t: bracket[lowPos]!, evals };
}

/**
 * Backtracking until sufficient decrease φ(t) ≤ φ(0) + c1·t·φ'(0): t ← shrink·t from t0, at most maxEvals
 * losses. Returns the accepted t and its loss, or t = 0 (no move) if no step decreased enough.
 */
export function armijoBacktracking(
  loss: (t: number) => number,
  f0: number,
  gtd: number,
  t0: number,
  c1: number,
  shrink: number,
  maxEvals: number,
): { t: number; f: number; evals: number } {
  let t = t0;
  for (let k = 1; k <= maxEvals; k++) {
    const ft = loss(t);
    if (ft <= f0 + c1 * t * gtd) return { t, f: ft, evals: k };
    t *= shrink;
  }
  return { t: 0, f: f0, evals: maxEvals };
}
