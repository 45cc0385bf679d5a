/** The optimizer form is generated from the zod schema: every registered optimizer's fields carry the
 * schema's own defaults and ranges, and the generated defaults validate against the schema. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { optimizerList } from '../../../src/core/optim/registry';
import { defaultsOf, hyperFields } from '../../../src/renderer/src/lib/hyperparamFields';

describe('hyperparameter forms from schemas', () => {
  it('reads kinds, defaults, ranges and help from a schema', () => {
    const schema = z.strictObject({
      lr: z.number().positive().max(10).default(0.1).describe('Learning rate.'),
      betas: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).default([0.9, 0.999]),
      iters: z.int().min(1).default(20),
      flag: z.boolean().default(false),
      search: z.enum(['strong_wolfe']).nullable().default(null),
    });
    const f = Object.fromEntries(hyperFields(schema).map((x) => [x.key, x]));
    expect(f.lr).toMatchObject({
      kind: 'number',
      default: 0.1,
      min: 0,
      exclusiveMin: true,
      max: 10,
      help: 'Learning rate.',
    });
    expect(f.betas).toMatchObject({ kind: 'tuple', length: 2, default: [0.9, 0.999] });
    expect(f.iters).toMatchObject({ kind: 'integer', default: 20, min: 1 });
    expect(f.flag).toMatchObject({ kind: 'boolean', default: false });
    expect(f.search).toMatchObject({ kind: 'choice', default: null });
    expect(f.search!.options).toEqual(expect.arrayContaining(['strong_wolfe', null]));
  });

  it('gives every registered optimizer a form whose defaults the schema accepts', () => {
    for (const def of optimizerList) {
      const fields = hyperFields(def.schema);
      expect(fields.length, def.type).toBeGreaterThan(0);
      expect(
        fields.some((x) => x.kind === 'unsupported'),
        def.type,
      ).toBe(false);
      const parsed = def.schema.safeParse(defaultsOf(fields));
      expect(parsed.success, def.type).toBe(true);
    }
  });
});
