/**
 * The first run shows a coarse provisional slice while it trains: a runner driven by the real core jobs,
 * run inline, with the train jobs held back until the test releases them.
 */
import { describe, expect, it } from 'vitest';
import { inlineRunner } from '../../../src/core/jobs/runJob';
import type { Engine } from '../../../src/renderer/src/engine/types';
import { createRunner } from '../../../src/renderer/src/jobs/experimentRunner';
import { defaultExperiment } from '../../../src/renderer/src/state/defaultExperiment';
import { createDocumentStore } from '../../../src/renderer/src/state/documentStore';
import { createResultsStore } from '../../../src/renderer/src/state/resultsStore';
import { createViewStore } from '../../../src/renderer/src/state/viewStore';

function gatedEngine(): { engine: Engine; release: () => void } {
  let release = () => {};
  const gate = new Promise<void>((r) => (release = r));
  const inline = inlineRunner();
  const engine: Engine = {
    host: 'web',
    parallelism: 2,
    run(kind, payload, onProgress) {
      if (kind !== 'train') return inline.run(kind, payload, onProgress);
      const result = gate.then(() => inline.run(kind, payload, onProgress).result);
      return { result: result as never, cancel: () => undefined };
    },
  };
  return { engine, release };
}

async function until(ok: () => boolean): Promise<void> {
  for (let i = 0; i < 2000 && !ok(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ok()).toBe(true);
}

describe('provisional slice', () => {
  it('appears while the first runs train, through the start, and the chosen plane replaces it', async () => {
    const { engine, release } = gatedEngine();
    // A document whose plane is the PCA of the paths: it cannot be resolved before the runs are trained.
    const doc = createDocumentStore({
      ...defaultExperiment(),
      landscape: { directions: { kind: 'pca' }, resolution: [21, 21] },
    });
    const results = createResultsStore();
    const runner = createRunner(engine, doc, createViewStore(), results);
    runner.run();
    await until(() => results.get().slice !== null);
    const early = results.get().slice!;
    expect(early.source).toBe('provisional');
    expect(early.alpha.length).toBe(31);
    expect([early.alpha[0], early.alpha[30], early.beta[0], early.beta[30]]).toEqual([-1, 1, -1, 1]);
    expect(early.loss.every(Number.isFinite)).toBe(true);
    expect(results.get().progress?.label).toBe('train');
    expect(results.get().runs.every((r) => r.result === null)).toBe(true);

    release();
    await until(() => results.get().progress === null);
    const final = results.get().slice!;
    expect(final.source).toBe('pca');
    expect(final.alpha.length).toBe(21);
    // The provisional plane passes through the runs' common start (their first snapshot).
    expect(Array.from(early.center)).toEqual(Array.from(results.get().runs[0]!.snapshots[0]!));
    // At (0, 0) the provisional slice reads the start's loss: the runs' loss at step 0.
    const mid = 15 * 31 + 15;
    expect(early.loss[mid]).toBeCloseTo(results.get().runs[0]!.loss[0]!, 10);
  });
});
