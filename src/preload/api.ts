/**
 * The one API the preload script exposes to the renderer as `window.relief` (types only, so both the
 * renderer and the main process compile against it). Every call crosses IPC on a channel named in
 * `channels.ts`; the main process checks the sender and validates every payload.
 */

/** A problem found validating a document: the JSON path and the rule it broke. */
export interface FileProblem {
  readonly path: string;
  readonly message: string;
}

export type OpenResult =
  | { ok: true; path: string; name: string; experiment: unknown }
  | { ok: false; path: string; name: string; problems: FileProblem[] };

export type SaveResult = { ok: true; path: string; name: string } | { ok: false; message: string };

export interface RecentFile {
  path: string;
  name: string;
}

/** A job's end as it crosses IPC: errors as data, so the renderer gets the pool's own message. */
export type JobOutcome =
  { ok: true; result: unknown } | { ok: false; message: string; invalidInput: boolean };

export interface ProgressEvent {
  fraction: number;
  partial?: unknown;
}

/** Menu items the renderer acts on (the main process handles Open, Quit and the like itself). */
export type MenuCommand =
  'new' | 'open' | 'save' | 'save-as' | 'export' | 'run' | 'cancel' | 'lessons' | 'about';

export interface RecoveryOffer {
  experiment: unknown;
  name: string;
  savedAt: string;
}

export interface ReliefApi {
  readonly version: 1;
  jobs: {
    /** Starts a job in the main process's worker pool; `jobId` is the renderer's own handle for it. */
    run(jobId: string, kind: string, payload: unknown): Promise<JobOutcome>;
    cancel(jobId: string): void;
    /** Progress arrives batched (at most ~30 messages a second), in order, per job. */
    onProgress(listener: (jobId: string, events: ProgressEvent[]) => void): () => void;
  };
  files: {
    /** Native open dialog; null if the user cancelled. An invalid file also gets a native dialog. */
    open(): Promise<OpenResult | null>;
    /**
     * Opens a file by path; same checks as `open`. The main process accepts only paths in Open Recent
     * or already opened in this window (Open Recent, a file given on the command line).
     */
    openPath(path: string): Promise<OpenResult>;
    /** Opens a dropped or picked File from disk (its path resolved in the preload); null if it has none. */
    openFile(file: File): Promise<OpenResult | null>;
    /** Saves atomically to `path` (or asks where when `path` is null). Null if the user cancelled. */
    save(experiment: unknown, path: string | null): Promise<SaveResult | null>;
    /** Saves derived data (JSON or CSV text) where the user chooses. */
    exportText(defaultName: string, text: string): Promise<SaveResult | null>;
    recent(): Promise<RecentFile[]>;
    /** Files the main process opened itself (menu Open, Open Recent): the renderer loads them. */
    onOpened(listener: (result: OpenResult) => void): () => void;
  };
  recovery: {
    /** Autosave of the unsaved document, written atomically to the recovery file. */
    write(experiment: unknown, name: string): Promise<void>;
    clear(): Promise<void>;
    /** A recovery file left by a session that did not end cleanly, if any. */
    pending(): Promise<RecoveryOffer | null>;
  };
  window: {
    /** Title (file name plus unsaved marker) and whether closing should ask first. */
    setDocument(name: string, dirty: boolean): void;
  };
  onMenu(listener: (command: MenuCommand) => void): () => void;
}
