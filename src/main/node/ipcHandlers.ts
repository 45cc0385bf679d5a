/**
 * The main process's IPC handlers as plain functions of plain arguments: Electron wiring (index.ts)
 * registers each one behind the `guarded` gate; tests call them directly with a real worker pool.
 * Every argument is checked here (args.ts); every experiment validates with the one schema.
 */
import type { JobOutcome, OpenResult, ProgressEvent, SaveResult } from '../../preload/api';
import type { EventChannel, InvokeChannel, SendChannel } from '../../preload/channels';
import type { RunOptions } from '../../node/pool/workerPool';
import * as check from './args';
import { parseChannelArgs } from './channelArgs';
import { openProblemMessage, readExperimentFile, saveExperimentFile } from '../../node/experimentFile';
import type { SenderContext } from './ipcGuard';
import { createProgressBatcher } from './progressBatcher';
import type { RecentFiles } from './recentFiles';
import type { RecoveryStore } from './recovery';
import { writeFileAtomic } from '../../node/atomicWrite';
import { basename } from 'node:path';

export interface Dialogs {
  /** Native open dialog; null if cancelled. */
  chooseOpenPath(): Promise<string | null>;
  /** Native save dialog; null if cancelled. */
  chooseSavePath(defaultName: string, filter: 'experiment' | 'export'): Promise<string | null>;
  /** Native error dialog for a file that cannot be opened. */
  showOpenProblems(message: string): Promise<void>;
}

export interface HandlerDeps {
  pool: { run<R = unknown>(kind: string, payload: unknown, opts?: RunOptions): Promise<R> };
  recent: RecentFiles;
  recovery: RecoveryStore;
  dialogs: Dialogs;
  /** Main -> renderer message to one window. */
  emit(senderId: number, channel: EventChannel, ...args: unknown[]): void;
  setDocument(senderId: number, name: string, dirty: boolean): void;
  /** The recent list changed (the menu is rebuilt). */
  recentChanged?(): void;
  progressIntervalMs?: number;
}

type Handler = (ctx: SenderContext, ...args: unknown[]) => unknown;

export interface IpcHandlers {
  invoke: Record<InvokeChannel, Handler>;
  send: Record<SendChannel, Handler>;
  /** Open a file by path for a window (Open Recent, a file given on the command line). */
  openPath(senderId: number, path: string): Promise<OpenResult>;
  /** Cancel every job of a window (it closed or reloaded). */
  cancelAll(senderId: number): void;
  /** Number of jobs running (tests, diagnostics). */
  readonly running: number;
}

