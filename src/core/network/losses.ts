/**
 * Per-sample losses ℓ(f, y) of the network's linear output f, keyed by the Experiment's `loss` field. The
 * objective is the mean over samples; d1 and d2 are ∂ℓ/∂f and ∂²ℓ/∂f², which backprop and the R-operator
 * (rop.ts) need. One entry per loss.
 */
import { buildRegistry } from '../registry';

export interface PointLoss {
  readonly name: string;
  readonly help: string;
  value(f: number, y: number): number;
  d1(f: number, y: number): number;
  d2(f: number, y: number): number;
}

/** σ(f) without overflow: exp is only taken of a non-positive number. */
export function sigmoid(f: number): number {
  if (f >= 0) return 1 / (1 + Math.exp(-f));
  const e = Math.exp(f);
  return e / (1 + e);
}

const lossList: PointLoss[] = [
  {
    name: 'mse',
    help: 'Mean squared error: mean over samples of (f - y)², no factor 1/2.',
    value: (f, y) => (f - y) * (f - y),
    d1: (f, y) => 2 * (f - y),
    d2: () => 2,
  },
  {
    name: 'bce',
    help:
      "Binary cross-entropy on the linear output (logit), labels 0/1, as torch's BCEWithLogitsLoss with mean " +
      'reduction: ℓ = max(f, 0) - f·y + log(1 + exp(-|f|)), the log-sum-exp form that never overflows.',
    value: (f, y) => Math.max(f, 0) - f * y + Math.log1p(Math.exp(-Math.abs(f))),
    d1: (f, y) => sigmoid(f) - y,
    d2: (f) => {
      const s = sigmoid(f);
      return s * (1 - s);
    },
  },
];

export const losses = buildRegistry(lossList, (l) => l.name, 'loss');
export const lossNames = lossList.map((l) => l.name) as ['mse', 'bce'];
export type LossName = (typeof lossNames)[number];
