/**
 * The population loss of Safran & Shamir's teacher-student problem, in closed form. Student
 * f(x) = Σ_j max(0, w_jᵀx) (n units), teacher g(x) = Σ_l max(0, v_lᵀx) (k units), x ~ N(0, I_d):
 *
 *   L(W) = E[(f(x) - g(x))²] = Σ_{j,j'} κ(w_j, w_j') - 2 Σ_{j,l} κ(w_j, v_l) + Σ_{l,l'} κ(v_l, v_l'),
 *   κ(a, b) = E[max(0, aᵀx) max(0, bᵀx)] = ‖a‖‖b‖ (sin θ + (π - θ) cos θ) / (2π),  θ = ∠(a, b)
 *
 * (the arc-cosine kernel of degree 1; Relief's MSE has no factor 1/2, so L is twice Safran & Shamir's F).
 * Derivatives, with ā = a/‖a‖, q = b̄ - cos θ ā (= sin θ·u, u the unit vector of b's component normal to a)
 * and q' = ā - cos θ b̄ (= sin θ·s):
 *
 *   h(a, b)  = ∂κ/∂a     = (‖b‖ sin θ ā + (π - θ) b) / (2π)
 *   A(a; b)  = ∂²κ/∂a²   = ‖b‖ sin θ / (2π‖a‖) · (I - āāᵀ + uuᵀ)
 *   C(a, b)  = ∂²κ/∂a∂b  = ((π - θ) I + sin θ (ā b̄ᵀ + u sᵀ)) / (2π)   (= E[1{aᵀx>0} 1{bᵀx>0} x xᵀ])
 *   κ(w, w) = ‖w‖²/2 exactly, so the diagonal contributes w to the gradient and I to the Hessian:
 *
 *   ∇_{w_j} L = w_j + 2 Σ_{j'≠j} h(w_j, w_j') - 2 Σ_l h(w_j, v_l)
 *   H_{jj}   = I + 2 Σ_{j'≠j} A(w_j; w_j') - 2 Σ_l A(w_j; v_l),     H_{jj'} = 2 C(w_j, w_j')  (j ≠ j').
 *
 * θ = 2·atan2(‖ā - b̄‖, ‖ā + b̄‖) is accurate near 0 and π, where acos of the cosine is not. Zero vectors
 * follow Relief's ReLU convention (derivative 0 at 0): κ = 0 and h, A, C vanish when either vector is 0.
 * The Gauss-Newton matrix 2E[JᵀJ] has blocks I (diagonal) and 2C (off the diagonal).
 *
 * Layout: W is [d x n] row-major (w_j = column j, W[i*n + j]), V [d x k] likewise (spec.ts, teacher.ts).
 */

const TWO_PI = 2 * Math.PI;

/** Geometry of a pair (a, b): norms, angle, its sine and cosine. */
interface Pair {
  na: number;
  nb: number;
  theta: number;
  sin: number;
  cos: number;
}

export interface PopulationLoss {
  readonly dim: number;
  loss(w: Float64Array): number;
  lossGrad(w: Float64Array, g: Float64Array): number;
  /** H(w)·r into out. */
  hvp(w: Float64Array, r: Float64Array, out: Float64Array): void;
  /** Gauss-Newton product G(w)·r into out (blocks I and 2C). */
  gnvp(w: Float64Array, r: Float64Array, out: Float64Array): void;
}

