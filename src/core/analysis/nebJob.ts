/**
 * The `neb` job: the minimum-energy path between two points (usually two runs' final points), its loss
 * profile and barrier, and, when the current slice's plane is given, the path projected onto it.
 */
import { z } from 'zod';
import { pointRefSchema } from '../experiment/landscapeSchema';
import { defineJob } from '../jobs/types';
import { resolvePoint, runOfPoint, checkRunName, type RunSnapshot } from '../landscape/points';
import { projectPath, type ProjectedPath } from '../landscape/projectPath';
import { setUp } from '../setup';
import { trainRun } from '../train/trainRun';
import { neb, type NebResult } from './neb';
import { relaxToMinimum } from './relax';

export const nebSpecSchema = z.strictObject({
  from: pointRefSchema,
  to: pointRefSchema,
  images: z.int().min(1).max(200).default(15).describe('Interior images of the band.'),
  spring: z
    .number()
    .positive()
    .max(1e6)
    .default(1)
    .describe('Spring constant relative to max|∇L| / spacing.'),
  maxIter: z.int().min(1).max(1_000_000).default(5000),
  climb: z.boolean().default(true).describe('Let the highest image climb to the saddle (CI-NEB).'),
  relax: z
    .boolean()
    .default(false)
    .describe('First relax both ends to nearby minima (saddle-free Newton; models up to 400 parameters).'),
});

export interface NebJobResult extends NebResult {
  from: string;
  to: string;
  onPlane?: ProjectedPath;
  status: 'ok' | 'cancelled';
}

const label = (ref: z.output<typeof pointRefSchema>) =>
  ref === 'init' ? 'init' : Array.isArray(ref) ? 'explicit' : `run ${ref.run}`;

export const nebJob = defineJob({
  kind: 'neb',
  async run(payload, ctx): Promise<NebJobResult> {
    const setup = setUp(payload.experiment);
    const spec = payload.neb;
    const runs = new Map<string, RunSnapshot>(Object.entries(payload.runs ?? {}));
    for (const [ref, path] of [
      [spec.from, 'neb.from'],
      [spec.to, 'neb.to'],
    ] as const) {
      const name = runOfPoint(ref);
      if (!name || runs.has(name)) continue;
      checkRunName({ setup }, name, `${path}.run`);
      const r = await trainRun(setup, name, {
        progress: (f) => ctx.progress(0.2 * f),
        checkpoint: () => ctx.checkpoint(),
        get cancelled() {
          return ctx.cancelled;
        },
      });
      runs.set(name, { params: r.params });
    }
    let a = resolvePoint(spec.from, { setup, runs }, 'neb.from');
    let b = resolvePoint(spec.to, { setup, runs }, 'neb.to');
    const f = setup.objective();
    if (spec.relax) {
      if (setup.dim > 400)
        throw new RangeError('neb.relax: relaxing the ends needs a model of at most 400 parameters');
      a = relaxToMinimum(f, a).params;
      b = relaxToMinimum(f, b).params;
    }
    let cancelled = false;
    const r = await neb(f, a, b, {
      images: spec.images,
      spring: spec.spring,
      maxIter: spec.maxIter,
      climb: spec.climb,
      onIter: async (it) => {
        ctx.progress(0.2 + (0.8 * it) / spec.maxIter);
        await ctx.checkpoint();
        cancelled = ctx.cancelled;
        return cancelled;
      },
    });
    const out: NebJobResult = {
      ...r,
      from: label(spec.from),
      to: label(spec.to),
      status: cancelled ? 'cancelled' : 'ok',
    };
    if (payload.plane) {
      const steps = Int32Array.from({ length: r.loss.length }, (_, i) => i);
      out.onPlane = projectPath('neb', r.images, steps, payload.plane, f);
    }
    ctx.progress(1);
    return out;
  },
});
