import { describe, expect, it } from 'vitest';
import { analyzePoint } from '../../../src/core/analysis/analyzePoint';
import { classifySpectrum } from '../../../src/core/analysis/classify';
import { validateExperiment, formatProblems } from '../../../src/core/experiment/validate';
import { cpwlToNetwork } from '../../../src/core/network/cpwl';
import { createDenseNetwork } from '../../../src/core/network/dense';
import { setUp } from '../../../src/core/setup';

function setup(model: Record<string, unknown>, x: number[] | [number, number][], y: number[]) {
  const v = validateExperiment({
    relief: 1,
    data: { target: { expr: 'x' }, train: { x, y } },
    model,
    runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 1 }],
  });
  if (!v.ok) throw new Error(formatProblems(v.problems));
  return setUp(v.experiment);
}

// 40 points in [-1, 1], none exactly on a kink of the networks below.
const xs = Array.from({ length: 40 }, (_, i) => -0.987 + i * 0.0503);

describe('classification rules', () => {
  it('counts eigenvalues within the tolerance as flat', () => {
    const c = classifySpectrum([-1, 1e-12, 2], { symmetryFlat: 0 });
    expect(c).toMatchObject({ classification: 'saddle', index: 1, flat: 1 });
    expect(classifySpectrum([1e-13, 1, 2], { symmetryFlat: 1 }).classification).toBe('minimum');
    expect(classifySpectrum([1e-13, 1, 2], { symmetryFlat: 0 }).classification).toBe('degenerate');
    expect(classifySpectrum([-3, -1], {}).classification).toBe('maximum');
  });
});

