/**
 * The Experiment file: Relief's one document, validated by this one schema at every boundary
 * (file load, IPC, CLI, web workers). Field names marked fixed in docs/experiment.md are read and
 * written by programs outside the project and never change; new fields are added around them.
 */
import { z } from 'zod';
import { clip } from '../clip';
import { classDatasetNames } from '../data/classes';
import { lossNames } from '../network/losses';
import { activationNames } from '../network/activations';
import { checkNetworkData } from './dataChecks';
import { paramCount } from '../network/spec';
import { checkCrossReferences } from './crossChecks';
import { landscapeSchema } from './landscapeSchema';
import { viewSchema } from './viewSchema';
import { lessonRefSchema } from './lessonSchema';
import { LIMITS } from './limits';
import { runSchema } from './runSchema';
import { checkSurfaceModel, surfaceModelSchema } from './surfaceModelSchema';

export const EXPERIMENT_VERSION = 1;

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const range = z.tuple([finite, finite]).refine(([lo, hi]) => lo < hi, 'range must have lo < hi');

export const targetSchema = z.union(
  [
    z.strictObject({ expr: z.string().min(1).describe('Formula in x (and y): sin(3*x) + 0.3*x^2.') }),
    z.strictObject({
      knots: z
        .array(z.tuple([finite, finite]))
        .min(2)
        .max(LIMITS.knots)
        .describe('Points [x, y] of a CPWL function, x strictly increasing.'),
    }),
    z.strictObject({ preset: z.string().describe('Name of a built-in target.') }),
    z.strictObject({
      classes: z
        .enum(classDatasetNames)
        .describe('A TensorFlow Playground classification dataset (labels 0/1; needs "loss": "bce").'),
    }),
  ],
  {
    error: () =>
      'target must be {"expr": ...}, {"knots": [[x,y],...]}, {"preset": NAME} or {"classes": "circle"|"xor"|"gauss"|"spiral"}',
  },
);

/** Safran & Shamir's teacher x -> sum_i max(0, v_i.x) (docs/experiment.md, "Teacher-student"). */
export const teacherSchema = z.strictObject({
  hidden: z
    .tuple([z.int().min(1).max(LIMITS.unitsPerLayer)])
    .describe('[k]: the number of teacher units (one hidden layer).'),
  activation: z.literal('relu').default('relu'),
  weights: z
    .union([
      z.literal('orthonormal'),
      z.strictObject({
        params: z.array(finite).describe('Teacher weights [inputs x k] row-major (column i is v_i).'),
      }),
    ])
    .default('orthonormal')
    .describe('"orthonormal": k orthonormal vectors drawn from the seed; or explicit {"params": [...]}.'),
  seed: z
    .int()
    .min(0)
    .max(Number.MAX_SAFE_INTEGER)
    .optional()
    .describe("Seed of the orthonormal weights; default the experiment seed (stream 'teacher')."),
});

export const sampledSchema = z.strictObject({
  n: z
    .int()
    .min(1)
    .max(LIMITS.samples)
    .describe('Number of samples (a grid in 2-D uses round(sqrt(n)) per axis).'),
  sampling: z.enum(['uniform', 'grid']).default('uniform'),
  domain: z
    .array(range)
    .min(1)
    .max(LIMITS.inputs)
    .optional()
    .describe('[[lo, hi]] per input; default [-1, 1] each.'),
});

/** Inputs x ~ N(0, I) (the teacher-student setting). */
export const gaussianSchema = z.strictObject({
  distribution: z.literal('gaussian'),
  n: z.int().min(1).max(LIMITS.samples).describe('Number of samples x ~ N(0, I).'),
});

/** No samples: the loss is the exact expectation over x ~ N(0, I) (teacher-student only). */
export const populationSchema = z.strictObject({
  population: z.literal(true).describe('The exact population loss over x ~ N(0, I); needs data.teacher.'),
});

export const explicitSchema = z.strictObject({
  x: z
    .union([z.array(finite), z.array(z.array(finite).min(1).max(LIMITS.inputs))])
    .describe('Inputs: numbers (one input), or arrays of model.inputs numbers.'),
  y: z.array(finite),
});

export const samplesSchema = z.union([sampledSchema, gaussianSchema, populationSchema, explicitSchema], {
  error: () =>
    'must be {"n": ..., "sampling": ..., "domain": ...}, {"distribution": "gaussian", "n": ...}, {"population": true} or {"x": [...], "y": [...]}',
});

export const dataSchema = z.strictObject({
  target: targetSchema
    .optional()
    .describe('What labels sampled inputs; not needed with explicit samples or a teacher.'),
  teacher: teacherSchema.optional(),
  train: samplesSchema,
  test: samplesSchema.optional(),
  noise: z
    .number()
    .min(0)
    .max(1e6)
    .default(0)
    .describe(
      'Std of Gaussian noise added to training targets; with "classes", the Playground generator\'s noise (slider % / 100).',
    ),
});

