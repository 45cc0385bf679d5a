/**
 * The Platform in Electron: everything goes to the main process through the preload API, which shows
 * native dialogs (also the one naming the fields of an invalid file), saves atomically, keeps the
 * recent-files list and the recovery file.
 */
import type { OpenResult, ReliefApi } from '../../../preload/api';
import { installDropTarget } from './dropTarget';
import { createListeners } from './listeners';
import type { OpenOutcome, Platform } from './types';

function outcome(r: OpenResult): OpenOutcome {
  return r.ok
    ? { ok: true, name: r.name, experiment: r.experiment }
    : { ok: false, name: r.name, problems: r.problems };
}

export function createElectronPlatform(api: ReliefApi): Platform {
  const opened = createListeners<OpenOutcome>();
  let currentPath: string | null = null;

  const track = (r: OpenResult): OpenOutcome => {
    // A restored recovery copy has no path: its first save asks where.
    if (r.ok) currentPath = r.path || null;
    return outcome(r);
  };
  api.files.onOpened((r) => opened.emit(track(r)));
  installDropTarget((file) => {
    void api.files.openFile(file).then((r) => r && opened.emit(track(r)));
  });

  return {
    kind: 'electron',
    async open() {
      const r = await api.files.open();
      return r ? track(r) : null;
    },
    async openFile(file) {
      const r = await api.files.openFile(file);
      if (!r) return { ok: false, name: file.name, problems: [{ path: '', message: 'not a file on disk' }] };
      return track(r);
    },
    onOpened: opened.add,
    recent: () => api.files.recent(),
    async save(experiment, options) {
      const r = await api.files.save(experiment, options?.saveAs ? null : currentPath);
      if (r?.ok) currentPath = r.path;
      return r;
    },
    newDocument() {
      currentPath = null;
    },
    exportText: (name, text) => api.files.exportText(name, text),
    setDocument: (name, dirty) => api.window.setDocument(name, dirty),
    onMenu: (listener) => api.onMenu(listener),
    recovery: {
      // Best effort: the main process refuses a draft that does not validate, and that is fine.
      write: (experiment, name) => void api.recovery.write(experiment, name).catch(() => {}),
      clear: () => void api.recovery.clear(),
      pending: () => api.recovery.pending(),
    },
  };
}
