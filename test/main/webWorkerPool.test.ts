/**
 * The browser's worker pool logic (src/renderer/src/engine/webWorkerPool.ts) on real threads: Node
 * worker threads running the core job host, adapted to the Web Worker interface the pool uses. The same
 * pool runs on real Web Workers in Chromium in the e2e test; here we can also make a worker crash.
 */
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../src/core/train/trainRun';
import { workerEntryUrl } from '../../src/node/pool/nodePool';
import { WebWorkerPool, type WorkerLike } from '../../src/renderer/src/engine/webWorkerPool';
import { contractExperiment } from './engineContract';

const live: Worker[] = [];

/** A Node worker thread seen through the Web Worker interface. */
function asWebWorker(w: Worker): WorkerLike {
  live.push(w);
  const like: WorkerLike = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (msg) => w.postMessage(msg),
    terminate: () => void w.terminate(),
  };
  w.on('message', (data) => like.onmessage?.({ data }));
  w.on('error', (e) => like.onerror?.({ message: e.message, preventDefault() {} }));
  return like;
}

const jobWorker = () => asWebWorker(new Worker(workerEntryUrl()));
/** A worker that dies of an uncaught error as soon as it is given a job. */
const crashingWorker = () =>
  asWebWorker(
    new Worker(
      "require('node:worker_threads').parentPort.on('message', () => setTimeout(() => { throw new Error('boom'); }));",
      { eval: true },
    ),
  );

afterAll(async () => {
  await Promise.all(live.map((w) => w.terminate()));
});

describe('WebWorkerPool on real threads', () => {
  it('a crashed worker fails only its own job, and is replaced', async () => {
    let made = 0;
    const pool = new WebWorkerPool({
      size: 2,
      createWorker: () => (made++ === 0 ? crashingWorker() : jobWorker()),
    });
    const doomed = pool.run('train', { experiment: contractExperiment, run: 'short' });
    const fine = pool.run('train', { experiment: contractExperiment, run: 'short' });
    await expect(doomed.result).rejects.toThrow(/worker crashed: boom/);
    const r = (await fine.result) as RunResult;
    expect(r.status).toBe('ok');
    // Two jobs at once after the crash: the pool spawns a new worker in place of the dead one.
    const after = await Promise.all([
      pool.run('train', { experiment: contractExperiment, run: 'short' }).result,
      pool.run('train', { experiment: contractExperiment, run: 'short' }).result,
    ]);
    expect(after.map((x) => (x as RunResult).status)).toEqual(['ok', 'ok']);
    expect(made).toBe(3);
    expect(pool.workerCount).toBe(2);
  });

  it('cancel of a queued job rejects it without running; cancel of a running job returns its history', async () => {
    const pool = new WebWorkerPool({ size: 1, createWorker: jobWorker });
    let cancelRunning = () => {};
    let reports = 0;
    const running = pool.run('train', { experiment: contractExperiment, run: 'long' }, () => {
      if (++reports === 2) cancelRunning();
    });
    cancelRunning = running.cancel;
    const queued = pool.run('train', { experiment: contractExperiment, run: 'short' });
    queued.cancel();
    await expect(queued.result).rejects.toThrow(/before it started/);
    const r = (await running.result) as RunResult;
    expect(r.status).toBe('cancelled');
    expect(r.loss.length).toBe(r.steps + 1);
  });

  it('a worker that ignores cancel is terminated after the grace period and its job rejected', async () => {
    const deaf = () =>
      asWebWorker(
        new Worker("require('node:worker_threads').parentPort.on('message', () => {});", { eval: true }),
      );
    const pool = new WebWorkerPool({ size: 1, createWorker: deaf, cancelGraceMs: 50 });
    const h = pool.run('train', { experiment: contractExperiment, run: 'short' });
    h.cancel();
    // Queued jobs are cancelled at once; this one was dispatched, so it waits for the grace period.
    await expect(h.result).rejects.toThrow(/cancelled/);
    expect(pool.workerCount).toBe(0);
  });
});
