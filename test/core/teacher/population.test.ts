/**
 * The teacher-student population loss (engine "population", network/population.ts) against
 * (1) the closed form written independently in torch and differentiated by autograd
 *     (test/fixtures/population.json, scripts/fixtures/population.py): loss, gradient, full Hessian, 1e-12;
 * (2) Monte-Carlo over x ~ N(0, I): loss and gradient of the dense engine on Gaussian samples of the same
 *     student and teacher within 5 standard errors, and the Hessian against central differences of the
 *     Monte-Carlo gradient (the sampled gradient is unbiased, so its difference quotient estimates H);
 * (3) finite differences of the closed form near θ = 0, θ = π and with a zero unit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateExperiment } from '../../../src/core/experiment/validate';
import { createPopulationLoss } from '../../../src/core/network/population';
import { setUp } from '../../../src/core/setup';

interface Case {
  name: string;
  d: number;
  k: number;
  n: number;
  teacher: number[];
  params: number[];
  loss: number;
  grad: number[];
  hessian: number[];
  monteCarlo: { loss: number; stdErr: number; samples: number };
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/population.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function experiment(c: Case, train: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  const v = validateExperiment({
    relief: 1,
    data: { teacher: { hidden: [c.k], weights: { params: c.teacher } }, train },
    model: { inputs: c.d, hidden: [c.n], bias: false, output: 'sum', params: c.params },
    runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.05 }, steps: 1 }],
    ...extra,
  });
  if (!v.ok) throw new Error(formatProblems(v.problems));
  return setUp(v.experiment);
}

function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 1e-300;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

function fullHessian(hvp: (v: Float64Array, out: Float64Array) => void, P: number): Float64Array {
  const H = new Float64Array(P * P);
  const e = new Float64Array(P);
  const col = new Float64Array(P);
  for (let j = 0; j < P; j++) {
    e.fill(0);
    e[j] = 1;
    hvp(e, col);
    for (let i = 0; i < P; i++) H[i * P + j] = col[i]!;
  }
  return H;
}

describe('population loss against the torch closed form', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: loss, gradient and Hessian to 1e-12`, () => {
      const s = experiment(c, { population: true });
      expect(s.engine.name).toBe('population');
      expect(s.dim).toBe(c.d * c.n);
      const f = s.objective();
      const p = Float64Array.from(c.params);
      const g = new Float64Array(f.dim);
      const loss = f.lossGrad(p, g);
      const H = fullHessian((v, out) => f.hvp!(p, v, out), f.dim);
      const errs = {
        loss: Math.abs(loss - c.loss) / Math.abs(c.loss),
        grad: relErr(g, c.grad),
        hessian: relErr(H, c.hessian),
      };
      console.log(`${c.name}: relative errors against torch`, errs);
      expect(errs.loss).toBeLessThan(1e-12);
      expect(errs.grad).toBeLessThan(1e-12);
      expect(errs.hessian).toBeLessThan(1e-12);
      // The fixture's own Monte-Carlo estimate (numpy samples) agrees with the formula.
      expect(Math.abs(c.monteCarlo.loss - loss)).toBeLessThan(5 * c.monteCarlo.stdErr);
    });
  }
});

describe('population loss against Monte-Carlo on Relief samples', () => {
  const c = fixture.cases[0]!;
  const N = 200_000;
  const pop = experiment(c, { population: true });
  const mc = experiment(c, { distribution: 'gaussian', n: N }, { seed: 11 });
  const p = Float64Array.from(c.params);

  it('loss and gradient within 5 standard errors', () => {
    expect(mc.engine.name).toBe('dense');
    const fp = pop.objective();
    const gp = new Float64Array(fp.dim);
    const lp = fp.lossGrad(p, gp);
    // Per-sample values give the standard errors.
    const d = mc.data.train;
    const out = new Float64Array(d.n);
    if (mc.kind === 'network') mc.predict(p, d.x, out);
    let m = 0;
    let m2 = 0;
    for (let i = 0; i < d.n; i++) {
      const e2 = (out[i]! - d.y[i]!) ** 2;
      m += e2;
      m2 += e2 * e2;
    }
    m /= d.n;
    const se = Math.sqrt((m2 / d.n - m * m) / d.n);
    const fm = mc.objective();
    const gm = new Float64Array(fm.dim);
    expect(fm.lossGrad(p, gm)).toBeCloseTo(m, 12);
    console.log(
      `loss: population ${lp.toFixed(5)}, Monte-Carlo ${m.toFixed(5)} ± ${se.toFixed(5)} (N = ${N})`,
    );
    expect(Math.abs(lp - m)).toBeLessThan(5 * se);
    // Gradient standard errors from 20 batches of the same samples.
    const B = 20;
    const batches: Float64Array[] = [];
    for (let b = 0; b < B; b++) {
      fm.setBatch(Int32Array.from({ length: N / B }, (_, i) => b * (N / B) + i));
      const gb = new Float64Array(fm.dim);
      fm.lossGrad(p, gb);
      batches.push(gb);
    }
    let worst = 0;
    for (let i = 0; i < fm.dim; i++) {
      const mean = batches.reduce((s, gb) => s + gb[i]!, 0) / B;
      const sd = Math.sqrt(batches.reduce((s, gb) => s + (gb[i]! - mean) ** 2, 0) / (B - 1));
      const z = Math.abs(gp[i]! - gm[i]!) / (sd / Math.sqrt(B));
      worst = Math.max(worst, z);
    }
    console.log(
      `gradient: largest |population - Monte-Carlo| / stdErr over ${fm.dim} entries = ${worst.toFixed(2)}`,
    );
    expect(worst).toBeLessThan(5);
  });

  it('Hessian: central differences of the Monte-Carlo gradient', () => {
    const fp = pop.objective();
    const fm = mc.objective();
    const P = fp.dim;
    const H = fullHessian((v, out) => fp.hvp!(p, v, out), P);
    const h = 0.05;
    let worst = 0;
    let scale = 0;
    for (let j = 0; j < P; j += 3) {
      const a = p.slice();
      const b = p.slice();
      a[j] += h;
      b[j] -= h;
      const ga = new Float64Array(P);
      const gb = new Float64Array(P);
      fm.lossGrad(a, ga);
      fm.lossGrad(b, gb);
      // The same difference on the closed-form gradient separates the O(h²) bias from the sampling error.
      const pa = new Float64Array(P);
      const pb = new Float64Array(P);
      fp.lossGrad(a, pa);
      fp.lossGrad(b, pb);
      for (let i = 0; i < P; i++) {
        const mcCol = (ga[i]! - gb[i]!) / (2 * h);
        const popCol = (pa[i]! - pb[i]!) / (2 * h);
        worst = Math.max(worst, Math.abs(mcCol - popCol));
        scale = Math.max(scale, Math.abs(H[i * P + j]!));
        expect(Math.abs(popCol - H[i * P + j]!)).toBeLessThan(1e-2);
      }
    }
    console.log(
      `Hessian columns: max |Monte-Carlo difference - population difference| = ${worst.toFixed(4)} (entries up to ${scale.toFixed(2)})`,
    );
    expect(worst).toBeLessThan(0.05 * scale);
  });
});

describe('population loss near degenerate angles', () => {
  const d = 4;
  const V = Float64Array.from([1, 0, 0, 1, 0, 0, 0, 0]); // [4 x 2]: v1 = e1, v2 = e2
  const f = createPopulationLoss(d, 3, V, 2);
  const central = (w: Float64Array, i: number, h: number) => {
    const a = w.slice();
    const b = w.slice();
    a[i] += h;
    b[i] -= h;
    const ga = new Float64Array(w.length);
    const gb = new Float64Array(w.length);
    f.lossGrad(a, ga);
    f.lossGrad(b, gb);
    return { l: (f.loss(a) - f.loss(b)) / (2 * h), g: Array.from(ga, (x, k) => (x - gb[k]!) / (2 * h)) };
  };
  const cases: [string, number[]][] = [
    // columns w1, w2, w3 of W [4 x 3]
    [
      'w1 at 1e-7 rad from v1, w2 at π - 1e-7 from w3',
      [1, 0.3, -0.3, 1e-7, 0.2, -0.2 - 2e-8, 0, 0.5, -0.5, 0, 0.1, -0.1],
    ],
    ['w1 parallel to v1', [2, 0.3, 0.1, 0, 0.2, 0.5, 0, 0.5, -0.4, 0, 0.1, 0.3]],
    ['w3 = 0', [1, 0.3, 0, 0.2, 0.2, 0, 0.1, 0.5, 0, 0.3, 0.1, 0]],
  ];
  for (const [name, w0] of cases) {
    it(`${name}: finite loss, gradient and Hessian consistent with central differences`, () => {
      const w = Float64Array.from(w0);
      const g = new Float64Array(w.length);
      f.lossGrad(w, g);
      const H = fullHessian((v, out) => f.hvp(w, v, out), w.length);
      let gErr = 0;
      let hErr = 0;
      for (let i = 0; i < w.length; i++) {
        // A zero unit has no derivative along itself (a kink): compare only where the function is smooth.
        if (name === 'w3 = 0' && i % 3 === 2) continue;
        const fd = central(w, i, 1e-5);
        gErr = Math.max(gErr, Math.abs(fd.l - g[i]!));
        for (let r = 0; r < w.length; r++) {
          if (name === 'w3 = 0' && r % 3 === 2) continue;
          hErr = Math.max(hErr, Math.abs(fd.g[r]! - H[r * w.length + i]!));
        }
      }
      console.log(
        `${name}: max gradient error ${gErr.toExponential(2)}, max Hessian error ${hErr.toExponential(2)}`,
      );
      expect(H.every(Number.isFinite)).toBe(true);
      expect(gErr).toBeLessThan(1e-8);
      expect(hErr).toBeLessThan(1e-4);
    });
  }
});
