/**
 * The Experiment file: Relief's one document, validated by this one schema at every boundary
 * (file load, IPC, CLI, web workers). Field names marked fixed in docs/experiment.md are read and
 * written by programs outside the project and never change; new fields are added around them.
 */
import { z } from 'zod';
import { clip } from '../clip';
import { parseExpression } from '../data/expression';
import { presets } from '../data/presets';
import { activationNames } from '../network/activations';
import { paramCount } from '../network/spec';
import { landscapeSchema } from './landscapeSchema';
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
  ],
  { error: () => 'target must be {"expr": ...}, {"knots": [[x,y],...]} or {"preset": NAME}' },
);

export const sampledSchema = z.strictObject({
  n: z
    .int()
    .min(1)
    .max(LIMITS.samples)
    .describe('Number of samples (a grid in 2-D uses round(sqrt(n)) per axis).'),
  sampling: z.enum(['uniform', 'grid']).default('uniform'),
  domain: z.array(range).min(1).max(2).optional().describe('[[lo, hi]] per input; default [-1, 1] each.'),
});

export const explicitSchema = z.strictObject({
  x: z
    .union([z.array(finite), z.array(z.tuple([finite, finite]))])
    .describe('Inputs: numbers, or [x1, x2] pairs.'),
  y: z.array(finite),
});

export const samplesSchema = z.union([sampledSchema, explicitSchema], {
  error: () => 'must be {"n": ..., "sampling": ..., "domain": ...} or {"x": [...], "y": [...]}',
});

export const dataSchema = z.strictObject({
  target: targetSchema,
  train: samplesSchema,
  test: samplesSchema.optional(),
  noise: z.number().min(0).max(1e6).default(0).describe('Std of Gaussian noise added to training targets.'),
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
  inputs: z.union([z.literal(1), z.literal(2)]).default(1),
  hidden: z.array(z.int().min(1).max(LIMITS.unitsPerLayer)).max(LIMITS.hiddenLayers).default([64]),
  activation: z.enum(activationNames).default('relu'),
  leakySlope: z.number().min(0).max(1).default(0.01).describe('Negative-side slope of leakyRelu.'),
  init: initSchema.default({ weights: { dist: 'normal', std: 1 }, bias: { const: 0 } }),
  params: z.array(finite).optional().describe('Explicit flat parameter vector; overrides init.'),
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
    loss: z.literal('mse').default('mse'),
    engine: z.enum(['auto', 'dense', 'exact']).default('auto'),
    runs: z.array(runSchema).min(1).max(LIMITS.runs),
    landscape: landscapeSchema.optional(),
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
    // A surface has no data and no architecture: the network checks below do not apply (checks for
    // every model kind go above this line).
    if (e.model.kind === 'surface') return checkSurfaceModel(e.model, issue);
    if (!e.data) return issue(['data'], 'is required when the model is a network (the default model.kind)');
    const inputs = e.model.inputs;
    // target
    const t = e.data.target;
    if ('expr' in t) {
      try {
        parseExpression(t.expr, inputs === 1 ? ['x'] : ['x', 'y']);
      } catch (err) {
        issue(['data', 'target', 'expr'], (err as Error).message);
      }
    } else if ('preset' in t) {
      const p = presets.get(t.preset);
      if (!p)
        issue(
          ['data', 'target', 'preset'],
          `unknown preset '${clip(t.preset)}'; known: ${[...presets.keys()].join(', ')}`,
        );
      else if (p.inputs !== inputs)
        issue(
          ['data', 'target', 'preset'],
          `preset '${clip(t.preset)}' has ${p.inputs} input(s) but model.inputs is ${inputs}`,
        );
    } else {
      if (inputs !== 1)
        issue(['data', 'target', 'knots'], 'knots define a function of one input; set model.inputs to 1');
      for (let i = 1; i < t.knots.length; i++)
        if (!(t.knots[i]![0] > t.knots[i - 1]![0])) {
          issue(['data', 'target', 'knots', i, 0], 'knot x values must be strictly increasing');
          break;
        }
    }
    // samples
    for (const which of ['train', 'test'] as const) {
      const s = e.data[which];
      if (!s) continue;
      if ('x' in s) {
        if (s.x.length !== s.y.length)
          issue(['data', which, 'y'], `x has ${s.x.length} entries but y has ${s.y.length}`);
        if (s.x.length === 0) issue(['data', which, 'x'], 'needs at least one sample');
        if (s.x.length > LIMITS.samples) issue(['data', which, 'x'], `at most ${LIMITS.samples} samples`);
        const pairs = s.x.length > 0 && Array.isArray(s.x[0]);
        if (s.x.length > 0 && pairs !== (inputs === 2))
          issue(
            ['data', which, 'x'],
            inputs === 2
              ? 'model.inputs is 2: x must be [x1, x2] pairs'
              : 'model.inputs is 1: x must be numbers',
          );
      } else if (s.domain && s.domain.length !== inputs) {
        issue(['data', which, 'domain'], `needs ${inputs} range(s), one per input`);
      }
    }
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
