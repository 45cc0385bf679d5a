/**
 * Where a guided lesson stands, saved with the experiment so a lesson reopens at the same step. The
 * lesson's text and steps are bundled with the app; the file only names them.
 */
import { z } from 'zod';

export const lessonRefSchema = z
  .strictObject({
    id: z.string().min(1).max(64).describe('Id of a bundled lesson, e.g. "kink".'),
    step: z.int().min(0).max(99).describe('Current step, counting from 0.'),
  })
  .describe('The guided lesson this experiment belongs to and its current step.');

export type LessonRef = z.output<typeof lessonRefSchema>;
