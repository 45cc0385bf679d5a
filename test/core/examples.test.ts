import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../src/core/experiment/validate';
import { inlineContext } from '../../src/core/jobs/types';
import { setUp } from '../../src/core/setup';
import { trainRun } from '../../src/core/train/trainRun';

const dir = new URL('../../examples/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('examples/ corpus: every file validates, is not mutated, and runs', () => {
  it('has examples', () => expect(files.length).toBeGreaterThanOrEqual(4));
  for (const f of files)
    it(f, async () => {
      const doc = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { runs: { steps?: number }[] };
      const before = structuredClone(doc);
      for (const r of doc.runs) r.steps = Math.min(r.steps ?? 5, 5);
      const v = validateExperiment(doc);
      if (!v.ok) throw new Error(`${f}: ${JSON.stringify(v.problems)}`);
      doc.runs.forEach((r, i) => (r.steps = before.runs[i]!.steps));
      expect(doc).toEqual(before);
      const setup = setUp(v.experiment);
      for (const run of v.experiment.runs) {
        const r = await trainRun(setup, run.name, inlineContext());
        expect(r.status).toBe('ok');
        expect(r.loss.every(Number.isFinite)).toBe(true);
      }
    });
});