describe('classification of constructed points with known answers', () => {
  it('an exact CPWL fit (cpwlToNetwork) is a global minimum of loss 0; its flat directions are the k rescalings', () => {
    const knots: [number, number][] = [
      [-0.8, 0.2],
      [-0.2, 1],
      [0.4, -0.3],
      [0.9, 0.5],
    ];
    const { hidden, params } = cpwlToNetwork(knots);
    const net = createDenseNetwork({ inputs: 1, hidden: [hidden], activation: 'relu', leakySlope: 0 });
    const y = new Float64Array(xs.length);
    net.predict(params, Float64Array.from(xs), y);
    const su = setup({ inputs: 1, hidden: [hidden], params: Array.from(params) }, xs, Array.from(y));
    const a = analyzePoint(su, params, 'cpwl');
    expect(a.loss).toBeLessThan(1e-28);
    expect(a.gradNorm).toBeLessThan(1e-13);
    expect(a.critical).toBe(true);
    expect(a.classification).toBe('minimum');
    expect(a.index).toBe(0);
    expect(a.flat).toBe(hidden);
    expect(a.symmetryFlat).toBe(hidden);
    expect(a.symmetries!.generators.rescaling).toBe(hidden);
    expect(a.symmetries!.deadUnits).toEqual([]);
  });

  it('the all-zero point of a ReLU net: every unit on its kink, one curved direction (the output bias), degenerate', () => {
    const su = setup(
      { inputs: 1, hidden: [4], params: Array(13).fill(0) },
      xs,
      xs.map((x) => x - xs.reduce((a, b) => a + b) / xs.length),
    );
    const a = analyzePoint(su, new Float64Array(13), 'zero');
    expect(a.gradNorm).toBeLessThan(1e-15);
    expect(a.classification).toBe('degenerate');
    expect(a.index).toBe(0);
    expect(a.flat).toBe(12);
    expect(a.symmetryFlat).toBe(0);
    expect(a.symmetries!.kinkUnits.length).toBe(4);
    expect(a.eigenvalues[12]).toBeCloseTo(2, 12); // d²L/dc² = 2
  });

  it('a strictly dead ReLU unit adds exactly flat directions that the analysis explains', () => {
    // unit 2 has w = 1, b = -5: z = x - 5 < 0 on [-1, 1]
    const p = [1, 1, 0, -5, 1, 0.5, 0];
    const su = setup(
      { inputs: 1, hidden: [2], params: p },
      xs,
      xs.map((x) => Math.max(0, x)),
    );
    const a = analyzePoint(su, Float64Array.from(p), 'dead');
    expect(a.symmetries!.deadUnits).toEqual([{ layer: 1, unit: 2 }]);
    expect(a.symmetries!.generators.deadUnit).toBe(1);
    // 3 dead directions (w, b, out weight of unit 2) + unit 1's rescaling
    expect(a.symmetryFlat).toBe(4);
  });

  describe('a 2-layer linear net f = a(w·x + b) + c (activation "linear")', () => {
    // 2 inputs on a symmetric grid: E[x1] = E[x2] = E[x1 x2] = 0, E[x1^2] = E[x2^2] = s2; y = β·x with β = (3, 1).
    const g = [-1, -0.5, 0, 0.5, 1];
    const x2: [number, number][] = g.flatMap((u) => g.map((v) => [u, v] as [number, number]));
    const y2 = x2.map(([u, v]) => 3 * u + v);
    const s2 = g.reduce((a, u) => a + u * u, 0) / g.length;
    const model = { inputs: 2, hidden: [1], activation: 'linear' };
    // layout: [w1, w2, b, a, c]

    it('a = 0 with w ⊥ β is a saddle of index 1 (Baldi & Hornik 1989); its two flat directions are symmetries', () => {
      const p = Float64Array.from([0.5, -1.5, 0, 0, 0]);
      const a = analyzePoint(setup({ ...model, params: Array.from(p) }, x2, y2), p, 'saddle');
      expect(a.gradNorm).toBeLessThan(1e-13);
      expect(a.classification).toBe('saddle');
      expect(a.index).toBe(1);
      expect(a.flat).toBe(2);
      expect(a.symmetryFlat).toBe(2);
      // the (w, a) block: λ = s|w|² ± sqrt(s²|w|⁴ + 4 s²|β|²)
      const w2 = 0.5 ** 2 + 1.5 ** 2;
      const disc = Math.sqrt(s2 * s2 * w2 * w2 + 4 * s2 * s2 * 10);
      expect(a.eigenvalues[0]).toBeCloseTo(s2 * w2 - disc, 10);
      expect(a.eigenvalues[4]).toBeCloseTo(s2 * w2 + disc, 10);
    });

    it('a·w = β is the global minimum (loss 0), flat only along the symmetries', () => {
      const p = Float64Array.from([1.5, 0.5, 0, 2, 0]);
      const a = analyzePoint(setup({ ...model, params: Array.from(p) }, x2, y2), p, 'min');
      expect(a.loss).toBeLessThan(1e-28);
      expect(a.classification).toBe('minimum');
      expect(a.flat).toBe(2);
      expect(a.symmetryFlat).toBe(2);
    });

    it('the origin of a 1-input net with 2 hidden units is a saddle of index 2 with eigenvalues ±2E[xy]', () => {
      const x1 = g;
      const y1 = g.map((x) => 2 * x); // E[y] = 0, E[xy] = 2 E[x^2]
      const p = new Float64Array(7);
      const a = analyzePoint(
        setup({ inputs: 1, hidden: [2], activation: 'linear', params: Array.from(p) }, x1, y1),
        p,
        'origin',
      );
      expect(a.classification).toBe('saddle');
      expect(a.index).toBe(2);
      expect(a.eigenvalues[0]).toBeCloseTo(-4 * s2, 12);
      expect(a.eigenvalues[6]).toBeCloseTo(Math.max(2, 4 * s2), 12);
      expect(a.flat).toBe(2);
      expect(a.symmetryFlat).toBe(2);
    });

    it('with E[y] ≠ 0 the origin has eigenvalues ±2·sqrt(E[xy]² + E[y]²) and is not a critical point (∂L/∂c = −2E[y])', () => {
      // Each unit's output weight a couples to its w and b through −2E[xy] and −2E[y]; c alone has 2.
      const y1 = g.map((x) => 2 * x + 1); // E[y] = 1, E[xy] = 2 E[x^2]
      const p = new Float64Array(7);
      const a = analyzePoint(
        setup({ inputs: 1, hidden: [2], activation: 'linear', params: Array.from(p) }, g, y1),
        p,
        'origin',
      );
      const lam = 2 * Math.hypot(2 * s2, 1);
      expect(a.eigenvalues[0]).toBeCloseTo(-lam, 12);
      expect(a.eigenvalues[1]).toBeCloseTo(-lam, 12);
      expect(a.eigenvalues[6]).toBeCloseTo(lam, 12);
      expect(Array.from(a.eigenvalues).some((v) => Math.abs(v - 2) < 1e-12)).toBe(true);
      expect(Math.abs(a.eigenvalues[0]! + 4 * s2)).toBeGreaterThan(0.1); // not ±2E[xy]
      expect(a.gradNorm).toBeCloseTo(2, 12);
      expect(a.critical).toBe(false);
      expect(a.index).toBe(2);
    });
  });
});
