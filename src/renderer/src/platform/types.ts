/**
 * Files and the window, as the UI sees them, whatever the host: native dialogs, atomic saves, recent
 * files and a recovery file in Electron; a file picker, downloads and localStorage in a browser.
 */
import type { FileProblem, MenuCommand, RecentFile, RecoveryOffer, SaveResult } from '../../../preload/api';

export type { FileProblem, MenuCommand, RecentFile, RecoveryOffer, SaveResult };

/** A file the user opened: its document (valid: the file is never changed) or what is wrong with it. */
export type OpenOutcome =
  { ok: true; name: string; experiment: unknown } | { ok: false; name: string; problems: FileProblem[] };

export interface Platform {
  readonly kind: 'electron' | 'web';
  /**
   * Asks for a file and reads it; null if the user cancelled. An invalid file has already been
   * reported to the user (a dialog naming each field) when this resolves with ok: false.
   */
  open(): Promise<OpenOutcome | null>;
  /** Opens a dropped or picked File the same way. */
  openFile(file: File): Promise<OpenOutcome>;
  /** Files opened outside a call of `open` (drag-and-drop anywhere on the page, Open Recent). */
  onOpened(listener: (outcome: OpenOutcome) => void): () => void;
  recent(): Promise<RecentFile[]>;
  /** Saves the document (asks where the first time, or always with saveAs); null if cancelled. */
  save(experiment: unknown, options?: { saveAs?: boolean }): Promise<SaveResult | null>;
  /** Forget the current file: the next save asks where. */
  newDocument(): void;
  /** Derived data (JSON, CSV) to a file of the user's choosing. */
  exportText(defaultName: string, text: string): Promise<SaveResult | null>;
  /** Title with the file name and an unsaved marker; closing asks first while dirty. */
  setDocument(name: string, dirty: boolean): void;
  /** Menu commands (Electron) or their keyboard shortcuts (browser). */
  onMenu(listener: (command: MenuCommand) => void): () => void;
  recovery: {
    /** Keep a copy of the unsaved document, to offer after a crash. */
    write(experiment: unknown, name: string): void;
    clear(): void;
    /** A copy left by a session that did not end cleanly, if any. */
    pending(): Promise<RecoveryOffer | null>;
  };
}
