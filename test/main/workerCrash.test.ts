import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { WorkerPool } from '../../src/node/pool/workerPool';

/** A worker that dies on its first job, as a native crash or out-of-memory would. */
const crashing = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => { if (m.type === 'run') process.exit(7); });
`;
/** A worker that echoes its payload back, to show the replacement serves later jobs. */
const echoing = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => { if (m.type === 'run') parentPort.postMessage({ type: 'done', id: m.id, result: m.payload }); });
`;

describe('worker pool crash handling (real worker_threads)', () => {
  it('fails only the crashed job, with a message, and replaces the worker', async () => {
    let made = 0;
    const pool = new WorkerPool({
      size: 1,
      createWorker: () => new Worker(made++ === 0 ? crashing : echoing, { eval: true }),
    });
    try {
      const first = pool.run('train', { n: 1 });
      const second = pool.run('train', { n: 2 });
      await expect(first).rejects.toThrow(/worker exited with code 7/);
      await expect(second).resolves.toEqual({ n: 2 });
      expect(made).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it('terminates a worker that ignores a cancel after the grace period', async () => {
    const stubborn = `require('node:worker_threads').parentPort.on('message', () => {});`;
    const pool = new WorkerPool({
      size: 1,
      cancelGraceMs: 50,
      createWorker: () => new Worker(stubborn, { eval: true }),
    });
    const ac = new AbortController();
    const job = pool.run('train', {}, { signal: ac.signal });
    setTimeout(() => ac.abort(), 20);
    await expect(job).rejects.toThrow('cancelled');
    await pool.close();
  });
});
