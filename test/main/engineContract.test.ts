/**
 * The Engine contract in Node: the renderer's IPC engine, over the main process's IPC handlers, over the
 * real worker_threads pool. Only Electron's transport is replaced (by direct calls with a structured
 * clone, as IPC does).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../src/main/node/ipcHandlers';
import { RecentFiles } from '../../src/main/node/recentFiles';
import { RecoveryStore } from '../../src/main/node/recovery';
import { createNodePool } from '../../src/node/pool/nodePool';
import type { JobOutcome, ProgressEvent, ReliefApi } from '../../src/preload/api';
import { createIpcEngine } from '../../src/renderer/src/engine/ipcEngine';
import { contractExperiment, runEngineContract, type LooseEngine } from './engineContract';

describe('Engine contract: IPC engine over the Node worker pool', () => {
  const pool = createNodePool(2);
  let dir = '';
  afterAll(async () => {
    await pool.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('passes every contract check', async () => {
    dir = await mkdtemp(join(tmpdir(), 'relief-contract-'));
    const progress = new Set<(jobId: string, events: ProgressEvent[]) => void>();
    const handlers = createIpcHandlers({
      pool,
      recent: new RecentFiles(join(dir, 'recent.json')),
      recovery: new RecoveryStore(join(dir, 'recovery.json')),
      dialogs: {
        chooseOpenPath: async () => null,
        chooseSavePath: async () => null,
        showOpenProblems: async () => {},
      },
      emit: (_id, channel, ...args) => {
        // IPC structured-clones every message; do the same so nothing is shared by reference.
        const [jobId, events] = structuredClone(args) as [string, ProgressEvent[]];
        if (channel === 'job:progress') for (const l of progress) l(jobId, events);
      },
      setDocument: () => {},
    });
    const ctx = { senderId: 1 };
    const api = {
      jobs: {
        run: async (jobId: string, kind: string, payload: unknown) =>
          structuredClone(
            await (handlers.invoke['job:run'](
              ctx,
              jobId,
              kind,
              structuredClone(payload),
            ) as Promise<JobOutcome>),
          ),
        cancel: (jobId: string) => handlers.send['job:cancel'](ctx, jobId),
        onProgress: (l: (jobId: string, events: ProgressEvent[]) => void) => {
          progress.add(l);
          return () => progress.delete(l);
        },
      },
    } as unknown as ReliefApi;
    const engine = createIpcEngine(api);
    expect(engine.host).toBe('electron');
    const passed = await runEngineContract(engine as unknown as LooseEngine, contractExperiment);
    expect(passed).toHaveLength(5);
    expect(handlers.running).toBe(0);
  });
});
