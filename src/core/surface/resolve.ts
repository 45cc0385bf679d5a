/**
 * From the Experiment's surface model to everything the jobs and views need: the formula, the start
 * point, a viewing window and the known critical points (for gallery presets).
 */
import type { SurfaceModel } from '../experiment/surfaceModelSchema';
import { gallery, type KnownPoint, type Window } from './gallery';
import { surfaceOf, type Surface } from './surface';

export interface ResolvedSurface {
  /** The gallery name, when the model is a preset. */
  readonly preset?: string;
  /** Display name and one-line help (the gallery's, or the formula itself). */
  readonly label: string;
  readonly help: string;
  readonly expr: string;
  readonly surface: Surface;
  readonly start: [number, number];
  readonly window: Window;
  readonly known: readonly KnownPoint[];
  readonly knownWindow?: Window;
}

/** A window for a formula without one: [-2, 2]² grown to hold the start point with a margin. */
export function defaultWindow(start: readonly [number, number]): Window {
  const r = Math.max(2, 1.5 * Math.abs(start[0]), 1.5 * Math.abs(start[1]));
  return { a: [-r, r], b: [-r, r] };
}

/** Throws (with the field named) only for models the schema would reject. */
export function resolveSurface(m: SurfaceModel): ResolvedSurface {
  if (m.preset !== undefined) {
    const g = gallery.get(m.preset);
    if (!g) throw new Error(`model.preset: unknown surface '${m.preset}'`);
    return {
      preset: g.name,
      label: g.label,
      help: g.help,
      expr: g.expr,
      surface: surfaceOf(g.expr),
      start: m.start ?? g.start,
      window: m.window ?? g.window,
      known: g.known,
      ...(g.knownWindow ? { knownWindow: g.knownWindow } : {}),
    };
  }
  if (m.expr === undefined || m.start === undefined) throw new Error('model: a surface needs expr and start');
  const start: [number, number] = [m.start[0], m.start[1]];
  return {
    label: m.expr,
    help: 'A surface given by its formula in the parameters a and b.',
    expr: m.expr,
    surface: surfaceOf(m.expr),
    start,
    window: m.window ?? defaultWindow(start),
    known: [],
  };
}
