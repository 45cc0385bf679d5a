/**
 * Connects the Platform to the UI's document and runner: menu commands (or their shortcuts in a
 * browser), files opened by the main process or dropped on the page, the window title with its unsaved
 * marker, the recovery autosave and, in a browser, the offer to restore it. Structural types only, so
 * the UI's stores plug in as they are; main.tsx calls this once.
 */
import { validateExperiment } from '../../../core/experiment/validate';
import type { MenuCommand, OpenOutcome, Platform } from './types';

export interface ShellDocument {
  get(): { draft: unknown; fileName: string | null; dirty: boolean };
  set(patch: { dirty?: boolean; fileName?: string | null }): void;
  subscribe(listener: () => void): () => void;
  replace(draft: never, fileName?: string | null): void;
}

export interface ShellHooks {
  doc: ShellDocument;
  runner: { run(): void; cancel(): void };
  /** A fresh document for File > New. */
  newExperiment(): unknown;
  /** File > Export (the UI knows what results it has). */
  exportResults?(): void;
  /** Help > About, Lessons: optional UI hooks. */
  about?(): void;
  lessons?(): void;
  /** A message for the user (a failed save). */
  showError(message: string): void;
  /** Autosave delay after the last edit, in ms. */
  autosaveMs?: number;
}

function docName(d: { draft: unknown; fileName: string | null }): string {
  if (d.fileName) return d.fileName;
  const name = (d.draft as { name?: unknown } | null)?.name;
  return typeof name === 'string' && name ? name : 'Untitled';
}

export function connectShell(platform: Platform, hooks: ShellHooks): () => void {
  const { doc } = hooks;
  const load = (o: OpenOutcome, dirty = false) => {
    if (!o.ok) return;
    doc.replace(o.experiment as never, o.name);
    if (dirty) doc.set({ dirty: true });
  };

  async function save(saveAs: boolean): Promise<void> {
    const d = doc.get();
    try {
      const r = await platform.save(d.draft, { saveAs });
      if (!r) return;
      if (!r.ok) return hooks.showError(r.message);
      doc.set({ dirty: false, fileName: r.name });
      platform.recovery.clear();
    } catch (err) {
      hooks.showError((err as Error).message);
    }
  }

  const commands: Record<MenuCommand, () => void> = {
    new: () => {
      doc.replace(hooks.newExperiment() as never, null);
      platform.newDocument();
    },
    open: () => void platform.open().then((o) => o && load(o)),
    save: () => void save(false),
    'save-as': () => void save(true),
    export: () => hooks.exportResults?.(),
    run: () => hooks.runner.run(),
    cancel: () => hooks.runner.cancel(),
    lessons: () => hooks.lessons?.(),
    about: () => hooks.about?.(),
  };

  let lastTitle = '';
  let autosave: ReturnType<typeof setTimeout> | undefined;
  const onDoc = () => {
    const d = doc.get();
    const name = docName(d);
    const title = `${name}\0${d.dirty}`;
    if (title !== lastTitle) {
      lastTitle = title;
      platform.setDocument(name, d.dirty);
    }
    clearTimeout(autosave);
    if (!d.dirty) return;
    autosave = setTimeout(() => {
      const now = doc.get();
      // Only a document that validates is kept: the recovery copy must open again.
      if (now.dirty && validateExperiment(now.draft).ok) platform.recovery.write(now.draft, docName(now));
    }, hooks.autosaveMs ?? 2000);
  };

  const offs = [
    platform.onMenu((c) => commands[c]()),
    platform.onOpened((o) => load(o)),
    doc.subscribe(onDoc),
  ];
  onDoc();

  // Electron's main process offers the recovery copy with a native dialog; a browser asks here.
  if (platform.kind === 'web')
    void platform.recovery.pending().then((offer) => {
      if (!offer) return;
      const when = offer.savedAt ? ` from ${new Date(offer.savedAt).toLocaleString()}` : '';
      if (window.confirm(`Restore the unsaved experiment “${offer.name}”${when}?`))
        load({ ok: true, name: offer.name, experiment: offer.experiment }, true);
      else platform.recovery.clear();
    });

  return () => {
    clearTimeout(autosave);
    for (const off of offs) off();
  };
}
