/**
 * Learning-rate schedules with torch.optim.lr_scheduler semantics, as if `scheduler.step()` were called
 * once after every optimizer step: the lr of update k (k = 0, 1, ...) is the scheduler's lr after k
 * calls. Each schedule uses torch's recursive (chainable) form, updating the current lr from the
 * previous one exactly as torch's `get_lr` does, so trajectories match torch to rounding.
 */
import { z } from 'zod';

export const scheduleSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      type: z.literal('step').describe('StepLR: multiply lr by gamma every stepSize updates.'),
      stepSize: z.int().min(1).max(1e9).describe('Updates between decays.'),
      gamma: z.number().positive().max(1e6).default(0.1).describe('Multiplicative factor of each decay.'),
    }),
    z.strictObject({
      type: z.literal('exponential').describe('ExponentialLR: multiply lr by gamma every update.'),
      gamma: z.number().positive().max(1e6).describe('Multiplicative factor per update.'),
    }),
    z.strictObject({
      type: z.literal('cosine').describe('CosineAnnealingLR: lr follows a half cosine from lr to etaMin.'),
      tMax: z.int().min(1).max(1e9).describe('Updates of one half period.'),
      etaMin: z.number().min(0).max(1e6).default(0).describe('Smallest learning rate.'),
    }),
    z.strictObject({
      type: z.literal('warmup').describe('LinearLR: lr grows linearly from startFactor·lr to endFactor·lr.'),
      startFactor: z
        .number()
        .gt(0)
        .max(1)
        .default(1 / 3)
        .describe('Factor of lr at the first update.'),
      endFactor: z.number().min(0).max(1).default(1).describe('Factor of lr after totalIters updates.'),
      totalIters: z.int().min(1).max(1e9).default(5).describe('Updates over which the factor changes.'),
    }),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? 'unknown schedule type; known: step, exponential, cosine, warmup'
        : undefined,
  },
);

export type ScheduleSpec = z.infer<typeof scheduleSchema>;

export interface Scheduler {
  /** Learning rate for the next update. */
  readonly lr: number;
  /** Called after each update (torch's scheduler.step()). */
  step(): void;
}

/** A scheduler starting from `baseLr`; with no schedule the lr stays constant. */
export function createScheduler(spec: ScheduleSpec | null | undefined, baseLr: number): Scheduler {
  let epoch = 0;
  // torch's constructor already performs step() with last_epoch = 0: only LinearLR changes lr there.
  let lr = spec?.type === 'warmup' ? baseLr * spec.startFactor : baseLr;
  const next = (): number => {
    if (!spec) return lr;
    switch (spec.type) {
      case 'step':
        return epoch % spec.stepSize !== 0 ? lr : lr * spec.gamma;
      case 'exponential':
        return lr * spec.gamma;
      case 'cosine': {
        const { tMax: T, etaMin } = spec;
        if ((((epoch - 1 - T) % (2 * T)) + 2 * T) % (2 * T) === 0)
          return lr + ((baseLr - etaMin) * (1 - Math.cos(Math.PI / T))) / 2;
        return (
          ((1 + Math.cos((Math.PI * epoch) / T)) / (1 + Math.cos((Math.PI * (epoch - 1)) / T))) *
            (lr - etaMin) +
          etaMin
        );
      }
      case 'warmup': {
        const { startFactor: s, endFactor: e, totalIters: n } = spec;
        if (epoch > n) return lr;
        return lr * (1 + (e - s) / (n * s + (epoch - 1) * (e - s)));
      }
    }
  };
  return {
    get lr() {
      return lr;
    },
    step() {
      epoch++;
      lr = next();
    },
  };
}
