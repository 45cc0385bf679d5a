/**
 * The coordinator: a plan run on a job runner streams runs, the plane, rows and the slice, gives the
 * same numbers however the rows are split, and stops everything on cancel.
 */
import { describe, expect, it } from 'vitest';
import type { JobRunner } from '../../../src/core/jobs/contract';
import { inlineRunner } from '../../../src/core/jobs/runJob';
import { runPlan, type PipelineEvent } from '../../../src/core/pipeline/coordinator';
import { defaultLandscape, planExperiment } from '../../../src/core/pipeline/plan';
import { experiment } from '../landscape/helpers';

function splitting(parallelism: number): JobRunner {
  const r = inlineRunner();
  return { parallelism, run: (kind, payload, onProgress) => r.run(kind, payload, onProgress) };
}

describe('planExperiment', () => {
  it('lets a random plane start at once and makes a PCA plane wait for the runs', () => {
    const random = planExperiment(experiment({ landscape: { directions: { kind: 'random' } } }));
    expect(random.slice!.planeNeeds).toEqual([]);
    expect(random.slice!.finishNeeds).toEqual(['gd', 'mom']); // paths
    expect(random.train).toEqual(['gd', 'mom']);
    const pca = planExperiment(
      experiment({ landscape: { directions: { kind: 'pca', runs: ['mom'] }, paths: false } }),
      {
        train: 'needed',
        provisional: true,
      },
    );
    expect(pca.slice!.planeNeeds).toEqual(['mom']);
    expect(pca.train).toEqual(['mom']);
    expect(pca.provisional).toBe(true);
    expect(() => planExperiment(experiment())).toThrow(
      'landscape: the experiment has no "landscape" section',
    );
    expect(planExperiment(experiment(), { slice: false }).slice).toBeNull();
  });

  it('fills in the schema defaults for a network and the parameter plane for a surface', () => {
    const net = defaultLandscape(experiment());
    expect(net.directions).toEqual({ kind: 'random', bias: 'zero' });
    expect(net.resolution).toEqual([51, 51]);
    const surf = defaultLandscape({
      ...experiment(),
      model: { kind: 'surface', preset: 'himmelblau' },
    } as never);
    expect(surf.directions).toEqual({ kind: 'explicit', d1: [1, 0], d2: [0, 1] });
    expect(surf.alpha).toEqual([-5, 5]);
  });
});

describe('runPlan', () => {
  it('streams runs, the plane, rows in place, the slice and the analysis', async () => {
    const e = experiment({ landscape: { directions: { kind: 'pca' }, resolution: [7, 6] } });
    const events: PipelineEvent[] = [];
    const r = await runPlan(planExperiment(e, { analysis: true }), splitting(3), (ev) => events.push(ev))
      .result;
    const kinds = events.map((ev) => ev.type).filter((t) => t !== 'progress' && t !== 'run');
    expect(kinds.slice(0, 3)).toEqual(['runDone', 'runDone', 'plane']); // runs finish in any order
    expect(kinds.filter((t) => t === 'rows').length).toBe(6);
    expect(kinds.slice(-2)).toEqual(['slice', 'analysis']);
    expect(r.status).toBe('ok');
    expect([...r.runs.keys()]).toEqual(['gd', 'mom']);
    expect(r.slice!.directions.kind).toBe('pca');
    expect(r.slice!.paths!.map((p) => p.name)).toEqual(['gd', 'mom']);
    expect(r.analysis!.points.map((p) => p.label)).toEqual(['init', 'gd', 'mom']);
    // The streamed grid is the final one.
    const plane = events.find((ev) => ev.type === 'plane')!;
    expect(Array.from(plane.grid.loss)).toEqual(Array.from(r.slice!.loss));
    // Run progress carries the loss history as it grows.
    const first = events.find((ev) => ev.type === 'run' && ev.partial);
    expect(first && first.type === 'run' && first.partial!.name).toBe('gd');
  });

  it('gives identical numbers split 1, 2 or 5 ways', async () => {
    const e = experiment({ landscape: { directions: { kind: 'pca' }, resolution: [9, 11] } });
    const slices = [];
    for (const n of [1, 2, 5]) slices.push((await runPlan(planExperiment(e), splitting(n)).result).slice!);
    for (const s of slices.slice(1)) {
      expect(Array.from(s.loss)).toEqual(Array.from(slices[0]!.loss));
      expect(s.critical).toEqual(slices[0]!.critical);
    }
  });

  it('a random plane starts its grid before the runs finish; a PCA plane shows a provisional slice first', async () => {
    const random = experiment({ landscape: { resolution: [5, 5] } });
    // Training is held back until the slice's rows are in (or 5 s pass: then the test fails).
    let release = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
      setTimeout(r, 5000);
    });
    const inline = inlineRunner();
    const gated: JobRunner = {
      parallelism: 2,
      run: (kind, payload, onProgress) => {
        if (kind !== 'train') return inline.run(kind, payload, onProgress);
        const h = gate.then(() => inline.run(kind, payload, onProgress).result);
        return { result: h as never, cancel: () => {} };
      },
    };
    const order: string[] = [];
    await runPlan(planExperiment(random), gated, (ev) => {
      order.push(ev.type);
      if (ev.type === 'rows' && ev.rowsDone === 5) release();
    }).result;
    expect(order.lastIndexOf('rows')).toBeLessThan(order.indexOf('runDone'));
    expect(order.at(-1)).toBe('slice');
    const pca = experiment({ landscape: { directions: { kind: 'pca' }, resolution: [5, 5] } });
    const events: PipelineEvent[] = [];
    await runPlan(planExperiment(pca, { provisional: true }), splitting(2), (ev) => events.push(ev)).result;
    const prov = events.find((ev) => ev.type === 'provisional');
    expect(prov).toBeDefined();
    if (prov?.type !== 'provisional') return;
    expect(prov.slice.alpha.length).toBe(31);
    expect(events.indexOf(prov)).toBeLessThan(events.findIndex((ev) => ev.type === 'plane'));
  });

  it('cancel stops the runs and the slice', async () => {
    const e = experiment({
      landscape: { directions: { kind: 'pca' }, resolution: [5, 5] },
      runs: [{ name: 'long', optimizer: { type: 'sgd', lr: 0.01 }, steps: 100000 }],
    });
    let handle: ReturnType<typeof runPlan> | null = null;
    handle = runPlan(planExperiment(e), splitting(1), (ev) => {
      if (ev.type === 'run' && ev.fraction > 0.001) handle!.cancel();
    });
    const r = await handle.result;
    expect(r.status).toBe('cancelled');
    expect(r.slice).toBeNull();
    expect(r.runs.get('long')!.status).toBe('cancelled');
  });

  it('a failed run is reported and the slice that needs it fails with the field named', async () => {
    const e = experiment({ landscape: { center: { run: 'gd' }, resolution: [4, 4] } });
    const failing: JobRunner = {
      parallelism: 1,
      run: (kind, payload, onProgress) =>
        kind === 'train' && (payload as { run: string }).run === 'gd'
          ? { result: Promise.reject(new Error('boom')), cancel: () => {} }
          : inlineRunner().run(kind, payload, onProgress),
    };
    const events: PipelineEvent[] = [];
    await expect(runPlan(planExperiment(e), failing, (ev) => events.push(ev)).result).rejects.toThrow('boom');
    expect(events.some((ev) => ev.type === 'runFailed' && ev.name === 'gd')).toBe(true);
  });
});
