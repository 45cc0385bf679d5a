/** One run of an experiment: an optimizer, a step budget and its batching. */
import { z } from 'zod';
import { optimizerList } from '../optim/registry';
import { scheduleSchema } from '../train/schedule';
import { LIMITS } from './limits';

const optimizerVariants = optimizerList.map((d) => d.schema.extend({ type: z.literal(d.type) }));

export const optimizerSchema = z.discriminatedUnion(
  'type',
  optimizerVariants as unknown as [
    (typeof optimizerVariants)[number],
    ...(typeof optimizerVariants)[number][],
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? `unknown optimizer type; known: ${optimizerList.map((d) => d.type).join(', ')}`
        : undefined,
  },
);

export const runSchema = z.strictObject({
  name: z.string().min(1).max(64).describe('Unique name of the run, shown in legends.'),
  optimizer: optimizerSchema,
  steps: z.int().min(0).max(LIMITS.steps).default(500).describe('Number of updates.'),
  batchSize: z
    .int()
    .min(1)
    .nullable()
    .default(null)
    .describe('Minibatch size; null for full-batch. Each epoch is reshuffled with the seeded batch stream.'),
  schedule: scheduleSchema
    .nullable()
    .default(null)
    .describe(
      'Learning-rate schedule (torch.optim.lr_scheduler semantics, stepped once per update); null: constant.',
    ),
  clipNorm: z
    .number()
    .positive('clipNorm must be > 0')
    .max(1e12)
    .nullable()
    .default(null)
    .describe('Clip each gradient to this global L2 norm (torch clip_grad_norm_); null: no clipping.'),
  clipValue: z
    .number()
    .positive('clipValue must be > 0')
    .max(1e12)
    .nullable()
    .default(null)
    .describe(
      'Clamp each gradient component to [-clipValue, clipValue] (torch clip_grad_value_), before clipNorm; null: no clipping.',
    ),
  recordState: z
    .boolean()
    .default(false)
    .describe("Record the optimizer's state vectors (velocity, Adam's m and v) at every path snapshot."),
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional()
    .describe('Colour of the run in every view.'),
});

export type RunSpec = z.infer<typeof runSchema>;
export type OptimizerSpec = z.infer<typeof optimizerSchema>;
