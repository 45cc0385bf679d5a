/**
 * The bce loss (binary cross-entropy on the logit, torch's BCEWithLogitsLoss with mean reduction) on the
 * dense engine against torch (test/fixtures/torch-bce.json, made by scripts/fixtures/torch_bce.py in
 * float64): loss, gradient, and the full Hessian assembled from Relief's R-operator products, for 3- and
 * 5-input networks, to 1e-9 relative. Explicit samples without a target, as users load their own data.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblems, validateExperiment } from '../../../src/core/experiment/validate';
import { setUp } from '../../../src/core/setup';

interface Case {
  name: string;
  inputs: number;
  hidden: number[];
  activation: string;
  x: number[][];
  y: number[];
  params: number[];
  loss: number;
  grad: number[];
  hessian: number[];
  maxAbsLogit: number;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/torch-bce.json', import.meta.url), 'utf8'),
) as { cases: Case[] };

function setupFor(c: Case) {
  const v = validateExperiment({
    relief: 1,
    data: { train: { x: c.x, y: c.y } },
    model: { inputs: c.inputs, hidden: c.hidden, activation: c.activation, params: c.params },
    loss: 'bce',
    runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 1 }],
  });
  if (!v.ok) throw new Error(formatProblems(v.problems));
  return setUp(v.experiment);
}

/** max |a - b| / max(1, max |b|): relative to the size of the reference. */
function relErr(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let num = 0;
  let den = 1;
  for (let i = 0; i < b.length; i++) {
    num = Math.max(num, Math.abs(a[i]! - b[i]!));
    den = Math.max(den, Math.abs(b[i]!));
  }
  return num / den;
}

describe('bce against torch BCEWithLogitsLoss', () => {
  it('covers 3- and 5-input networks', () => {
    expect(new Set(fixture.cases.map((c) => c.inputs))).toEqual(new Set([3, 5]));
  });
  for (const c of fixture.cases) {
    it(`${c.name}: loss, gradient and Hessian to 1e-9`, () => {
      const s = setUp(setupFor(c).experiment);
      expect(s.engine.name).toBe('dense');
      const f = s.objective();
      const p = Float64Array.from(c.params);
      const g = new Float64Array(f.dim);
      const loss = f.lossGrad(p, g);
      expect(f.loss(p)).toBe(loss);
      const P = f.dim;
      expect(P).toBe(c.grad.length);
      const H = new Float64Array(P * P);
      const e = new Float64Array(P);
      const col = new Float64Array(P);
      for (let j = 0; j < P; j++) {
        e.fill(0);
        e[j] = 1;
        f.hvp!(p, e, col);
        for (let i = 0; i < P; i++) H[i * P + j] = col[i]!;
      }
      const errs = {
        loss: Math.abs(loss - c.loss) / Math.abs(c.loss),
        grad: relErr(g, c.grad),
        hessian: relErr(H, c.hessian),
      };
      console.log(`${c.name} (max |logit| ${c.maxAbsLogit.toFixed(1)}): relative errors`, errs);
      expect(errs.loss).toBeLessThan(1e-9);
      expect(errs.grad).toBeLessThan(1e-9);
      expect(errs.hessian).toBeLessThan(1e-9);
    });
  }

  it('the Gauss-Newton product is (1/n) Jᵀ diag(σ(1-σ)) J: positive semidefinite and equal to H for a linear model', () => {
    const c = fixture.cases[0]!;
    // A linear model (no hidden layer): the bce Hessian is exactly the Gauss-Newton matrix.
    const v = validateExperiment({
      relief: 1,
      data: { train: { x: c.x, y: c.y } },
      model: { inputs: c.inputs, hidden: [], params: [0.3, -0.2, 0.5, 0.1] },
      loss: 'bce',
      runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 1 }],
    });
    if (!v.ok) throw new Error(formatProblems(v.problems));
    const f = setUp(v.experiment).objective();
    const p = Float64Array.from([0.3, -0.2, 0.5, 0.1]);
    const u = Float64Array.from([1, -2, 0.5, 3]);
    const hv = new Float64Array(4);
    const gv = new Float64Array(4);
    f.hvp!(p, u, hv);
    f.gnvp!(p, u, gv);
    expect(relErr(gv, hv)).toBeLessThan(1e-14);
    expect(u.reduce((s, ui, i) => s + ui * gv[i]!, 0)).toBeGreaterThan(0);
  });
});
