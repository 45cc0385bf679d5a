/**
 * How the two directions of a slice are chosen, as a registry keyed by `landscape.directions.kind`.
 * Each kind says which trained runs it needs (so they can be trained first) and builds d1, d2 at the
 * resolved center. Errors name the JSON path of the field at fault.
 */
import { clip } from '../clip';
import { hessianSpectrum } from '../analysis/hessianSpectrum';
import type { DirectionsSpec, LandscapeSpec } from '../experiment/landscapeSchema';
import { buildRegistry } from '../registry';
import { createRng } from '../rng';
import { normalizeDirection } from './normalize';
import { pca } from './pca';
import { checkRunName, resolvePoint, runOfPoint, specError, type ResolveContext } from './points';

export interface Directions {
  d1: Float64Array<ArrayBuffer>;
  d2: Float64Array<ArrayBuffer>;
  /** Facts about how they were made (eigenvalues, explained variance, ...), written into the result. */
  info: Record<string, unknown>;
}

interface DirectionKind<K extends DirectionsSpec['kind'] = DirectionsSpec['kind']> {
  readonly kind: K;
  readonly help: string;
  runsNeeded(d: Extract<DirectionsSpec, { kind: K }>, ctx: Pick<ResolveContext, 'setup'>): string[];
  build(
    d: Extract<DirectionsSpec, { kind: K }>,
    spec: LandscapeSpec,
    center: Float64Array,
    ctx: ResolveContext,
  ): Directions;
}

const P = 'landscape.directions';

function defineKind<K extends DirectionsSpec['kind']>(k: DirectionKind<K>): DirectionKind {
  return k as unknown as DirectionKind;
}

const random = defineKind({
  kind: 'random',
  help: 'Seeded Gaussian directions, normalized per unit (filter), per layer or not at all.',
  runsNeeded: () => [],
  build(d, spec, center, ctx) {
    const dim = ctx.setup.dim;
    const rng = createRng(d.seed ?? ctx.setup.experiment.seed, 'directions');
    const d1 = new Float64Array(dim);
    const d2 = new Float64Array(dim);
    for (let i = 0; i < dim; i++) d1[i] = rng.normal();
    for (let i = 0; i < dim; i++) d2[i] = rng.normal();
    // A surface model has no units or layers: its directions stay as drawn.
    const norm = ctx.setup.kind === 'network' ? spec.normalization : 'none';
    if (ctx.setup.kind === 'network') {
      normalizeDirection(d1, center, ctx.setup.spec, norm, d.bias);
      normalizeDirection(d2, center, ctx.setup.spec, norm, d.bias);
    }
    if (isZero(d1) || isZero(d2))
      throw specError(
        'landscape.normalization',
        `'${spec.normalization}' normalization gives a zero direction because the center's weights are zero; use "none" or another center`,
      );
    return { d1, d2, info: { normalization: norm, bias: d.bias } };
  },
});

const pcaKind = defineKind({
  kind: 'pca',
  help: "Principal components of one or all runs' trajectories (one shared plane to compare optimizers).",
  runsNeeded: (d, ctx) => pcaRuns(d, ctx),
  build(d, _spec, _center, ctx) {
    const dim = ctx.setup.dim;
    const names = pcaRuns(d, ctx);
    const chunks: Float64Array[] = [];
    let m = 0;
    // At most 2e7 numbers in the snapshot matrix: longer trajectories are thinned evenly.
    let total = 0;
    for (const name of names) {
      const snap = ctx.runs.get(name);
      if (!snap?.path) throw specError(`${P}.runs`, `run '${clip(name)}' has no recorded trajectory`);
      total += snap.path.length / dim;
    }
    const every = Math.max(1, Math.ceil((total * dim) / 2e7));
    for (const name of names) {
      const path = ctx.runs.get(name)!.path!;
      const rows = path.length / dim;
      for (let r = 0; r < rows; r += every) {
        chunks.push(path.subarray(r * dim, (r + 1) * dim));
        m++;
      }
    }
    if (m < 3) throw specError(`${P}.runs`, 'PCA needs at least three snapshots; train for more steps');
    const rows = new Float64Array(m * dim);
    let off = 0;
    for (const c of chunks) {
      rows.set(c, off);
      off += c.length;
    }
    const r = pca(rows, m, dim, 2);
    return {
      d1: r.components.slice(0, dim),
      d2: r.components.slice(dim, 2 * dim),
      info: {
        runs: names,
        snapshots: m,
        thinnedEvery: every,
        explained: Array.from(r.explained),
        singular: Array.from(r.singular),
      },
    };
  },
});

function pcaRuns(d: Extract<DirectionsSpec, { kind: 'pca' }>, ctx: Pick<ResolveContext, 'setup'>): string[] {
  if (d.runs === 'all') return ctx.setup.experiment.runs.map((r) => r.name);
  d.runs.forEach((n, i) => checkRunName(ctx, n, `${P}.runs[${i}]`));
  return d.runs;
}

