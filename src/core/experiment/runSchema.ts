/** One run of an experiment: an optimizer, a step budget and its batching. */
import { z } from 'zod';
import { optimizerList } from '../optim/registry';
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
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/)
    .optional()
    .describe('Colour of the run in every view.'),
});

export type RunSpec = z.infer<typeof runSchema>;
export type OptimizerSpec = z.infer<typeof optimizerSchema>;
