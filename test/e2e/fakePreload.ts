/**
 * The Electron renderer path without Electron: a stand-in for the preload script, installed in the page
 * before the app's own code, that implements `window.relief` (the real `ReliefApi` shape) by calling the
 * REAL main-process IPC handlers in the test process (src/main/node/ipcHandlers.ts, behind the real
 * `checkSender` gate, on the real worker pool). Only Electron's transport is replaced, by Playwright's
 * exposed functions; messages are encoded so typed arrays cross exactly (bytes in base64), as
 * structured cloning would carry them.
 */
import type { Page } from 'playwright-core';
import { checkSender } from '../../src/main/node/ipcGuard';
import type { IpcHandlers } from '../../src/main/node/ipcHandlers';
import type { EventChannel } from '../../src/preload/channels';

type Tagged = { __typed: string; b64: string } | { __num: string };

/** Typed arrays -> {__typed, b64}; non-finite numbers -> {__num}; the rest as JSON. */
export function encode(value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { __num: String(value) } satisfies Tagged;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const bytes = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    return { __typed: value.constructor.name, b64: bytes.toString('base64') } satisfies Tagged;
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

const CTORS: Record<string, new (b: ArrayBuffer) => ArrayBufferView> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint32Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int8Array,
};

export function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    const t = value as Partial<{ __typed: string; b64: string; __num: string }>;
    if (typeof t.__num === 'string') return Number(t.__num);
    if (typeof t.__typed === 'string' && typeof t.b64 === 'string') {
      const bytes = Buffer.from(t.b64, 'base64');
      const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return new CTORS[t.__typed]!(ab);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** The page side: the same encoding, and `window.relief` built on the exposed functions. */
const PAGE_SCRIPT = `(() => {
  const CTORS = { Float64Array, Float32Array, Int32Array, Uint32Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int8Array };
  const encode = (v) => {
    if (typeof v === 'number' && !Number.isFinite(v)) return { __num: String(v) };
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const b = new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode.apply(null, b.subarray(i, i + 0x8000));
      return { __typed: v.constructor.name, b64: btoa(s) };
    }
    if (Array.isArray(v)) return v.map(encode);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, encode(x)]));
    return v;
  };
  const decode = (v) => {
    if (Array.isArray(v)) return v.map(decode);
    if (v && typeof v === 'object') {
      if (typeof v.__num === 'string') return Number(v.__num);
      if (typeof v.__typed === 'string') {
        const s = atob(v.b64);
        const b = new Uint8Array(s.length);
        for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
        return new CTORS[v.__typed](b.buffer);
      }
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decode(x)]));
    }
    return v;
  };
  const listeners = {};
  const on = (channel, fn) => {
    (listeners[channel] ||= new Set()).add(fn);
    return () => listeners[channel].delete(fn);
  };
  window.__reliefIpcEmit = (channel, args) => {
    for (const fn of listeners[channel] || []) fn(...decode(args));
  };
  const invoke = async (channel, ...args) => {
    const r = await window.__reliefIpcInvoke(channel, encode(args));
    if (r && r.__error) throw new Error(r.__error);
    return decode(r);
  };
  const send = (channel, ...args) => void window.__reliefIpcSend(channel, encode(args));
  window.relief = Object.freeze({
    version: 1,
    jobs: {
      run: (jobId, kind, payload) => invoke('job:run', jobId, kind, payload),
      cancel: (jobId) => send('job:cancel', jobId),
      onProgress: (fn) => on('job:progress', fn),
    },
    files: {
      open: () => invoke('file:open'),
      openPath: (path) => invoke('file:openPath', path),
      openFile: async () => null,
      save: (experiment, path) => invoke('file:save', experiment, path),
      exportText: (name, text) => invoke('file:export', name, text),
      recent: () => invoke('file:recent'),
      onOpened: (fn) => on('file:opened', fn),
    },
    recovery: {
      write: (experiment, name) => invoke('recovery:write', experiment, name),
      clear: () => invoke('recovery:clear'),
      pending: () => invoke('recovery:pending'),
    },
    window: { setDocument: (name, dirty) => send('window:setDocument', name, dirty) },
    onMenu: (fn) => on('menu:command', fn),
  });
})();`;

export interface FakeMain {
  /** Main -> renderer message, as webContents.send would deliver it. */
  emit(channel: EventChannel, ...args: unknown[]): Promise<void>;
}

/**
 * Installs the stand-in preload in `page` (call before navigating). Every call passes `checkSender`
 * with the page's real frame URL, trusted as the dev-server origin `trustedOrigin`.
 */
export async function installFakePreload(
  page: Page,
  handlers: IpcHandlers,
  trustedOrigin: string,
): Promise<FakeMain> {
  const ctx = () =>
    checkSender(
      'job:run',
      { sender: { id: 1 }, senderFrame: { url: page.url(), parent: null } },
      trustedOrigin,
    );
  await page.exposeFunction('__reliefIpcInvoke', async (channel: string, args: unknown[]) => {
    try {
      checkSender(
        channel,
        { sender: { id: 1 }, senderFrame: { url: page.url(), parent: null } },
        trustedOrigin,
      );
      const handler = handlers.invoke[channel as keyof IpcHandlers['invoke']];
      return encode(await handler(ctx(), ...(decode(args) as unknown[])));
    } catch (err) {
      return { __error: (err as Error).message };
    }
  });
  await page.exposeFunction('__reliefIpcSend', (channel: string, args: unknown[]) => {
    checkSender(
      channel,
      { sender: { id: 1 }, senderFrame: { url: page.url(), parent: null } },
      trustedOrigin,
    );
    handlers.send[channel as keyof IpcHandlers['send']](ctx(), ...(decode(args) as unknown[]));
  });
  await page.addInitScript({ content: PAGE_SCRIPT });
  return {
    async emit(channel, ...args) {
      await page.evaluate(
        ([c, a]) =>
          (globalThis as unknown as { __reliefIpcEmit(c: unknown, a: unknown): void }).__reliefIpcEmit(c, a),
        [channel, encode(args)] as const,
      );
    },
  };
}
