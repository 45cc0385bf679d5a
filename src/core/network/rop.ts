/**
 * Exact curvature-vector products for the dense network by Pearlmutter's R-operator
 * (forward-over-backward): one forward pass that also propagates the directional derivatives
 * R(z) = d/dε z(θ + εv), then one backward pass that also propagates R(δ). Cost is about twice a
 * gradient; no finite differences, so products are exact to rounding for any depth and activation
 * (f'' from the activation registry feeds the Hessian term).
 *
 * Notation (layout of spec.ts): z_l = a_{l-1} W_l + b_l, a_l = f(z_l), a_L = z_L (linear output),
 * L(θ) = (1/n) Σ (a_L - y)^2. Backprop: δ_L = (2/n) e, δ_{l-1} = (δ_l W_l^T) ⊙ f'(z_{l-1}),
 * ∇W_l = a_{l-1}^T δ_l, ∇b_l = Σ δ_l. Applying R(·) to every line gives H·v:
 *   R(z_l) = R(a_{l-1}) W_l + a_{l-1} V_l + Vb_l,   R(a_l) = f'(z_l) ⊙ R(z_l),
 *   R(δ_L) = (2/n) R(a_L),
 *   R(δ_{l-1}) = (R(δ_l) W_l^T + δ_l V_l^T) ⊙ f'(z_{l-1}) + (δ_l W_l^T) ⊙ f''(z_{l-1}) ⊙ R(z_{l-1}),
 *   R(∇W_l) = R(a_{l-1})^T δ_l + a_{l-1}^T R(δ_l),   R(∇b_l) = Σ R(δ_l).
 * Dropping every term that carries δ (the residual) leaves the Gauss-Newton product G·v = (2/n) J^T J v.
 * For another per-sample loss ℓ(f, y) (losses.ts) the output lines read δ_L = (1/n) ℓ'(a_L),
 * R(δ_L) = (1/n) ℓ''(a_L) R(a_L), and G·v = (1/n) Jᵀ diag(ℓ'') J v (for MSE ℓ' = 2e, ℓ'' = 2).
 */
import { getActivation } from './activations';
import { losses } from './losses';
import { expandParams, fixedEntries, layoutOf, restrictParams, type NetworkSpec } from './spec';

const BLOCK = 128;

export interface DenseCurvature {
  readonly dim: number;
  /** H(p)·v of the loss on the samples (or the listed subset) into out; returns the loss at p. */
  hvp(
    p: Float64Array,
    v: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    out: Float64Array,
    subset?: Int32Array | null,
  ): number;
  /** Gauss-Newton product G(p)·v = (1/n) Jᵀ diag(ℓ'') J v (positive semidefinite) into out; returns the loss at p. */
  gnvp(
    p: Float64Array,
    v: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    out: Float64Array,
    subset?: Int32Array | null,
  ): number;
}

