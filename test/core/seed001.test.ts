import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../src/core/experiment/validate';
import { inlineContext } from '../../src/core/jobs/types';
import { setUp } from '../../src/core/setup';
import { trainRun } from '../../src/core/train/trainRun';

const fx = JSON.parse(readFileSync(new URL('../fixtures/seed001.json', import.meta.url), 'utf8')) as {
  hidden: number;
  lr: number;
  steps: number;
  x: number[];
  y: number[];
  params: number[];
  loss: number[];
  finalParams: number[];
};

function relErr(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
}

describe('seed 001 reproduced against numpy', () => {
  for (const engine of ['dense', 'auto'] as const) {
    it(`matches the numpy loss curve of 500 GD steps, H=64, to 1e-9 relative (engine ${engine})`, async () => {
      const v = validateExperiment({
        relief: 1,
        engine,
        data: { target: { preset: 'seed001' }, train: { x: fx.x, y: fx.y } },
        model: { inputs: 1, hidden: [fx.hidden], activation: 'relu', params: fx.params },
        runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: fx.lr }, steps: fx.steps }],
      });
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const r = await trainRun(setUp(v.experiment), 'gd', inlineContext());
      expect(r.status).toBe('ok');
      expect(r.loss.length).toBe(fx.loss.length);
      let worst = 0;
      fx.loss.forEach((l, k) => (worst = Math.max(worst, relErr(r.loss[k]!, l))));
      expect(worst).toBeLessThan(1e-9);
      let worstP = 0;
      fx.finalParams.forEach(
        (p, i) => (worstP = Math.max(worstP, Math.abs(r.params[i]! - p) / (1 + Math.abs(p)))),
      );
      expect(worstP).toBeLessThan(1e-9);
      // The fit really improved: the curve is not trivially flat.
      expect(r.loss[fx.steps]!).toBeLessThan(r.loss[0]! / 10);
    });
  }
});
