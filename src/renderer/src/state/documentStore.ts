/**
 * The document: the Experiment being edited (a draft that may be invalid while the user types) and its
 * validation, recomputed on every edit so each field can show its own error. Files are read and written
 * only at the edges (platform); this store never touches them.
 */
import type { z } from 'zod';
import type {
  dataSchema,
  Experiment,
  ExperimentInput,
  networkModelSchema,
} from '../../../core/experiment/schema';
import { validateExperiment, type Problem } from '../../../core/experiment/validate';
import { problemText } from '../i18n/problemText';
import { withPicture } from '../jobs/landscapeEdits';
import { createStore, type Store } from './createStore';
import { defaultExperiment } from './defaultExperiment';
import { withAutoName } from './documentName';

/** A draft whose model is a network (so it has data): what the network sections of the panel edit. */
export type NetworkDraft = ExperimentInput & {
  data: z.input<typeof dataSchema>;
  model: z.input<typeof networkModelSchema>;
};

export function isNetworkDraft(d: ExperimentInput): d is NetworkDraft {
  return d.model.kind !== 'surface' && d.data !== undefined;
}

export interface DocumentState {
  readonly draft: ExperimentInput;
  /** The draft itself when its model is a network, else null. */
  readonly net: NetworkDraft | null;
  /** The last draft that validated, with defaults filled in (what jobs run on). */
  readonly experiment: Experiment | null;
  readonly problems: readonly Problem[];
  readonly fileName: string | null;
  readonly dirty: boolean;
  /** Bumped on every edit; results remember the revision they were computed for. */
  readonly revision: number;
}

export type DocumentStore = Store<DocumentState> & {
  /** Apply an edit to a copy of the draft; the callback may mutate its argument. */
  edit(change: (draft: NetworkDraft) => void): void;
  replace(draft: ExperimentInput, fileName?: string | null): void;
  /**
   * Set the view section alone (3-D or top-down, log scale, colour map, contours): the document is
   * dirty, so Save writes it, but its revision stays, so no result turns stale and nothing recomputes.
   */
  editView(view: ExperimentInput['view']): void;
};

function validated(draft: ExperimentInput): Pick<DocumentState, 'experiment' | 'problems' | 'net'> {
  const v = validateExperiment(draft);
  const net = isNetworkDraft(draft) ? draft : null;
  return v.ok
    ? { experiment: v.experiment, problems: [], net }
    : { experiment: null, problems: v.problems, net };
}

/**
 * A network's plane means nothing for a surface and back: when the model's kind changes and the landscape
 * section is the old document's, it goes, and the new kind of model gets its default picture.
 */
function newModelKind(before: ExperimentInput, next: ExperimentInput): ExperimentInput {
  if (next.model.kind === before.model.kind || !next.landscape) return next;
  if (JSON.stringify(next.landscape) !== JSON.stringify(before.landscape)) return next;
  const { landscape: _old, ...rest } = next;
  return rest;
}

export function createDocumentStore(start: ExperimentInput = defaultExperiment()): DocumentStore {
  // The picture is part of the document: one without a landscape section gets the defaults written in.
  const initial = withPicture(start);
  const store = createStore<DocumentState>({
    draft: initial,
    ...validated(initial),
    fileName: null,
    dirty: false,
    revision: 0,
  });
  return {
    ...store,
    edit(change) {
      const before = store.get().draft;
      const edited = structuredClone(before);
      change(edited as NetworkDraft);
      const draft = withPicture(newModelKind(before, withAutoName(before, edited)));
      store.set((s) => ({ draft, ...validated(draft), dirty: true, revision: s.revision + 1 }));
    },
    replace(opened, fileName = null) {
      const draft = withPicture(newModelKind(store.get().draft, opened));
      store.set((s) => ({ draft, ...validated(draft), fileName, dirty: false, revision: s.revision + 1 }));
    },
    editView(view) {
      const draft = { ...store.get().draft, view };
      store.set({ draft, ...validated(draft), dirty: true });
    },
  };
}

/** The problem reported at exactly this JSON path (or under it, when `prefix` is set). */
export function problemAt(problems: readonly Problem[], path: string, prefix = false): string | null {
  const p = problems.find((q) => q.path === path || (prefix && q.path.startsWith(path)));
  // In the user's language (core's English message on English).
  return p ? problemText(p) : null;
}