export function createDenseCurvature(spec: NetworkSpec): DenseCurvature {
  const layout = layoutOf(spec);
  const act = getActivation(spec.activation);
  const slope = spec.leakySlope;
  const L = layout.layers.length;
  const widths = layout.widths;
  const alloc = () => widths.map((w) => new Float64Array(BLOCK * w));
  // Forward values and their R-derivatives; backward deltas and theirs. a[0] holds the inputs, ra[0] = 0.
  const z = alloc();
  const a = alloc();
  const rz = alloc();
  const ra = alloc();
  const d = alloc();
  const rd = alloc();
  const nIn = spec.inputs;
  const found = losses.get(spec.loss ?? 'mse');
  if (!found) throw new Error(`unknown loss '${spec.loss}'`);
  const loss = found;
  const isMse = loss.name === 'mse';

  function product(
    p: Float64Array,
    v: Float64Array,
    xs: Float64Array,
    ys: Float64Array,
    out: Float64Array,
    subset: Int32Array | null | undefined,
    hessian: boolean,
  ): number {
    const n = subset ? subset.length : ys.length;
    out.fill(0);
    const scale = 1 / n;
    let sum = 0;
    for (let start = 0; start < n; start += BLOCK) {
      const m = Math.min(BLOCK, n - start);
      const a0 = a[0]!;
      for (let r = 0; r < m; r++) {
        const s = subset ? subset[start + r]! : start + r;
        for (let i = 0; i < nIn; i++) a0[r * nIn + i] = xs[s * nIn + i]!;
      }
      // forward with R-forward
      for (let l = 1; l <= L; l++) {
        const ly = layout.layers[l - 1]!;
        const fi = ly.fanIn;
        const fo = ly.fanOut;
        const ain = a[l - 1]!;
        const rain = ra[l - 1]!;
        const zl = z[l]!;
        const rzl = rz[l]!;
        for (let r = 0; r < m; r++) {
          const zo = r * fo;
          for (let j = 0; j < fo; j++) {
            zl[zo + j] = p[ly.b + j]!;
            rzl[zo + j] = v[ly.b + j]!;
          }
          for (let i = 0; i < fi; i++) {
            const x = ain[r * fi + i]!;
            const rx = l === 1 ? 0 : rain[r * fi + i]!;
            const wo = ly.w + i * fo;
            for (let j = 0; j < fo; j++) {
              zl[zo + j] = zl[zo + j]! + x * p[wo + j]!;
              rzl[zo + j] = rzl[zo + j]! + rx * p[wo + j]! + x * v[wo + j]!;
            }
          }
        }
        const al = a[l]!;
        const ral = ra[l]!;
        const cnt = m * fo;
        if (l === L) {
          for (let k = 0; k < cnt; k++) {
            al[k] = zl[k]!;
            ral[k] = rzl[k]!;
          }
        } else {
          for (let k = 0; k < cnt; k++) {
            al[k] = act.f(zl[k]!, slope);
            ral[k] = act.df(zl[k]!, slope) * rzl[k]!;
          }
        }
      }
      // output deltas
      const aL = a[L]!;
      const raL = ra[L]!;
      const dL = d[L]!;
      const rdL = rd[L]!;
      for (let r = 0; r < m; r++) {
        const y = ys[subset ? subset[start + r]! : start + r]!;
        const f = aL[r]!;
        if (isMse) {
          const e = f - y;
          sum += e * e;
          dL[r] = scale * (2 * e);
          rdL[r] = scale * (2 * raL[r]!);
        } else {
          sum += loss.value(f, y);
          dL[r] = scale * loss.d1(f, y);
          rdL[r] = scale * loss.d2(f, y) * raL[r]!;
        }
      }
      // backward with R-backward
      for (let l = L; l >= 1; l--) {
        const ly = layout.layers[l - 1]!;
        const fi = ly.fanIn;
        const fo = ly.fanOut;
        const dl = d[l]!;
        const rdl = rd[l]!;
        const ain = a[l - 1]!;
        const rain = ra[l - 1]!;
        const withRa = hessian && l > 1;
        for (let r = 0; r < m; r++) {
          const dro = r * fo;
          for (let j = 0; j < fo; j++) out[ly.b + j] = out[ly.b + j]! + rdl[dro + j]!;
          for (let i = 0; i < fi; i++) {
            const x = ain[r * fi + i]!;
            const rx = withRa ? rain[r * fi + i]! : 0;
            const wo = ly.w + i * fo;
            for (let j = 0; j < fo; j++) out[wo + j] = out[wo + j]! + x * rdl[dro + j]! + rx * dl[dro + j]!;
          }
        }
        if (l > 1) {
          const dprev = d[l - 1]!;
          const rdprev = rd[l - 1]!;
          const zprev = z[l - 1]!;
          const rzprev = rz[l - 1]!;
          for (let r = 0; r < m; r++) {
            const dro = r * fo;
            for (let i = 0; i < fi; i++) {
              const wo = ly.w + i * fo;
              let t = 0;
              let rt = 0;
              for (let j = 0; j < fo; j++) {
                t += p[wo + j]! * dl[dro + j]!;
                rt += p[wo + j]! * rdl[dro + j]!;
                if (hessian) rt += v[wo + j]! * dl[dro + j]!;
              }
              const k = r * fi + i;
              const zk = zprev[k]!;
              const fp = act.df(zk, slope);
              dprev[k] = t * fp;
              rdprev[k] = rt * fp + (hessian ? t * act.d2f(zk, slope) * rzprev[k]! : 0);
            }
          }
        }
      }
    }
    return sum / n;
  }

  const fx = fixedEntries(spec);
  if (!fx)
    return {
      dim: layout.size,
      hvp: (p, v, xs, ys, out, subset) => product(p, v, xs, ys, out, subset, true),
      gnvp: (p, v, xs, ys, out, subset) => product(p, v, xs, ys, out, subset, false),
    };
  // Fixed entries: p expands with their values, v with zeros (they never move); the product is restricted.
  const pf = new Float64Array(layout.size);
  const vf = new Float64Array(layout.size);
  const of = new Float64Array(layout.size);
  const zeroBase = { free: fx.free, base: new Float64Array(layout.size) };
  const restricted =
    (hessian: boolean) =>
    (
      p: Float64Array,
      v: Float64Array,
      xs: Float64Array,
      ys: Float64Array,
      out: Float64Array,
      subset?: Int32Array | null,
    ) => {
      expandParams(fx, p, pf);
      expandParams(zeroBase, v, vf);
      const l = product(pf, vf, xs, ys, of, subset, hessian);
      restrictParams(fx, of, out);
      return l;
    };
  return { dim: fx.free.length, hvp: restricted(true), gnvp: restricted(false) };
}
