/**
 * The `view` section: how the app shows the slice — 3-D or top-down, log scale, colour map, contour lines.
 * View-only: it never changes a number (the CLI ignores it), but it travels with the file so a saved
 * experiment opens looking the way it was left. The app's initial view is this schema's defaults.
 */
import { z } from 'zod';

/** Colour maps the app offers (perceptually uniform, from d3-scale-chromatic). */
export const COLOR_MAPS = ['viridis', 'magma', 'inferno', 'plasma', 'cividis', 'turbo'] as const;

export const viewSchema = z.strictObject({
  surface: z.enum(['3d', 'top']).default('3d').describe('The surface as a 3-D mesh or a top-down map.'),
  logScale: z.boolean().default(true).describe('Colour and height by log10 of the loss.'),
  colorMap: z.enum(COLOR_MAPS).default('viridis'),
  contours: z.boolean().default(true).describe('Draw contour lines on the surface.'),
});

export type ViewSpec = z.output<typeof viewSchema>;
