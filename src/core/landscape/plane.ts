/**
 * The plane of a slice, center + alpha·d1 + beta·d2, resolved from a landscape spec: which runs must be
 * trained first, the vectors themselves, and the evenly spaced grid coordinates (both ends included).
 */
import type { LandscapeSpec } from '../experiment/landscapeSchema';
import type { Setup } from '../setup';
import { directionKind } from './directions';
import { resolvePoint, runOfPoint, specError, checkRunName, type ResolveContext } from './points';

export interface Plane {
  center: Float64Array<ArrayBuffer>;
  d1: Float64Array<ArrayBuffer>;
  d2: Float64Array<ArrayBuffer>;
}

/** The experiment's landscape section, or a clear error when there is none. */
export function landscapeOf(setup: Setup): LandscapeSpec {
  const spec = setup.experiment.landscape;
  if (!spec) throw specError('landscape', 'the experiment has no "landscape" section');
  return spec;
}

/** Runs that must be trained before the plane (and paths, and the line) can be resolved, in run order. */
export function runsNeeded(spec: LandscapeSpec, setup: Setup): string[] {
  const need = new Set<string>();
  const point = (ref: LandscapeSpec['center'], path: string) => {
    const r = runOfPoint(ref);
    if (!r) return;
    checkRunName({ setup }, r, `${path}.run`);
    need.add(r);
  };
  point(spec.center, 'landscape.center');
  for (const n of directionKind(spec.directions.kind).runsNeeded(spec.directions as never, { setup }))
    need.add(n);
  if (spec.line) {
    point(spec.line.from, 'landscape.line.from');
    point(spec.line.to, 'landscape.line.to');
  }
  if (spec.paths) for (const r of setup.experiment.runs) need.add(r.name);
  return setup.experiment.runs.map((r) => r.name).filter((n) => need.has(n));
}

export function resolvePlane(
  spec: LandscapeSpec,
  ctx: ResolveContext,
): { plane: Plane; info: Record<string, unknown> } {
  if (spec.dataset === 'test' && !ctx.setup.data.test)
    throw specError('landscape.dataset', 'is "test" but the experiment has no data.test');
  const center = resolvePoint(spec.center, ctx, 'landscape.center');
  const dirs = directionKind(spec.directions.kind).build(spec.directions as never, spec, center, ctx);
  let g11 = 0;
  let g12 = 0;
  let g22 = 0;
  for (let k = 0; k < center.length; k++) {
    g11 += dirs.d1[k]! * dirs.d1[k]!;
    g12 += dirs.d1[k]! * dirs.d2[k]!;
    g22 += dirs.d2[k]! * dirs.d2[k]!;
  }
  if (g11 * g22 - g12 * g12 <= 1e-12 * g11 * g22)
    throw specError('landscape.directions', 'd1 and d2 are parallel: they do not span a plane');
  return {
    plane: { center, d1: dirs.d1, d2: dirs.d2 },
    info: { kind: spec.directions.kind, ...dirs.info },
  };
}

/** n evenly spaced values from lo to hi, both included exactly. */
export function linspace(lo: number, hi: number, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = lo + ((hi - lo) * i) / (n - 1);
  out[n - 1] = hi;
  return out;
}

export function gridAxes(spec: LandscapeSpec): {
  alphas: Float64Array<ArrayBuffer>;
  betas: Float64Array<ArrayBuffer>;
} {
  return {
    alphas: linspace(spec.alpha[0], spec.alpha[1], spec.resolution[0]),
    betas: linspace(spec.beta[0], spec.beta[1], spec.resolution[1]),
  };
}
