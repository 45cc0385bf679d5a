/**
 * Gradient clipping against torch's published formulas (torch.nn.utils): clip_grad_value_ clamps each
 * component to [−clip_value, clip_value]; clip_grad_norm_ multiplies by min(1, max_norm / (‖g‖₂ + 1e-6)).
 * Whole trajectories with clipping are checked against torch itself in torch.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Objective } from '../../../src/core/objective';
import { clipGradNorm, clipGradValue, clipObjective } from '../../../src/core/train/clip';

const fixedGrad = (grad: number[]): Objective => ({
  dim: grad.length,
  counts: { loss: 0, grad: 0, hvp: 0 },
  loss: () => 1,
  lossGrad: (_p, g) => {
    g.set(grad);
    return 1;
  },
  setBatch: () => undefined,
});

describe('gradient clipping (torch.nn.utils formulas)', () => {
  it('clip_grad_value_: each component clamped to [−c, c], the rest untouched, NaN kept', () => {
    const g = Float64Array.from([3, -0.2, -7, 0.5, 0, NaN]);
    clipGradValue(g, 0.5);
    expect(Array.from(g)).toEqual([0.5, -0.2, -0.5, 0.5, 0, NaN]);
  });

  it('clip_grad_norm_: scaled by max_norm / (‖g‖ + 1e-6) only when that is below 1', () => {
    const g = Float64Array.from([3, 4]);
    clipGradNorm(g, 1);
    expect(g[0]).toBeCloseTo((3 * 1) / (5 + 1e-6), 15);
    expect(g[1]).toBeCloseTo((4 * 1) / (5 + 1e-6), 15);
    const h = Float64Array.from([0.3, 0.4]);
    clipGradNorm(h, 1);
    expect(Array.from(h)).toEqual([0.3, 0.4]);
  });

  it('with both, the value clip comes first, then the norm of the clipped gradient', () => {
    const f = clipObjective(fixedGrad([3, -4, 0.1]), { value: 1, norm: 1 });
    const g = new Float64Array(3);
    f.lossGrad(new Float64Array(3), g);
    const n = Math.hypot(1, 1, 0.1); // after the value clip: [1, -1, 0.1]
    const s = 1 / (n + 1e-6);
    expect(g[0]).toBeCloseTo(s, 15);
    expect(g[1]).toBeCloseTo(-s, 15);
    expect(g[2]).toBeCloseTo(0.1 * s, 15);
  });

  it('without bounds the objective is passed through unchanged', () => {
    const f = fixedGrad([1, 2]);
    expect(clipObjective(f, { value: null, norm: null })).toBe(f);
  });
});
