/**
 * The `landscape` section of an experiment: which 2-D slice of the loss surface to draw (and an optional
 * 1-D line). The fields center, directions (kind, d1, d2), normalization, alpha, beta, resolution and
 * dataset are fixed (docs/analysis.md): programs outside the project write them. Everything else is added
 * around them with defaults.
 */
import { z } from 'zod';
import { LIMITS } from './limits';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const range = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'range must have lo < hi');
const side = z
  .int()
  .min(2, 'at least 2 points per axis')
  .max(LIMITS.gridSide, `at most ${LIMITS.gridSide} points per axis (401 x 401 is the largest grid)`);

/** A point of parameter space: the initial point, a run's final point, or an explicit vector. */
export const pointRefSchema = z.union(
  [
    z.literal('init'),
    z.strictObject({ run: z.string().min(1) }),
    z.array(finite).min(1).describe('Explicit flat parameter vector.'),
  ],
  { error: () => 'must be "init", {"run": NAME} or an array of parameters' },
);

/** A raw parameter named by its index in the flat layout or its human name (see paramNames). */
const paramRef = z.union([z.int().min(0), z.string().min(1)], {
  error: () => 'must be a parameter index or a parameter name such as "layer 1, unit 1, bias"',
});

const randomDirections = z.strictObject({
  kind: z.literal('random'),
  seed: z
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe('Seed of the Gaussian directions; default the experiment seed (stream "directions").'),
  bias: z
    .enum(['zero', 'keep'])
    .default('zero')
    .describe(
      'Filter/layer normalization: zero the bias components (Li et al.) or normalize them with the unit.',
    ),
});

const pcaDirections = z.strictObject({
  kind: z.literal('pca'),
  runs: z
    .union([z.literal('all'), z.array(z.string().min(1)).min(1)])
    .default('all')
    .describe('Whose trajectories: "all" runs (one shared plane) or a list of run names.'),
});

const hessianDirections = z.strictObject({
  kind: z.literal('hessian'),
  which: z
    .enum(['top', 'bottom'])
    .default('top')
    .describe(
      'Eigenvectors of the two largest ("top") or two smallest ("bottom") Hessian eigenvalues at the center.',
    ),
});

const interpolateDirections = z.strictObject({
  kind: z.literal('interpolate'),
  points: z
    .tuple([pointRefSchema, pointRefSchema])
    .describe('Two points A, B: d1 = A - center, d2 = B - center (the plane through center, A and B).'),
});

const axesDirections = z.strictObject({
  kind: z.literal('axes'),
  d1: paramRef,
  d2: paramRef,
});

const explicitDirections = z.strictObject({
  kind: z.literal('explicit'),
  d1: z.array(finite).min(1),
  d2: z.array(finite).min(1),
});

export const directionsSchema = z.discriminatedUnion(
  'kind',
  [
    randomDirections,
    pcaDirections,
    hessianDirections,
    interpolateDirections,
    axesDirections,
    explicitDirections,
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? 'directions.kind must be one of random, pca, hessian, interpolate, axes, explicit'
        : undefined,
  },
);

export const lineSchema = z.strictObject({
  from: pointRefSchema.default('init'),
  to: pointRefSchema,
  range: range.default([-0.5, 1.5]).describe('t range of L((1-t) from + t to) (Goodfellow et al. 2015).'),
  points: z.int().min(2).max(10_001).default(201),
});

export const landscapeSchema = z.strictObject({
  center: pointRefSchema.default('init'),
  directions: directionsSchema.default({ kind: 'random', bias: 'zero' }),
  normalization: z
    .enum(['filter', 'layer', 'none'])
    .default('filter')
    .describe('Scaling of random directions: per unit (Li et al. 2018), per layer, or none.'),
  alpha: range.default([-1, 1]),
  beta: range.default([-1, 1]),
  resolution: z
    .tuple([side, side])
    .default([51, 51])
    .describe('[nAlpha, nBeta] grid points, both ends included.'),
  dataset: z.enum(['train', 'test']).default('train'),
  line: lineSchema.optional().describe('A 1-D slice between two points, computed alongside the plane.'),
  paths: z.boolean().default(true).describe("Project every run's trajectory onto the plane."),
  critical: z.boolean().default(true).describe('Locate critical points and plateaus on the slice.'),
});

export type LandscapeSpec = z.output<typeof landscapeSchema>;
export type PointRef = z.output<typeof pointRefSchema>;
export type DirectionsSpec = z.output<typeof directionsSchema>;
