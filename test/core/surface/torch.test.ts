/**
 * Optimizer paths on Rosenbrock's surface against torch.optim (float64), step by step for 50 steps:
 * test/fixtures/torch-surfaces.json, made by scripts/fixtures/torch_surfaces.py. The runs go through
 * the real path: Experiment -> validate -> setUp (surface) -> trainRun.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../../src/core/experiment/validate';
import { inlineContext } from '../../../src/core/jobs/types';
import { setUp } from '../../../src/core/setup';
import { trainRun } from '../../../src/core/train/trainRun';

interface Case {
  name: string;
  optimizer: Record<string, unknown>;
  path: [number, number][];
  loss: number[];
}
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/torch-surfaces.json', import.meta.url), 'utf8'),
) as { start: [number, number]; steps: number; cases: Case[] };

describe('Rosenbrock trajectories match torch.optim', () => {
  for (const c of fixture.cases) {
    it(`${c.name}: ${fixture.steps} steps`, async () => {
      const v = validateExperiment({
        relief: 1,
        model: { kind: 'surface', expr: '(1 - a)^2 + 100 * (b - a^2)^2', start: fixture.start },
        runs: [{ name: c.name, optimizer: c.optimizer, steps: fixture.steps }],
      });
      if (!v.ok) throw new Error(JSON.stringify(v.problems));
      const r = await trainRun(setUp(v.experiment), c.name, inlineContext());
      expect(r.status).toBe('ok');
      expect(r.engine).toBe('surface');
      expect(Array.from(r.pathSteps)).toEqual(Array.from({ length: fixture.steps + 1 }, (_, k) => k));
      for (let k = 0; k <= fixture.steps; k++) {
        const [a, b] = c.path[k]!;
        const tol = 1e-9 * (1 + Math.abs(a) + Math.abs(b));
        expect(Math.abs(r.path[2 * k]! - a), `step ${k} a`).toBeLessThanOrEqual(tol);
        expect(Math.abs(r.path[2 * k + 1]! - b), `step ${k} b`).toBeLessThanOrEqual(tol);
        expect(Math.abs(r.loss[k]! - c.loss[k]!)).toBeLessThanOrEqual(1e-9 * (1 + c.loss[k]!));
      }
    });
  }
});