const hessianKind = defineKind({
  kind: 'hessian',
  help: 'Eigenvectors of the two largest or two smallest Hessian eigenvalues at the center.',
  runsNeeded: () => [],
  build(d, spec, center, ctx) {
    const f = spec.dataset === 'test' ? ctx.setup.testObjective() : ctx.setup.objective();
    if (!f) throw specError('landscape.dataset', 'is "test" but the experiment has no data.test');
    // Two extreme eigenvectors: Lanczos converges to them long before a dense decomposition would finish.
    const s = hessianSpectrum(f, center, {
      wantVectors: true,
      denseLimit: 300,
      seed: ctx.setup.experiment.seed,
    });
    const dim = ctx.setup.dim;
    const k = s.values.length;
    if (k < 2) throw specError(`${P}.kind`, 'the Hessian spectrum did not converge to two eigenvectors');
    const [a, b] = d.which === 'top' ? [k - 1, k - 2] : [0, 1];
    return {
      d1: s.vectors!.slice(a * dim, (a + 1) * dim),
      d2: s.vectors!.slice(b * dim, (b + 1) * dim),
      info: { which: d.which, eigenvalues: [s.values[a], s.values[b]], method: s.method },
    };
  },
});

const interpolate = defineKind({
  kind: 'interpolate',
  help: 'The plane through the center and two points: d1 = A - center, d2 = B - center.',
  runsNeeded: (d, ctx) =>
    d.points.flatMap((pt, i) => {
      const n = runOfPoint(pt);
      if (n) checkRunName(ctx, n, `${P}.points[${i}].run`);
      return n ? [n] : [];
    }),
  build(d, _spec, center, ctx) {
    const a = resolvePoint(d.points[0], ctx, `${P}.points[0]`);
    const b = resolvePoint(d.points[1], ctx, `${P}.points[1]`);
    for (let i = 0; i < a.length; i++) {
      a[i] = a[i]! - center[i]!;
      b[i] = b[i]! - center[i]!;
    }
    if (isZero(a)) throw specError(`${P}.points[0]`, 'coincides with the center');
    if (isZero(b)) throw specError(`${P}.points[1]`, 'coincides with the center');
    return { d1: a, d2: b, info: {} };
  },
});

const axes = defineKind({
  kind: 'axes',
  help: 'Two raw parameters, by index or name: the most readable plane for teaching.',
  runsNeeded: () => [],
  build(d, _spec, _center, ctx) {
    const i1 = paramIndex(d.d1, ctx, `${P}.d1`);
    const i2 = paramIndex(d.d2, ctx, `${P}.d2`);
    if (i1 === i2) throw specError(`${P}.d2`, 'names the same parameter as d1');
    const d1 = new Float64Array(ctx.setup.dim);
    const d2 = new Float64Array(ctx.setup.dim);
    d1[i1] = 1;
    d2[i2] = 1;
    const names = ctx.setup.paramNames();
    return { d1, d2, info: { params: [names[i1], names[i2]], indices: [i1, i2] } };
  },
});

function paramIndex(ref: number | string, ctx: ResolveContext, path: string): number {
  const dim = ctx.setup.dim;
  if (typeof ref === 'number') {
    if (ref >= dim) throw specError(path, `parameter index ${ref} is out of range; this network has ${dim}`);
    return ref;
  }
  const names = ctx.setup.paramNames();
  const i = names.indexOf(ref);
  if (i < 0)
    throw specError(
      path,
      `no parameter named '${clip(ref)}'; names look like '${names[0]}' or '${names[dim - 1]}'`,
    );
  return i;
}

const explicit = defineKind({
  kind: 'explicit',
  help: 'Two given vectors.',
  runsNeeded: () => [],
  build(d, _spec, _center, ctx) {
    const dim = ctx.setup.dim;
    for (const k of ['d1', 'd2'] as const)
      if (d[k].length !== dim)
        throw specError(`${P}.${k}`, `has ${d[k].length} numbers; this network has ${dim} parameters`);
    const d1 = Float64Array.from(d.d1);
    const d2 = Float64Array.from(d.d2);
    if (isZero(d1)) throw specError(`${P}.d1`, 'is the zero vector');
    if (isZero(d2)) throw specError(`${P}.d2`, 'is the zero vector');
    return { d1, d2, info: {} };
  },
});

function isZero(v: Float64Array): boolean {
  for (let i = 0; i < v.length; i++) if (v[i] !== 0) return false;
  return true;
}

export const directionKinds = buildRegistry(
  [random, pcaKind, hessianKind, interpolate, axes, explicit],
  (k) => k.kind,
  'direction kind',
);

export function directionKind(kind: string): DirectionKind {
  return directionKinds.get(kind)!;
}