export function createPopulationLoss(d: number, n: number, teacher: Float64Array, k: number): PopulationLoss {
  // Columns as contiguous vectors: student columns are refreshed from w at every call.
  const ws = Array.from({ length: n }, () => new Float64Array(d));
  const vs = Array.from({ length: k }, (_, l) =>
    Float64Array.from({ length: d }, (_, i) => teacher[i * k + l]!),
  );
  const rs = Array.from({ length: n }, () => new Float64Array(d));
  const abar = new Float64Array(d);
  const bbar = new Float64Array(d);
  const u = new Float64Array(d);
  const s = new Float64Array(d);
  const acc = new Float64Array(d);
  const pair: Pair = { na: 0, nb: 0, theta: 0, sin: 0, cos: 0 };

  const norm = (a: Float64Array) => {
    let t = 0;
    for (let i = 0; i < d; i++) t += a[i]! * a[i]!;
    return Math.sqrt(t);
  };
  const dot = (a: Float64Array, b: Float64Array) => {
    let t = 0;
    for (let i = 0; i < d; i++) t += a[i]! * b[i]!;
    return t;
  };

  /** Fills pair, abar, bbar; false when either vector is 0. */
  function geometry(a: Float64Array, b: Float64Array): boolean {
    const na = norm(a);
    const nb = norm(b);
    pair.na = na;
    pair.nb = nb;
    if (na === 0 || nb === 0) return false;
    let dm = 0;
    let dp = 0;
    for (let i = 0; i < d; i++) {
      const x = a[i]! / na;
      const y = b[i]! / nb;
      abar[i] = x;
      bbar[i] = y;
      dm += (x - y) * (x - y);
      dp += (x + y) * (x + y);
    }
    const theta = 2 * Math.atan2(Math.sqrt(dm), Math.sqrt(dp));
    pair.theta = theta;
    pair.sin = Math.sin(theta);
    pair.cos = Math.cos(theta);
    return true;
  }

  /** u = unit(b̄ - cos θ ā) and s = unit(ā - cos θ b̄); zero when the vectors are parallel. */
  function normals(): void {
    const c = pair.cos;
    for (let i = 0; i < d; i++) {
      u[i] = bbar[i]! - c * abar[i]!;
      s[i] = abar[i]! - c * bbar[i]!;
    }
    const nu = norm(u);
    const ns = norm(s);
    for (let i = 0; i < d; i++) {
      u[i] = nu > 0 ? u[i]! / nu : 0;
      s[i] = ns > 0 ? s[i]! / ns : 0;
    }
  }

  function kappa(a: Float64Array, b: Float64Array): number {
    if (!geometry(a, b)) return 0;
    return (pair.na * pair.nb * (pair.sin + (Math.PI - pair.theta) * pair.cos)) / TWO_PI;
  }

  /** out += factor·h(a, b). */
  function addH(a: Float64Array, b: Float64Array, factor: number, out: Float64Array): void {
    if (!geometry(a, b)) return;
    const c1 = (factor * pair.nb * pair.sin) / TWO_PI;
    const c2 = (factor * (Math.PI - pair.theta)) / TWO_PI;
    for (let i = 0; i < d; i++) out[i] = out[i]! + c1 * abar[i]! + c2 * b[i]!;
  }

  /** out += factor·A(a; b)·r. */
  function addA(a: Float64Array, b: Float64Array, r: Float64Array, factor: number, out: Float64Array): void {
    if (!geometry(a, b)) return;
    const c = (factor * pair.nb * pair.sin) / (TWO_PI * pair.na);
    if (c === 0) return;
    normals();
    const ar = dot(abar, r);
    const ur = dot(u, r);
    for (let i = 0; i < d; i++) out[i] = out[i]! + c * (r[i]! - abar[i]! * ar + u[i]! * ur);
  }

  /** out += factor·C(a, b)·r. */
  function addC(a: Float64Array, b: Float64Array, r: Float64Array, factor: number, out: Float64Array): void {
    if (!geometry(a, b)) return;
    normals();
    const c0 = (factor * (Math.PI - pair.theta)) / TWO_PI;
    const c1 = (factor * pair.sin) / TWO_PI;
    const br = dot(bbar, r);
    const sr = dot(s, r);
    for (let i = 0; i < d; i++) out[i] = out[i]! + c0 * r[i]! + c1 * (abar[i]! * br + u[i]! * sr);
  }

  function load(w: Float64Array, into: Float64Array[]): void {
    for (let i = 0; i < d; i++) for (let j = 0; j < n; j++) into[j]![i] = w[i * n + j]!;
  }
  function store(from: Float64Array, j: number, out: Float64Array): void {
    for (let i = 0; i < d; i++) out[i * n + j] = from[i]!;
  }

  let teacherTerm = 0;
  for (let l = 0; l < k; l++) for (let m = 0; m < k; m++) teacherTerm += kappa(vs[l]!, vs[m]!);

  function loss(w: Float64Array): number {
    load(w, ws);
    let sum = teacherTerm;
    for (let j = 0; j < n; j++) {
      const wj = ws[j]!;
      const nj = norm(wj);
      sum += (nj * nj) / 2;
      for (let m = j + 1; m < n; m++) sum += 2 * kappa(wj, ws[m]!);
      for (let l = 0; l < k; l++) sum -= 2 * kappa(wj, vs[l]!);
    }
    return sum;
  }

  function lossGrad(w: Float64Array, g: Float64Array): number {
    const value = loss(w);
    for (let j = 0; j < n; j++) {
      const wj = ws[j]!;
      acc.set(wj);
      for (let m = 0; m < n; m++) if (m !== j) addH(wj, ws[m]!, 2, acc);
      for (let l = 0; l < k; l++) addH(wj, vs[l]!, -2, acc);
      store(acc, j, g);
    }
    return value;
  }

  function product(w: Float64Array, r: Float64Array, out: Float64Array, hessian: boolean): void {
    load(w, ws);
    load(r, rs);
    for (let j = 0; j < n; j++) {
      const wj = ws[j]!;
      acc.set(rs[j]!);
      for (let m = 0; m < n; m++) {
        if (m === j) continue;
        addC(wj, ws[m]!, rs[m]!, 2, acc);
        if (hessian) addA(wj, ws[m]!, rs[j]!, 2, acc);
      }
      if (hessian) for (let l = 0; l < k; l++) addA(wj, vs[l]!, rs[j]!, -2, acc);
      store(acc, j, out);
    }
  }

  return {
    dim: d * n,
    loss,
    lossGrad,
    hvp: (w, r, out) => product(w, r, out, true),
    gnvp: (w, r, out) => product(w, r, out, false),
  };
}
