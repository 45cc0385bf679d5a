/**
 * Loss on a grid of the plane: out[(i - rowStart)*alphas.length + j] = L(center + alphas[j] d1 + betas[i] d2)
 * for rows i in [rowStart, rowEnd). Uses the engine's fast `lossPlane` when it has one; otherwise one
 * objective.loss per point through a single reused parameter buffer (no allocation in the loop).
 */
import type { Dataset } from '../data/dataset';
import type { EngineDef } from '../engine/registry';
import type { NetworkSpec } from '../network/spec';
import type { Objective } from '../objective';
import type { Plane } from './plane';

export interface GridEvaluator {
  /** Fills out (length (rowEnd-rowStart)*alphas.length) for the given rows. */
  rows(rowStart: number, rowEnd: number, out: Float64Array): void;
  /** One point, for checks and refinement. */
  point(alpha: number, beta: number): number;
}

/** The engine's fast path, when the model is a network whose engine has one. */
export interface FastPlane {
  engine: EngineDef;
  spec: NetworkSpec;
  data: Dataset;
}

export function createGridEvaluator(
  fast: FastPlane | null,
  objective: Objective,
  plane: Plane,
  alphas: Float64Array,
  betas: Float64Array,
): GridEvaluator {
  const { center, d1, d2 } = plane;
  const dim = center.length;
  const p = new Float64Array(dim);
  const rowBase = new Float64Array(dim);
  const na = alphas.length;
  const point = (a: number, b: number): number => {
    for (let k = 0; k < dim; k++) p[k] = center[k]! + a * d1[k]! + b * d2[k]!;
    return objective.loss(p);
  };
  if (fast?.engine.lossPlane) {
    const { engine, spec, data } = fast;
    const lossPlane = engine.lossPlane!.bind(engine);
    return {
      // Pass only this block's betas so that `out` is indexed from the block's first row either way.
      rows: (rowStart, rowEnd, out) =>
        lossPlane(
          spec,
          data,
          { center, d1, d2, alphas, betas: betas.subarray(rowStart, rowEnd) },
          0,
          rowEnd - rowStart,
          out,
        ),
      point,
    };
  }
  return {
    rows(rowStart, rowEnd, out) {
      for (let i = rowStart; i < rowEnd; i++) {
        const b = betas[i]!;
        for (let k = 0; k < dim; k++) rowBase[k] = center[k]! + b * d2[k]!;
        const o = (i - rowStart) * na;
        for (let j = 0; j < na; j++) {
          const a = alphas[j]!;
          for (let k = 0; k < dim; k++) p[k] = rowBase[k]! + a * d1[k]!;
          out[o + j] = objective.loss(p);
        }
      }
    },
    point,
  };
}
