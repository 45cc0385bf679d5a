/**
 * cg, gdLineSearch, hessianFree and newton: on a strictly convex quadratic they reach the known
 * minimiser; on networks the loss never rises (each method guarantees it: Armijo or Wolfe line searches,
 * rejected non-decreasing steps); on a tanh network they reach the minimum scipy's CG and Newton-CG find
 * (test/fixtures/scipy-minimize.json, made by scripts/fixtures/scipy_minimize.py).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../../src/core/experiment/validate';
import { inlineContext } from '../../../src/core/jobs/types';
import { newCounts, type Objective } from '../../../src/core/objective';
import { optimizers } from '../../../src/core/optim/registry';
import { setUp } from '../../../src/core/setup';
import { trainRun } from '../../../src/core/train/trainRun';

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/scipy-minimize.json', import.meta.url), 'utf8'),
) as {
  quadratic: {
    A: number[][];
    b: number[];
    x0: number[];
    minimizer: number[];
    scipyCG: number[];
    scipyNewtonCG: number[];
  };
  network: {
    inputs: 1;
    hidden: number[];
    activation: string;
    x: number[];
    y: number[];
    p0: number[];
    scipyCG: { x: number[]; fun: number };
    scipyNewtonCG: { x: number[]; fun: number };
  };
};

/** L(x) = ½xᵀAx - bᵀx with exact gradient and Hessian-vector products. */
function quadratic(A: number[][], b: number[]): Objective {
  const n = b.length;
  const counts = newCounts();
  const mul = (v: Float64Array, out: Float64Array) => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s += A[i]![j]! * v[j]!;
      out[i] = s;
    }
  };
  const ax = new Float64Array(n);
  const value = (x: Float64Array) => {
    mul(x, ax);
    let s = 0;
    for (let i = 0; i < n; i++) s += 0.5 * x[i]! * ax[i]! - b[i]! * x[i]!;
    return s;
  };
  return {
    dim: n,
    counts,
    loss(x) {
      counts.loss++;
      return value(x);
    },
    lossGrad(x, g) {
      counts.loss++;
      counts.grad++;
      const l = value(x);
      for (let i = 0; i < n; i++) g[i] = ax[i]! - b[i]!;
      return l;
    },
    hvp(_x, v, out) {
      counts.hvp++;
      mul(v, out);
    },
    // as a least-squares problem ½‖Rx - c‖² with RᵀR = A, the Gauss-Newton matrix is A itself
    gnvp(_x, v, out) {
      counts.hvp++;
      mul(v, out);
    },
    setBatch() {},
  };
}

const methods: [string, Record<string, unknown>, number][] = [
  ['cg', { variant: 'PR+' }, 60],
  ['cg', { variant: 'FR' }, 60],
  ['cg', { variant: 'HS' }, 60],
  ['gdLineSearch', {}, 3000],
  ['hessianFree', {}, 30],
  ['hessianFree', { curvature: 'gaussNewton' }, 30],
  ['newton', {}, 3],
];

function create(type: string, hp: Record<string, unknown>, dim: number) {
  const def = optimizers.get(type)!;
  return def.create(def.schema.parse(hp), dim);
}

describe('on a strictly convex quadratic: the known minimiser', () => {
  const q = fixture.quadratic;
  it('the fixture minimiser is what scipy found', () => {
    for (let i = 0; i < q.b.length; i++) {
      expect(q.scipyCG[i]).toBeCloseTo(q.minimizer[i]!, 8);
      expect(q.scipyNewtonCG[i]).toBeCloseTo(q.minimizer[i]!, 8);
    }
  });
  for (const [type, hp, steps] of methods)
    it(`${type} ${JSON.stringify(hp)} reaches A⁻¹b in ${steps} steps`, () => {
      const f = quadratic(q.A, q.b);
      const opt = create(type, hp, f.dim);
      const p = Float64Array.from(q.x0);
      let prev = Infinity;
      for (let k = 0; k < steps; k++) {
        const l = opt.step(p, f, 1);
        expect(l).toBeLessThanOrEqual(prev);
        prev = l;
      }
      for (let i = 0; i < p.length; i++) expect(Math.abs(p[i]! - q.minimizer[i]!)).toBeLessThan(1e-7);
    });

  it('newton with damping 0 lands on the minimiser in one step', () => {
    const f = quadratic(q.A, q.b);
    const p = Float64Array.from(q.x0);
    create('newton', {}, f.dim).step(p, f, 1);
    for (let i = 0; i < p.length; i++) expect(Math.abs(p[i]! - q.minimizer[i]!)).toBeLessThan(1e-12);
    expect(f.counts.hvp).toBe(f.dim);
  });
});

function networkRun(
  model: Record<string, unknown>,
  data: Record<string, unknown>,
  optimizer: Record<string, unknown>,
  steps: number,
) {
  const v = validateExperiment({ relief: 1, seed: 11, data, model, runs: [{ name: 'r', optimizer, steps }] });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return trainRun(setUp(v.experiment), 'r', inlineContext());
}

describe('on networks: the loss never rises', () => {
  for (const activation of ['tanh', 'softplus', 'relu'])
    for (const [type, hp] of methods)
      it(`${type} ${JSON.stringify(hp)}, ${activation} [6, 3]`, async () => {
        const r = await networkRun(
          { inputs: 2, hidden: [6, 3], activation, init: { scheme: 'xavier' } },
          { target: { expr: 'sin(2*x)*cos(y)' }, train: { n: 40 } },
          { type, ...hp },
          25,
        );
        expect(r.status).toBe('ok');
        for (let k = 1; k < r.loss.length; k++) expect(r.loss[k]).toBeLessThanOrEqual(r.loss[k - 1]!);
        expect(r.loss[25]).toBeLessThan(r.loss[0]!);
        if (type === 'newton' || type === 'hessianFree') expect(r.evals.hvp[25]).toBeGreaterThan(0);
        else expect(r.evals.hvp[25]).toBe(0);
      });
});

describe('on a tanh network: the minimum scipy finds', () => {
  const nw = fixture.network;
  it('scipy CG and Newton-CG agree', () => {
    for (let i = 0; i < nw.p0.length; i++) expect(nw.scipyCG.x[i]).toBeCloseTo(nw.scipyNewtonCG.x[i]!, 6);
  });
  for (const [type, hp, steps] of [
    ['cg', { variant: 'PR+' }, 200],
    ['newton', {}, 30],
    ['hessianFree', {}, 60],
    ['hessianFree', { curvature: 'gaussNewton' }, 60],
    ['gdLineSearch', {}, 5000],
  ] as const)
    it(`${type} ${JSON.stringify(hp)} reaches it`, async () => {
      const r = await networkRun(
        { inputs: nw.inputs, hidden: nw.hidden, activation: nw.activation, params: nw.p0 },
        { target: { expr: '0' }, train: { x: nw.x, y: nw.y } },
        { type, ...hp },
        steps,
      );
      const ref = nw.scipyNewtonCG;
      expect(Math.abs(r.loss[steps]! - ref.fun) / ref.fun).toBeLessThan(1e-9);
      const tol = type === 'gdLineSearch' ? 1e-4 : 1e-6;
      for (let i = 0; i < ref.x.length; i++) expect(Math.abs(r.params[i]! - ref.x[i]!)).toBeLessThan(tol);
    });
});
