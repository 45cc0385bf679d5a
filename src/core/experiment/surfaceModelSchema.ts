/**
 * The surface model of an Experiment: the loss is a formula in the two parameters a and b (or a named
 * gallery surface), so optimizers run on an exactly known landscape. Checked here and reported at the
 * field's JSON path: the formula must parse, pass the whitelist and have derivatives.
 */
import { z } from 'zod';
import { clip } from '../clip';
import { ExpressionError } from '../data/expression';
import { gallery, galleryNames } from '../surface/gallery';
import { surfaceOf } from '../surface/surface';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const range = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'range must have lo < hi');

export const surfaceModelSchema = z.strictObject({
  kind: z.literal('surface'),
  expr: z
    .string()
    .min(1)
    .optional()
    .describe('Loss formula in the parameters a and b, e.g. (1-a)^2 + 100*(b-a^2)^2.'),
  preset: z
    .string()
    .optional()
    .describe(`Name of a gallery surface: ${galleryNames.join(', ')}.`),
  start: z
    .tuple([finite, finite])
    .optional()
    .describe('Start point [a, b] of every run; required with expr, defaults to the preset’s.'),
  window: z
    .strictObject({ a: range, b: range })
    .optional()
    .describe(
      'Viewing window {"a": [lo, hi], "b": [lo, hi]}; defaults to the preset’s or one around the start.',
    ),
});

export type SurfaceModel = z.output<typeof surfaceModelSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/** The checks zod's shape cannot express; paths are absolute (the model sits at `model`). */
export function checkSurfaceModel(m: SurfaceModel, issue: Issue): void {
  if ((m.expr === undefined) === (m.preset === undefined)) {
    issue(['model'], 'a surface model needs either "expr" (a formula in a and b) or "preset", not both');
    return;
  }
  if (m.preset !== undefined) {
    if (!gallery.has(m.preset))
      issue(['model', 'preset'], `unknown surface '${clip(m.preset)}'; known: ${galleryNames.join(', ')}`);
    return;
  }
  try {
    surfaceOf(m.expr!);
  } catch (err) {
    if (!(err instanceof ExpressionError)) throw err;
    issue(['model', 'expr'], err.message);
  }
  if (m.start === undefined) issue(['model', 'start'], 'is required with "expr": the start point [a, b]');
}
