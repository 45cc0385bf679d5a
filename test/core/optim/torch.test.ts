/**
 * Relief's optimizers against torch.optim trajectories (test/fixtures/torch-optim.json, made by
 * scripts/fixtures/torch_optim.py with torch in float64). Each case is rebuilt as an Experiment with the
 * fixture's explicit data and initial parameters and run through the real training loop (schedule,
 * clipping and all), then compared to torch's parameters to 1e-9 relative.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExperiment, formatProblems } from '../../../src/core/experiment/validate';
import { inlineContext } from '../../../src/core/jobs/types';
import { optimizers } from '../../../src/core/optim/registry';
import { setUp } from '../../../src/core/setup';
import { trainRun } from '../../../src/core/train/trainRun';

interface Problem {
  name: string;
  inputs: 1 | 2;
  hidden: number[];
  activation: string;
  x: number[] | [number, number][];
  y: number[];
  params: number[];
}
interface Case {
  name: string;
  problem: string;
  optimizer: { type: string } & Record<string, unknown>;
  steps: number;
  schedule?: Record<string, unknown>;
  clipNorm?: number;
  clipValue?: number;
  final: number[];
  loss: number[];
  perStep?: number[][];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/torch-optim.json', import.meta.url), 'utf8'),
) as { problems: Problem[]; cases: Case[] };

function experimentFor(c: Case, steps = c.steps) {
  const p = fixture.problems.find((q) => q.name === c.problem)!;
  return {
    relief: 1,
    data: { target: { expr: '0' }, train: { x: p.x, y: p.y } },
    model: { inputs: p.inputs, hidden: p.hidden, activation: p.activation, params: p.params },
    runs: [
      {
        name: c.name,
        optimizer: c.optimizer,
        steps,
        ...(c.schedule ? { schedule: c.schedule } : {}),
        ...(c.clipNorm !== undefined ? { clipNorm: c.clipNorm } : {}),
        ...(c.clipValue !== undefined ? { clipValue: c.clipValue } : {}),
      },
    ],
  };
}

async function run(c: Case, steps = c.steps) {
  const v = validateExperiment(experimentFor(c, steps));
  if (!v.ok) throw new Error(formatProblems(v.problems));
  return trainRun(setUp(v.experiment), c.name, inlineContext());
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], rel = 1e-9) {
  expect(actual.length).toBe(expected.length);
  const scale = Math.max(...expected.map(Math.abs));
  let worst = 0;
  for (let i = 0; i < expected.length; i++)
    worst = Math.max(
      worst,
      Math.abs(actual[i]! - expected[i]!) / Math.max(Math.abs(expected[i]!), 1e-3 * scale),
    );
  expect(worst).toBeLessThan(rel);
}

describe('optimizers match torch.optim (float64, 1e-9 relative)', () => {
  it('covers every torch-backed optimizer on both networks', () => {
    const torchBacked = [...optimizers.keys()].filter(
      (k) => !['cg', 'gdLineSearch', 'hessianFree', 'newton'].includes(k),
    );
    for (const problem of ['tanh', 'relu'])
      for (const type of torchBacked)
        expect(
          fixture.cases.some((c) => c.problem === problem && c.optimizer.type === type),
          `${type} ${problem}`,
        ).toBe(true);
  });

  for (const c of fixture.cases)
    it(`${c.problem}: ${c.name} (${c.steps} steps)`, async () => {
      const r = await run(c);
      expect(r.status).toBe('ok');
      expectClose(r.params, c.final);
      // loss[k] is the loss at the start of update k: torch's step() return value
      expectClose(r.loss.subarray(0, c.steps), c.loss);
      if (c.perStep) {
        // the whole L-BFGS trajectory, step by step
        for (let k = 0; k < c.perStep.length; k++) {
          const row = r.path.subarray((k + 1) * r.params.length, (k + 2) * r.params.length);
          expect(r.pathSteps[k + 1]).toBe(k + 1);
          expectClose(row, c.perStep[k]!);
        }
      }
    });
});
