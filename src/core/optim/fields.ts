/**
 * Hyperparameter fields shared by several optimizers, so the same name has the same range, help and
 * error message everywhere. Names and defaults are torch.optim's (camelCase); ranges are torch's checks.
 */
import { z } from 'zod';

export const lrField = (def: number) =>
  z.number().positive('lr must be > 0').max(1e6).default(def).describe('Learning rate α.');

export const epsField = (def: number, help = 'Term ε added to the denominator for numerical stability.') =>
  z.number().positive('eps must be > 0').max(1).default(def).describe(help);

export const weightDecayField = (def = 0, help = 'L2 penalty λ: λθ is added to the gradient.') =>
  z.number().min(0, 'weightDecay must be ≥ 0').max(1e6).default(def).describe(help);

const beta = z.number().min(0, 'betas must lie in [0, 1)').lt(1, 'betas must lie in [0, 1)');

export const betasField = (def: [number, number] = [0.9, 0.999]) =>
  z
    .tuple([beta, beta])
    .default(def)
    .describe('Decay rates (β1, β2) of the running averages of the gradient and its square.');
