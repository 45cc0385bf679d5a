/**
 * A census shard file (written by `relief census --shard i/n`, read by `relief merge`) is input from
 * outside like an experiment: it is parsed by this schema, and a problem is reported by its JSON path
 * (at most a few, each quoting little of the file) instead of surfacing later as a stack trace.
 */
import { z } from 'zod';
import { clip } from '../core/clip';
import { formatProblems, parseJsonText, problemsFromZod } from '../core/experiment/validate';
import { LIMITS } from '../core/experiment/limits';

/** Largest census: initializations, and so the largest shard count. */
export const MAX_INITS = 1_000_000;

const runName = z.string().min(1).max(200);

const entrySchema = z.strictObject({
  init: z.int().min(0).max(MAX_INITS),
  run: runName,
  status: z.enum(['ok', 'diverged', 'cancelled', 'failed']),
  steps: z.int().min(0),
  // A diverged run's loss is not finite, which JSON writes as null.
  loss: z
    .number()
    .nullable()
    .transform((v) => (v === null ? NaN : v)),
  gradNorm: z
    .number()
    .nullable()
    .transform((v) => (v === null ? NaN : v)),
  index: z.int().min(0).nullable(),
  canonical: z.array(z.number()).max(LIMITS.params),
});

export const shardFileSchema = z
  .object({
    relief: z.literal(1),
    kind: z.literal('census-shard'),
    experiment: z.object({
      file: z.string().max(4096),
      name: z.string().max(200).optional(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex'),
    }),
    inits: z.int().min(1).max(MAX_INITS),
    runs: z.array(runName).min(1).max(LIMITS.runs),
    shard: z.strictObject({ i: z.int().min(0), n: z.int().min(1).max(MAX_INITS) }),
    thresholds: z
      .strictObject({ gradTol: z.number().positive(), spuriousLoss: z.number().positive() })
      .optional(),
    entries: z.array(entrySchema).max(MAX_INITS * LIMITS.runs),
  })
  .superRefine((f, ctx) => {
    if (f.shard.i >= f.shard.n)
      ctx.addIssue({ code: 'custom', path: ['shard', 'i'], message: `must be below shard.n (${f.shard.n})` });
    if (f.shard.n > f.inits)
      ctx.addIssue({ code: 'custom', path: ['shard', 'n'], message: `is more than inits (${f.inits})` });
    const runs = new Set(f.runs);
    f.entries.forEach((e, k) => {
      if (!runs.has(e.run))
        ctx.addIssue({
          code: 'custom',
          path: ['entries', k, 'run'],
          message: `'${clip(e.run)}' is not in runs`,
        });
      if (e.init >= f.inits || e.init % f.shard.n !== f.shard.i)
        ctx.addIssue({
          code: 'custom',
          path: ['entries', k, 'init'],
          message: `init ${e.init} does not belong to shard ${f.shard.i}/${f.shard.n} of ${f.inits}`,
        });
    });
  });

export type ShardFile = z.output<typeof shardFileSchema>;

/** Parses a shard's text; throws Error with the problems listed (the caller names the file). */
export function parseShardText(text: string): ShardFile {
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (e) {
    throw new Error(`not valid JSON (${clip((e as Error).message)})`, { cause: e });
  }
  const kind = (value as { kind?: unknown } | null)?.kind;
  if (kind !== 'census-shard')
    throw new Error('not a census shard (write one with: relief census FILE --shard i/n)');
  const r = shardFileSchema.safeParse(value);
  if (!r.success)
    throw new Error(`not a valid census shard\n${formatProblems(problemsFromZod(r.error).slice(0, 5))}`);
  return r.data;
}
