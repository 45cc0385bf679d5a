import { isMainThread } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodePool } from '../../src/node/pool/nodePool';
import type { RunResult } from '../../src/core/train/trainRun';

const experiment = {
  relief: 1,
  seed: 7,
  data: { target: { preset: 'seed001' }, train: { n: 200 } },
  model: { inputs: 1, hidden: [8] },
  runs: [
    { name: 'a', optimizer: { type: 'sgd', lr: 0.01 }, steps: 20 },
    { name: 'b', optimizer: { type: 'sgd', lr: 0.01 }, steps: 200000 },
  ],
};

describe('worker pool (real worker_threads)', () => {
  const pool = createNodePool(2);
  afterAll(() => pool.close());

  it('runs a training job on a worker thread and transfers typed arrays', async () => {
    expect(isMainThread).toBe(true);
    const r = await pool.run<RunResult>('train', { experiment, run: 'a' });
    expect(r.status).toBe('ok');
    expect(r.loss).toBeInstanceOf(Float64Array);
    expect(r.loss.length).toBe(21);
    expect(pool.threadIds.length).toBeGreaterThan(0);
    expect(pool.threadIds.every((t) => t > 0)).toBe(true);
  });

  it('cancels a long job, which returns its history with status cancelled', async () => {
    const ac = new AbortController();
    let progressed = 0;
    const p = pool.run<RunResult>(
      'train',
      { experiment, run: 'b' },
      {
        signal: ac.signal,
        onProgress: () => {
          if (++progressed === 2) ac.abort();
        },
      },
    );
    const r = await p;
    expect(r.status).toBe('cancelled');
    expect(r.steps).toBeGreaterThan(0);
    expect(r.steps).toBeLessThan(200000);
    expect(r.loss.length).toBe(r.steps + 1);
  });

  it('reports invalid input as such', async () => {
    await expect(
      pool.run('train', { experiment: { ...experiment, relief: 2 }, run: 'a' }),
    ).rejects.toMatchObject({
      invalidInput: true,
    });
  });
});