export function createIpcHandlers(deps: HandlerDeps): IpcHandlers {
  const running = new Map<string, AbortController>();
  /** Paths each window opened or saved: a window may save without a dialog only to one of these. */
  const knownPaths = new Map<number, Set<string>>();
  const key = (senderId: number, id: string) => `${senderId}:${id}`;
  const remember = (senderId: number, path: string) => {
    let s = knownPaths.get(senderId);
    if (!s) knownPaths.set(senderId, (s = new Set()));
    s.add(path);
  };

  async function openPath(senderId: number, path: string): Promise<OpenResult> {
    const r = await readExperimentFile(path);
    if (!r.ok) {
      await deps.dialogs.showOpenProblems(openProblemMessage(r));
      if (r.problems.some((p) => p.message.startsWith('cannot read'))) await deps.recent.remove(path);
    } else {
      remember(senderId, path);
      await deps.recent.add(path);
    }
    deps.recentChanged?.();
    return r;
  }

  async function runJob(
    ctx: SenderContext,
    id: unknown,
    kind: unknown,
    payload: unknown,
  ): Promise<JobOutcome> {
    const jobKey = key(ctx.senderId, check.jobId(id));
    let req: ReturnType<typeof check.jobRequest>;
    try {
      req = check.jobRequest(kind, payload);
    } catch (err) {
      // A bad payload is the caller's input error, reported like the worker's own validation.
      return { ok: false, message: (err as Error).message, invalidInput: true };
    }
    if (running.has(jobKey)) throw new check.InvalidArgument(`job id '${String(id)}' is already running`);
    const ac = new AbortController();
    running.set(jobKey, ac);
    const batcher = createProgressBatcher(
      (events: ProgressEvent[]) => deps.emit(ctx.senderId, 'job:progress', id, events),
      deps.progressIntervalMs,
    );
    try {
      const result = await deps.pool.run(req.kind, req.payload, {
        signal: ac.signal,
        onProgress: (fraction, partial) => batcher.push({ fraction, partial }),
      });
      batcher.flush();
      return { ok: true, result };
    } catch (err) {
      batcher.flush();
      const e = err as Error & { invalidInput?: boolean };
      return { ok: false, message: e.message, invalidInput: e.invalidInput === true };
    } finally {
      running.delete(jobKey);
    }
  }

  async function save(ctx: SenderContext, experiment: unknown, path: unknown): Promise<SaveResult | null> {
    const doc = check.experiment(experiment);
    let target: string | null = path === null ? null : check.jsonPath(path);
    if (target !== null && !knownPaths.get(ctx.senderId)?.has(target))
      throw new check.InvalidArgument('save path must be a file this window opened or saved');
    if (target === null) {
      target = await deps.dialogs.chooseSavePath(`${doc.name ?? 'experiment'}.relief.json`, 'experiment');
      if (target === null) return null;
    }
    const r = await saveExperimentFile(target, experiment);
    if (r.ok) {
      remember(ctx.senderId, target);
      await deps.recent.add(target);
      await deps.recovery.clear();
      deps.recentChanged?.();
    }
    return r;
  }

  async function exportText(_ctx: SenderContext, name: unknown, text: unknown): Promise<SaveResult | null> {
    const defaultName = basename(check.str(name, 'file name', 255));
    const body = check.str(text, 'export text', 256 * 1024 * 1024);
    const target = await deps.dialogs.chooseSavePath(defaultName, 'export');
    if (target === null) return null;
    try {
      await writeFileAtomic(target, body);
    } catch (err) {
      return { ok: false, message: `cannot export ${basename(target)}: ${(err as Error).message}` };
    }
    return { ok: true, path: target, name: basename(target) };
  }

  const invoke: Record<InvokeChannel, Handler> = {
    'job:run': (ctx, id, kind, payload) => runJob(ctx, id, kind, payload),
    'file:open': async (ctx) => {
      const path = await deps.dialogs.chooseOpenPath();
      return path === null ? null : openPath(ctx.senderId, path);
    },
    // Only a file the user chose: one in Open Recent, one this window opened or saved before, or
    // (next channel) one dropped on the window. Any other path from the renderer is refused.
    'file:openPath': async (ctx, path) => {
      const p = check.jsonPath(path);
      if (!deps.recent.has(p) && !knownPaths.get(ctx.senderId)?.has(p))
        throw new check.InvalidArgument(
          'file:openPath opens only files in Open Recent or already opened in this window; use Open…',
        );
      return openPath(ctx.senderId, p);
    },
    // A dropped file: the preload resolves the path of a real File the user dropped (webUtils), so
    // the page itself never names a path here.
    'file:openDropped': async (ctx, path) => openPath(ctx.senderId, check.jsonPath(path)),
    'file:save': (ctx, experiment, path) => save(ctx, experiment, path),
    'file:export': (ctx, name, text) => exportText(ctx, name, text),
    'file:recent': async () => deps.recent.entries,
    'recovery:write': async (_ctx, experiment, name) => {
      check.experiment(experiment);
      await deps.recovery.write(experiment, check.str(name, 'name', 255));
    },
    'recovery:clear': () => deps.recovery.clear(),
    'recovery:pending': () => deps.recovery.pending(),
  };
  const send: Record<SendChannel, Handler> = {
    'job:cancel': (ctx, id) => running.get(key(ctx.senderId, check.jobId(id)))?.abort(),
    'window:setDocument': (ctx, name, dirty) => {
      if (typeof dirty !== 'boolean') throw new check.InvalidArgument('dirty must be a boolean');
      deps.setDocument(ctx.senderId, check.str(name, 'name', 255), dirty);
    },
  };
  /** Every handler behind its channel's argument schema (channelArgs.ts). */
  const parsed = <C extends InvokeChannel | SendChannel>(
    table: Record<C, Handler>,
    wrap: (f: Handler) => Handler,
  ): Record<C, Handler> =>
    Object.fromEntries(
      Object.entries<Handler>(table).map(([channel, handler]) => [
        channel,
        wrap((ctx, ...args) => handler(ctx, ...parseChannelArgs(channel as C, args))),
      ]),
    ) as Record<C, Handler>;

  return {
    // an invoke answers a refused message as a rejected promise, like any other failure
    invoke: parsed(
      invoke,
      (f) =>
        async (ctx, ...args) =>
          f(ctx, ...args),
    ),
    send: parsed(send, (f) => f),
    openPath,
    cancelAll(senderId) {
      for (const [k, ac] of running) if (k.startsWith(`${senderId}:`)) ac.abort();
    },
    get running() {
      return running.size;
    },
  };
}
