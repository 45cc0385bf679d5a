/** The 2-D slice of parameter space a loss grid is drawn on (see EngineDef.lossPlane). */
export interface LossPlane {
  center: Float64Array;
  d1: Float64Array;
  d2: Float64Array;
  alphas: Float64Array;
  betas: Float64Array;
}

/** p = center + alpha·d1 + beta·d2, written into p. */
export function planePoint(plane: LossPlane, alpha: number, beta: number, p: Float64Array): void {
  const { center, d1, d2 } = plane;
  for (let k = 0; k < p.length; k++) p[k] = center[k]! + alpha * d1[k]! + beta * d2[k]!;
}
