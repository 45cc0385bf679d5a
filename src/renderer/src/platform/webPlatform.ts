/**
 * The Platform in a browser: a file picker to open, a download to save (a page cannot write a file
 * back in place), localStorage for the recovery copy; no recent-files list (a page cannot reopen a
 * file by path). Keyboard shortcuts stand in for the menu.
 */
import { parseRecoveryCopy } from '../../../core/experiment/recoveryCopy';
import { formatProblems, parseExperimentText, validateExperiment } from '../../../core/experiment/validate';
import { experimentFileName } from '../lib/exportNames';
import { installDropTarget } from './dropTarget';
import { createListeners } from './listeners';
import { showProblemDialog } from './problemDialog';
import type { MenuCommand, OpenOutcome, Platform, RecoveryOffer } from './types';

const RECOVERY_KEY = 'relief.recovery.v1';

/** Ctrl/Cmd shortcuts a page may take (the browser keeps Ctrl+N for itself). */
const SHORTCUTS: Record<string, MenuCommand> = {
  o: 'open',
  s: 'save',
  S: 'save-as',
  e: 'export',
  Enter: 'run',
};

function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.json,application/json';
    input.style.display = 'none';
    input.className = 'relief-file-input';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => done(null));
    document.body.append(input);
    input.click();
  });
}

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Save's file name: `<name>.relief.json`, the name Copy CLI command quotes (lib/exportNames). */
function fileNameFor(name: string): string {
  return experimentFileName(name);
}

export function createWebPlatform(): Platform {
  const opened = createListeners<OpenOutcome>();
  const menu = createListeners<MenuCommand>();
  let currentName: string | null = null;
  let dirty = false;

  async function openFile(file: File): Promise<OpenOutcome> {
    const v = parseExperimentText(await file.text());
    if (!v.ok) {
      showProblemDialog(file.name, v.problems);
      return { ok: false, name: file.name, problems: v.problems };
    }
    currentName = file.name;
    return { ok: true, name: file.name, experiment: JSON.parse(await file.text()) as unknown };
  }

  installDropTarget((file) => void openFile(file).then(opened.emit));
  window.addEventListener('keydown', (e) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const command = SHORTCUTS[e.shiftKey && e.key.length === 1 ? e.key.toUpperCase() : e.key];
    if (!command) return;
    e.preventDefault();
    menu.emit(command);
  });
  window.addEventListener('beforeunload', (e) => {
    if (dirty) e.preventDefault();
  });

  return {
    kind: 'web',
    async open() {
      const file = await pickFile();
      return file ? openFile(file) : null;
    },
    openFile,
    onOpened: opened.add,
    recent: async () => [],
    async save(experiment, options) {
      const v = validateExperiment(experiment);
      if (!v.ok) return { ok: false, message: `not saved: ${formatProblems(v.problems)}` };
      // A page cannot write in place: every save is a download (the browser may ask where).
      const docName = (experiment as { name?: unknown }).name;
      const name =
        currentName && !options?.saveAs
          ? currentName
          : fileNameFor(typeof docName === 'string' ? docName.replace(/[^\w.-]+/g, '-') : '');
      download(name, `${JSON.stringify(experiment, null, 2)}\n`, 'application/json');
      currentName = name;
      return { ok: true, path: name, name };
    },
    newDocument() {
      currentName = null;
    },
    async exportText(defaultName, text) {
      download(defaultName, text, defaultName.endsWith('.csv') ? 'text/csv' : 'application/json');
      return { ok: true, path: defaultName, name: defaultName };
    },
    setDocument(name, isDirty) {
      dirty = isDirty;
      document.title = `${isDirty ? '• ' : ''}${name} — Relief`;
    },
    onMenu: menu.add,
    recovery: {
      write(experiment, name) {
        const offer: RecoveryOffer = { experiment, name, savedAt: new Date().toISOString() };
        try {
          localStorage.setItem(RECOVERY_KEY, JSON.stringify(offer));
        } catch {
          // Storage full or disabled: recovery is a convenience, never an error for the user.
        }
      },
      clear() {
        localStorage.removeItem(RECOVERY_KEY);
      },
      async pending() {
        let text: string | null;
        try {
          text = localStorage.getItem(RECOVERY_KEY);
        } catch {
          return null; // storage disabled
        }
        if (!text) return null;
        // Parsed by the same schema as Electron's copy; a bad one is moved aside (kept for a look,
        // never offered again) and reported, so Restore only ever gets a valid document.
        const r = parseRecoveryCopy(text);
        if (r.ok) return r.copy;
        try {
          localStorage.setItem(`${RECOVERY_KEY}.bad`, text);
          localStorage.removeItem(RECOVERY_KEY);
        } catch {
          localStorage.removeItem(RECOVERY_KEY);
        }
        console.warn(
          `relief: the recovery copy was not offered: ${r.reason}; it was moved to ${RECOVERY_KEY}.bad`,
        );
        return null;
      },
    },
  };
}
