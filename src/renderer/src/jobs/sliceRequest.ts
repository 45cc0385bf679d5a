/**
 * How the UI asks the landscape job for a slice. The window (alpha, beta ranges) must frame the runs'
 * paths, which depends on the plane, so: for `pca` the plane is computed here from the streamed
 * snapshots; for the other kinds a 2x2 probe of the landscape job resolves the plane first. The grid is
 * then requested for that explicit plane (center, d1, d2) with a window around the projected paths.
 */
import type { Experiment } from '../../../core/experiment/schema';
import { surfacePlane } from '../../../core/surface/plane';
import { pcaPlane, windowAround } from '../lib/pcaPlane';
import { createProjector, type Plane } from '../lib/planeProjection';
import type { RunTrace } from '../state/resultsStore';
import type { PlaneKind } from '../state/viewStore';

export type Range = [number, number];

/** The landscape `directions` of a plane kind (the probe's spec). */
export function directionsFor(kind: PlaneKind, e: Experiment): Record<string, unknown> {
  // The experiment's own plane of this kind wins (lessons and files set center points, Hessian ends...).
  if (e.landscape?.directions.kind === kind) return e.landscape.directions as Record<string, unknown>;
  switch (kind) {
    case 'pca':
      return { kind: 'pca', runs: 'all' };
    case 'hessian':
      return { kind: 'hessian', which: 'top' };
    case 'interpolate': {
      const [a, b] = e.runs;
      return { kind: 'interpolate', points: [{ run: a!.name }, { run: (b ?? a)!.name }] };
    }
    case 'axes':
      return { kind: 'axes', d1: 0, d2: 1 };
    default:
      return { kind: 'random', bias: 'zero' };
  }
}

/** The trained runs the job may need (PCA, interpolate, run centers), in the job's RunSnapshot form. */
export function runSnapshots(
  runs: readonly RunTrace[],
): Record<string, { params: Float64Array; path: Float64Array; pathSteps: Int32Array }> {
  const out: Record<string, { params: Float64Array; path: Float64Array; pathSteps: Int32Array }> = {};
  for (const r of runs)
    if (r.result)
      out[r.name] = { params: r.result.params, path: r.result.path, pathSteps: r.result.pathSteps };
  return out;
}

/** The experiment sent to the landscape job: the document plus a landscape section. */
export function withLandscape(
  e: Experiment,
  landscape: {
    center: unknown;
    directions: Record<string, unknown>;
    alpha: Range;
    beta: Range;
    resolution: Range;
    critical: boolean;
  },
): unknown {
  return {
    ...e,
    landscape: { normalization: 'filter', dataset: 'train', paths: false, ...landscape },
  };
}

/** Snapshots with every parameter finite (a diverged run's last ones are not). */
function finiteSnapshots(runs: readonly RunTrace[]): Float64Array[] {
  return runs.flatMap((r) => r.snapshots.filter((p) => p.every(Number.isFinite)));
}

export function pcaPlaneOf(e: Experiment, runs: readonly RunTrace[]): Plane | null {
  const snaps = finiteSnapshots(runs);
  const start = runs.find((r) => r.snapshots.length > 0)?.snapshots[0];
  if (!start || snaps.length < 3) return null;
  return pcaPlane(start, snaps, e.seed);
}

/** A window framing every run's projection on the plane (at least [-1, 1] for random planes). */
export function windowFor(
  plane: Plane,
  runs: readonly RunTrace[],
  kind: PlaneKind,
): { alpha: Range; beta: Range } {
  const project = createProjector(plane);
  const pts = finiteSnapshots(runs).map((s) => project(s));
  const minHalf = kind === 'random' ? 1 : kind === 'interpolate' ? 0.75 : 0.5;
  return windowAround(pts, 0.3, minHalf);
}

/** Grid side of the provisional slice shown while the first runs train (the smallest grid offered). */
export const PROVISIONAL_RESOLUTION = 31;

/**
 * The landscape section of the provisional slice: for a network, a filter-normalized random plane
 * through the start over [-1, 1]² (the window Li et al. use; it needs no trained path); for an analytic
 * surface, its own parameter plane, which training does not change. Coarse, and no critical-point search.
 */
export function provisionalLandscape(e: Experiment): Parameters<typeof withLandscape>[1] {
  const n = PROVISIONAL_RESOLUTION;
  if (e.model.kind === 'surface') {
    const s = surfacePlane(e.model);
    return {
      center: Array.from(s.center),
      directions: { kind: 'explicit', d1: Array.from(s.d1), d2: Array.from(s.d2) },
      alpha: s.alphaRange,
      beta: s.betaRange,
      resolution: [n, n],
      critical: false,
    };
  }
  return {
    center: 'init',
    directions: { kind: 'random', bias: 'zero' },
    alpha: [-1, 1],
    beta: [-1, 1],
    resolution: [n, n],
    critical: false,
  };
}
