/**
 * The preload script (CommonJS, sandboxed): exposes `window.relief`, a fixed set of functions, through
 * contextBridge. It never hands the renderer ipcRenderer itself or any Electron object; listeners get
 * plain data, never the IPC event.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { MenuCommand, OpenResult, ProgressEvent, ReliefApi } from './api';
import type { EventChannel, InvokeChannel, SendChannel } from './channels';

const invoke = (channel: InvokeChannel, ...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
const send = (channel: SendChannel, ...args: unknown[]) => ipcRenderer.send(channel, ...args);

function subscribe<A extends unknown[]>(channel: EventChannel, listener: (...args: A) => void): () => void {
  const wrapped = (_event: Electron.IpcRendererEvent, ...args: unknown[]) => listener(...(args as A));
  ipcRenderer.on(channel, wrapped);
  return () => {
    ipcRenderer.removeListener(channel, wrapped);
  };
}

const api: ReliefApi = {
  version: 1,
  jobs: {
    run: (jobId, kind, payload) => invoke('job:run', jobId, kind, payload),
    cancel: (jobId) => send('job:cancel', jobId),
    onProgress: (listener) =>
      subscribe('job:progress', (jobId: string, events: ProgressEvent[]) => listener(jobId, events)),
  },
  files: {
    open: () => invoke('file:open'),
    openPath: (path) => invoke('file:openPath', path),
    // The path of a real File the user dropped or picked, resolved here (the page never names it);
    // a File made by script has no path and opens nothing.
    openFile: async (file) => {
      const path = webUtils.getPathForFile(file);
      return path ? invoke('file:openDropped', path) : null;
    },
    save: (experiment, path) => invoke('file:save', experiment, path),
    exportText: (name, text) => invoke('file:export', name, text),
    recent: () => invoke('file:recent'),
    onOpened: (listener) => subscribe('file:opened', (r: OpenResult) => listener(r)),
  },
  recovery: {
    write: (experiment, name) => invoke('recovery:write', experiment, name),
    clear: () => invoke('recovery:clear'),
    pending: () => invoke('recovery:pending'),
  },
  window: {
    setDocument: (name, dirty) => send('window:setDocument', name, dirty),
  },
  onMenu: (listener) => subscribe('menu:command', (c: MenuCommand) => listener(c)),
};

contextBridge.exposeInMainWorld('relief', api);
