/** Grid fast paths against one objective evaluation per point, for both engines. */
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../../src/core/data/dataset';
import { engines } from '../../../src/core/engine/registry';
import type { NetworkSpec } from '../../../src/core/network/spec';
import { layoutOf } from '../../../src/core/network/spec';
import { createRng } from '../../../src/core/rng';

function problem(spec: NetworkSpec, n: number, seed: number) {
  const rng = createRng(seed, 'plane');
  const x = Float64Array.from({ length: n * spec.inputs }, () => 4 * rng.uniform() - 2);
  const y = Float64Array.from(
    { length: n },
    (_, i) => Math.sin(3 * x[i * spec.inputs]!) + 0.1 * rng.normal(),
  );
  const dim = layoutOf(spec).size;
  const vec = () => Float64Array.from({ length: dim }, () => rng.normal());
  const data: Dataset = { inputs: spec.inputs, n, x, y };
  const alphas = Float64Array.from({ length: 7 }, (_, j) => -1 + j / 3);
  const betas = Float64Array.from({ length: 5 }, (_, i) => -0.5 + i / 4);
  return { data, plane: { center: vec(), d1: vec(), d2: vec(), alphas, betas } };
}

const cases: { engine: string; spec: NetworkSpec; n: number }[] = [
  { engine: 'exact', spec: { inputs: 1, hidden: [16], activation: 'relu', leakySlope: 0.01 }, n: 3001 },
  { engine: 'exact', spec: { inputs: 1, hidden: [5], activation: 'leakyRelu', leakySlope: 0.1 }, n: 50 },
  { engine: 'dense', spec: { inputs: 1, hidden: [16], activation: 'relu', leakySlope: 0.01 }, n: 3001 },
  { engine: 'dense', spec: { inputs: 2, hidden: [6], activation: 'tanh', leakySlope: 0.01 }, n: 2050 },
  { engine: 'dense', spec: { inputs: 2, hidden: [4, 3], activation: 'leakyRelu', leakySlope: 0.1 }, n: 1500 },
];

describe('lossPlane equals per-point evaluation', () => {
  for (const c of cases)
    it(`${c.engine}: ${c.spec.inputs} input(s), hidden ${JSON.stringify(c.spec.hidden)}, ${c.spec.activation}`, () => {
      const e = engines.get(c.engine)!;
      const { data, plane } = problem(c.spec, c.n, c.n);
      const rows = plane.betas.length;
      const cols = plane.alphas.length;
      const out = new Float64Array(rows * cols).fill(NaN);
      // Two row ranges, as a worker pool would split them.
      e.lossPlane!(c.spec, data, plane, 0, 2, out);
      e.lossPlane!(c.spec, data, plane, 2, rows, out);
      const f = e.createObjective(c.spec, data);
      const p = new Float64Array(plane.center.length);
      for (let i = 0; i < rows; i++)
        for (let j = 0; j < cols; j++) {
          for (let k = 0; k < p.length; k++)
            p[k] = plane.center[k]! + plane.alphas[j]! * plane.d1[k]! + plane.betas[i]! * plane.d2[k]!;
          const want = f.loss(p);
          expect(Math.abs(out[i * cols + j]! - want)).toBeLessThanOrEqual(1e-12 * want);
        }
    });
});