const initSchema = z.union(
  [
    z.strictObject({
      weights: z.strictObject({
        dist: z.enum(['normal', 'uniform']),
        std: z.number().min(0).max(1e6).default(1),
      }),
      bias: z.union([
        z.strictObject({ const: finite }),
        z.strictObject({ dist: z.enum(['normal', 'uniform']), std: z.number().min(0).max(1e6).default(1) }),
      ]),
    }),
    z.strictObject({ scheme: z.enum(['he', 'xavier', 'torch']) }),
  ],
  { error: () => 'init must be {"weights": {...}, "bias": {...}} or {"scheme": "he"|"xavier"|"torch"}' },
);

export const networkModelSchema = z.strictObject({
  kind: z.literal('network').optional(),
  // The limit in words at the field (issue 15): not zod's bare "Too big" / "Invalid input".
  inputs: z
    .int(`must be a whole number of inputs, from 1 to ${LIMITS.inputs}`)
    .min(1, `needs at least 1 input (at most ${LIMITS.inputs})`)
    .max(LIMITS.inputs, `at most ${LIMITS.inputs} inputs are supported`)
    .default(1),
  hidden: z.array(z.int().min(1).max(LIMITS.unitsPerLayer)).max(LIMITS.hiddenLayers).default([64]),
  activation: z.enum(activationNames).default('relu'),
  leakySlope: z.number().min(0).max(1).default(0.01).describe('Negative-side slope of leakyRelu.'),
  init: initSchema.default({ weights: { dist: 'normal', std: 1 }, bias: { const: 0 } }),
  params: z.array(finite).optional().describe('Explicit flat parameter vector; overrides init.'),
  bias: z
    .boolean()
    .optional()
    .describe('false: no biases in any layer (they are not parameters). Default true.'),
  output: z
    .enum(['linear', 'sum'])
    .optional()
    .describe(
      '"sum": the output is the plain sum of the last hidden layer (weights fixed at 1, not parameters).',
    ),
});

/** A network (the default kind) or an analytic surface f(a, b) (docs/surfaces.md). */
export const modelSchema = z.discriminatedUnion('kind', [networkModelSchema, surfaceModelSchema], {
  error: (iss) => (iss.code === 'invalid_union' ? 'must be "network" (the default) or "surface"' : undefined),
});

export const experimentSchema = z
  .strictObject({
    $schema: z.string().optional(),
    relief: z.literal(EXPERIMENT_VERSION),
    name: z.string().max(200).optional(),
    description: z.string().max(10000).optional(),
    seed: z.int().min(0).max(Number.MAX_SAFE_INTEGER).default(42),
    data: dataSchema
      .optional()
      .describe('The samples the network fits; required for networks, unused by surfaces.'),
    model: modelSchema,
    loss: z
      .enum(lossNames)
      .default('mse')
      .describe('"mse": mean (f - y)^2; "bce": binary cross-entropy on the linear output (labels 0/1).'),
    engine: z.enum(['auto', 'dense', 'exact', 'population']).default('auto'),
    runs: z.array(runSchema).min(1).max(LIMITS.runs),
    landscape: landscapeSchema.optional(),
    view: viewSchema
      .optional()
      .describe('How the app shows the slice (view only: the numbers never depend on it).'),
    lesson: lessonRefSchema.optional(),
  })
  .superRefine((e, ctx) => {
    const issue = (path: (string | number)[], message: string) =>
      ctx.addIssue({ code: 'custom', path, message });
    // runs
    const seen = new Set<string>();
    e.runs.forEach((r, i) => {
      if (seen.has(r.name)) issue(['runs', i, 'name'], `duplicate run name '${clip(r.name)}'`);
      seen.add(r.name);
    });
    checkCrossReferences(e, issue);
    // A surface has no data and no architecture: the network checks below do not apply (checks for
    // every model kind go above this line).
    if (e.model.kind === 'surface') return checkSurfaceModel(e.model, issue);
    if (!e.data) return issue(['data'], 'is required when the model is a network (the default model.kind)');
    checkNetworkData(e as NetworkExperiment, issue);
    // model
    const P = paramCount(e.model);
    if (P > LIMITS.params)
      issue(['model', 'hidden'], `the network has ${P} parameters; at most ${LIMITS.params}`);
    if (e.model.params && e.model.params.length !== P)
      issue(
        ['model', 'params'],
        `has ${e.model.params.length} entries; this architecture has ${P} parameters`,
      );
  });

/** A validated experiment with every default filled in. */
export type Experiment = z.output<typeof experimentSchema>;
/** What a file may contain (defaults optional). */
export type ExperimentInput = z.input<typeof experimentSchema>;
/** The network model with defaults filled in. */
export type NetworkModel = z.output<typeof networkModelSchema>;
/** An experiment whose model is a network (so it has data). */
export type NetworkExperiment = Experiment & { model: NetworkModel; data: z.output<typeof dataSchema> };

export function isNetworkExperiment(e: Experiment): e is NetworkExperiment {
  return e.model.kind !== 'surface' && e.data !== undefined;
}
