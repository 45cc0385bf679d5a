/** The job contract: every payload is checked against its kind's schema before the job runs. */
import { describe, expect, it } from 'vitest';
import { isJobKind, jobPayloads } from '../../../src/core/jobs/contract';
import { InvalidInputError } from '../../../src/core/jobs/invalidInput';
import { jobs } from '../../../src/core/jobs/registry';
import { runJob } from '../../../src/core/jobs/runJob';
import { inlineContext } from '../../../src/core/jobs/types';
import { experiment } from '../landscape/helpers';

const plane = () => ({
  center: new Float64Array(16),
  d1: new Float64Array(16).fill(1),
  d2: Float64Array.from({ length: 16 }, (_, k) => k),
});

describe('job contract', () => {
  it('has one job per kind and nothing else', () => {
    expect(Object.keys(jobs).sort()).toEqual(Object.keys(jobPayloads).sort());
    for (const [kind, job] of Object.entries(jobs)) expect(job.kind).toBe(kind);
    expect(isJobKind('train')).toBe(true);
    expect(isJobKind('toString')).toBe(false);
  });

  it('rejects a bad payload naming the field, before the job runs', async () => {
    const e = experiment({ landscape: { resolution: [4, 4] } });
    const cases: [string, unknown, string][] = [
      ['train', { experiment: e }, 'run:'],
      ['train', { experiment: e, run: 'gd', extra: 1 }, 'extra'],
      ['sliceRows', { experiment: e, plane: plane(), rows: [3, 1] }, 'rows'],
      ['sliceRows', { experiment: e, plane: { ...plane(), d1: [1, 2] }, rows: [0, 1] }, 'plane.d1'],
      ['census', { experiment: e, inits: [-1] }, 'inits[0]'],
      ['neb', { experiment: e, neb: { from: 'init', to: 'init', images: 0 } }, 'neb.images'],
    ];
    for (const [kind, payload, want] of cases) {
      const p = runJob(kind as 'train', payload, inlineContext());
      await expect(p, kind).rejects.toBeInstanceOf(InvalidInputError);
      await expect(p, kind).rejects.toThrow(want);
    }
  });

  it('names an invalid experiment by its path in the document', async () => {
    const e = { ...experiment(), runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: -1 }, steps: 3 }] };
    await expect(runJob('train', { experiment: e, run: 'gd' }, inlineContext())).rejects.toThrow(
      /^runs\[0\]\.optimizer\.lr: /,
    );
  });

  it('rejects an unknown kind as invalid input', async () => {
    await expect(runJob('frobnicate' as 'train', {}, inlineContext())).rejects.toBeInstanceOf(
      InvalidInputError,
    );
  });
});
