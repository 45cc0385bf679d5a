/**
 * The main process's IPC handlers, called as plain functions with a real worker pool and real files in
 * a temp folder; native dialogs are replaced by recorders.
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunProgress, RunResult } from '../../src/core/train/trainRun';
import { createIpcHandlers, type HandlerDeps } from '../../src/main/node/ipcHandlers';
import { RecentFiles } from '../../src/main/node/recentFiles';
import { RecoveryStore } from '../../src/main/node/recovery';
import { createNodePool } from '../../src/node/pool/nodePool';
import type { JobOutcome, OpenResult, ProgressEvent, SaveResult } from '../../src/preload/api';
import { contractExperiment } from './engineContract';

const pool = createNodePool(2);
let dir = '';
afterAll(async () => {
  await pool.close();
  await rm(dir, { recursive: true, force: true });
});

interface Recorded {
  problems: string[];
  openPath: string | null;
  savePath: string | null;
  emitted: { senderId: number; channel: string; args: unknown[] }[];
  documents: [number, string, boolean][];
}

async function setUp() {
  dir = dir || (await mkdtemp(join(tmpdir(), 'relief-ipc-')));
  const sub = await mkdtemp(join(dir, 'case-'));
  const rec: Recorded = { problems: [], openPath: null, savePath: null, emitted: [], documents: [] };
  const deps: HandlerDeps = {
    pool,
    recent: new RecentFiles(join(sub, 'recent.json')),
    recovery: new RecoveryStore(join(sub, 'recovery.json')),
    dialogs: {
      chooseOpenPath: async () => rec.openPath,
      chooseSavePath: async () => rec.savePath,
      showOpenProblems: async (message) => void rec.problems.push(message),
    },
    emit: (senderId, channel, ...args) =>
      rec.emitted.push({ senderId, channel, args: structuredClone(args) }),
    setDocument: (id, name, dirty) => void rec.documents.push([id, name, dirty]),
  };
  return { h: createIpcHandlers(deps), rec, deps, sub };
}

const ctx = { senderId: 3 };
const text = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describe('IPC handlers: files', () => {
  let env: Awaited<ReturnType<typeof setUp>>;
  beforeEach(async () => {
    env = await setUp();
  });

  it('opens a valid file from the dialog, as written, and lists it as recent', async () => {
    const path = join(env.sub, 'good.json');
    await writeFile(path, text(contractExperiment));
    env.rec.openPath = path;
    const r = (await env.h.invoke['file:open'](ctx)) as OpenResult;
    expect(r).toEqual({ ok: true, path, name: 'good.json', experiment: contractExperiment });
    expect(await env.h.invoke['file:recent'](ctx)).toEqual([{ path, name: 'good.json' }]);
    expect(env.rec.problems).toEqual([]);
  });

  it('an invalid file opens a dialog naming the field, and the file is not touched', async () => {
    const path = join(env.sub, 'bad.json');
    const bad = { ...contractExperiment, data: { ...contractExperiment.data, train: { n: -5 } } };
    await writeFile(path, text(bad));
    const before = await stat(path);
    const bytes = await readFile(path);
    const r = (await env.h.invoke['file:openDropped'](ctx, path)) as OpenResult;
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toContain('data.train.n');
    expect(env.rec.problems).toHaveLength(1);
    expect(env.rec.problems[0]).toContain('bad.json');
    expect(env.rec.problems[0]).toContain('data.train.n');
    expect(await readFile(path)).toEqual(bytes);
    expect((await stat(path)).mtimeMs).toBe(before.mtimeMs);
    expect(await readdir(env.sub)).toEqual(['bad.json']);
    expect(await env.h.invoke['file:recent'](ctx)).toEqual([]);
  });

  it('a file that is not JSON is reported, not thrown', async () => {
    const path = join(env.sub, 'junk.json');
    await writeFile(path, '{ "relief": 1, ');
    const r = (await env.h.invoke['file:openDropped'](ctx, path)) as OpenResult;
    expect(r.ok).toBe(false);
    expect(env.rec.problems[0]).toMatch(/not valid JSON/);
  });

  it('openPath opens only files the user chose (Open Recent or opened before), never one the page names', async () => {
    const path = join(env.sub, 'chosen.json');
    await writeFile(path, text(contractExperiment));
    await expect(env.h.invoke['file:openPath'](ctx, path)).rejects.toThrow(/only files in Open Recent/);
    expect(env.rec.problems).toHaveLength(0);
    env.rec.openPath = path;
    expect(await env.h.invoke['file:open'](ctx)).toMatchObject({ ok: true });
    expect(await env.h.invoke['file:openPath'](ctx, path)).toMatchObject({ ok: true });
    await expect(env.h.invoke['file:openPath'](ctx, path, 'extra')).rejects.toThrow(/file:openPath/);
  });

  it('openPath accepts only absolute paths to .json files', async () => {
    await expect(env.h.invoke['file:openPath'](ctx, 'relative.json')).rejects.toThrow(/absolute/);
    await expect(env.h.invoke['file:openPath'](ctx, '/etc/passwd')).rejects.toThrow(/\.json/);
    await expect(env.h.invoke['file:openPath'](ctx, 42)).rejects.toThrow(/string/);
  });

  it('saves atomically: asks where the first time, then writes in place, leaving no temp files', async () => {
    const path = join(env.sub, 'saved.json');
    env.rec.savePath = path;
    const first = (await env.h.invoke['file:save'](ctx, contractExperiment, null)) as SaveResult;
    expect(first).toEqual({ ok: true, path, name: 'saved.json' });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(contractExperiment);
    const changed = { ...contractExperiment, name: 'changed' };
    env.rec.savePath = null; // a second dialog would cancel: saving in place must not ask
    const second = (await env.h.invoke['file:save'](ctx, changed, path)) as SaveResult;
    expect(second.ok).toBe(true);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(changed);
    expect((await readdir(env.sub)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never saves an invalid document, and never to a path the window did not choose', async () => {
    const path = join(env.sub, 'x.json');
    await writeFile(path, 'original');
    await expect(env.h.invoke['file:save'](ctx, { relief: 1 }, null)).rejects.toThrow(/invalid/);
    await expect(env.h.invoke['file:save'](ctx, contractExperiment, path)).rejects.toThrow(/opened or saved/);
    expect(await readFile(path, 'utf8')).toBe('original');
  });

  it('a cancelled save dialog saves nothing', async () => {
    expect(await env.h.invoke['file:save'](ctx, contractExperiment, null)).toBeNull();
    expect(await readdir(env.sub)).toEqual([]);
  });

  it('recovery: written while editing, offered back, cleared by a save', async () => {
    expect(await env.h.invoke['recovery:pending'](ctx)).toBeNull();
    await env.h.invoke['recovery:write'](ctx, contractExperiment, 'draft');
    const offer = (await env.h.invoke['recovery:pending'](ctx)) as { experiment: unknown; name: string };
    expect(offer.experiment).toEqual(contractExperiment);
    expect(offer.name).toBe('draft');
    await expect(env.h.invoke['recovery:write'](ctx, { relief: 1 }, 'bad')).rejects.toThrow(/invalid/);
    env.rec.savePath = join(env.sub, 'done.json');
    await env.h.invoke['file:save'](ctx, contractExperiment, null);
    expect(await env.h.invoke['recovery:pending'](ctx)).toBeNull();
  });

  it('window:setDocument passes checked arguments on', () => {
    env.h.send['window:setDocument'](ctx, 'a.json', true);
    expect(env.rec.documents).toEqual([[3, 'a.json', true]]);
    expect(() => env.h.send['window:setDocument'](ctx, 'a.json', 'yes')).toThrow(/boolean/);
  });
});

describe('IPC handlers: jobs on the real worker pool', () => {
  it('streams batched progress, in order and complete, before the result', async () => {
    const env = await setUp();
    const outcome = (await env.h.invoke['job:run'](ctx, 'j1', 'train', {
      experiment: {
        ...contractExperiment,
        runs: [{ name: 'r', optimizer: { type: 'sgd', lr: 0.01 }, steps: 20000 }],
      },
      run: 'r',
    })) as JobOutcome;
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const result = outcome.result as RunResult;
    expect(result.loss).toBeInstanceOf(Float64Array);
    const batches = env.rec.emitted.filter((e) => e.channel === 'job:progress');
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((b) => b.senderId === 3 && b.args[0] === 'j1')).toBe(true);
    // Batching never drops a report: the loss tails put together are exactly the run's loss history.
    const events = batches.flatMap((b) => b.args[1] as ProgressEvent[]);
    let next = 0;
    for (const e of events) {
      const p = e.partial as RunProgress;
      expect(p.from).toBe(next);
      expect(Array.from(p.lossTail)).toEqual(
        Array.from(result.loss.subarray(p.from, p.from + p.lossTail.length)),
      );
      next = p.from + p.lossTail.length;
    }
    expect(next).toBeGreaterThan(0);
    expect(env.h.running).toBe(0);
  });

  it('rejects bad requests as invalid input without starting a job', async () => {
    const env = await setUp();
    const bad = (await env.h.invoke['job:run'](ctx, 'j2', 'train', {
      experiment: { relief: 1 },
    })) as JobOutcome;
    expect(bad).toMatchObject({ ok: false, invalidInput: true });
    if (!bad.ok) expect(bad.message).toMatch(/^payload\.experiment is invalid: (data|model|runs)\b/);
    const kind = (await env.h.invoke['job:run'](ctx, 'j3', 'rm -rf', {
      experiment: contractExperiment,
    })) as JobOutcome;
    expect(kind).toMatchObject({ ok: false, invalidInput: true });
    await expect(env.h.invoke['job:run'](ctx, '../x', 'train', {})).rejects.toThrow(/job id/);
  });

  it('cancel and cancelAll stop a window’s jobs, which return their history', async () => {
    const env = await setUp();
    const payload = { experiment: contractExperiment, run: 'long' };
    const p1 = env.h.invoke['job:run'](ctx, 'long1', 'train', payload) as Promise<JobOutcome>;
    const p2 = env.h.invoke['job:run'](ctx, 'long2', 'train', payload) as Promise<JobOutcome>;
    const other = env.h.invoke['job:run']({ senderId: 4 }, 'short', 'train', {
      experiment: contractExperiment,
      run: 'short',
    }) as Promise<JobOutcome>;
    while (env.rec.emitted.filter((e) => e.args[0] === 'long1').length < 2)
      await new Promise((r) => setTimeout(r, 5));
    env.h.send['job:cancel'](ctx, 'long1');
    const r1 = await p1;
    expect(r1.ok && (r1.result as RunResult).status).toBe('cancelled');
    env.h.cancelAll(3);
    const r2 = await p2;
    // Cancelled while queued or while running: either way it ends, and never as a success of all steps.
    if (r2.ok) expect((r2.result as RunResult).status).toBe('cancelled');
    else expect(r2.message).toMatch(/cancelled/);
    const r3 = await other;
    expect(r3.ok && (r3.result as RunResult).status).toBe('ok');
  });
});
