/**
 * The picture lives in the document: the plane kind and the grid resolution the toolbar offers are
 * edits of the experiment's `landscape` section, and a document without one gets the defaults written in
 * (visible in the file the app saves, so `relief landscape` on that file draws the same slice).
 */
import type { Experiment, ExperimentInput } from '../../../core/experiment/schema';
import { validateExperiment } from '../../../core/experiment/validate';
import { defaultLandscape, directionsFor, type PlaneKind } from '../../../core/pipeline/plan';
import type { DocumentStore } from '../state/documentStore';

/** The draft with a `landscape` section: its own, or (when it validates without one) the defaults. */
export function withPicture(draft: ExperimentInput): ExperimentInput {
  if (draft.landscape) return draft;
  const v = validateExperiment(draft);
  return v.ok ? { ...draft, landscape: defaultLandscape(v.experiment) } : draft;
}

export function planeKindOf(e: Experiment | null): PlaneKind | null {
  // Without a landscape section the picture is core's default landscape (what the pipeline fills in).
  return e ? (e.landscape ?? defaultLandscape(e)).directions.kind : null;
}

/** Switch the slice to another kind of plane (the document's own directions of that kind are kept). */
export function setPlaneKind(doc: DocumentStore, kind: PlaneKind): void {
  const e = doc.get().experiment;
  if (!e || planeKindOf(e) === kind) return;
  const directions = directionsFor(kind, e);
  doc.edit((d) => {
    d.landscape = { ...(d.landscape ?? defaultLandscape(e)), directions };
  });
}

/** Grid points per side of the slice. */
export function setResolution(doc: DocumentStore, n: number): void {
  const e = doc.get().experiment;
  if (!e) return;
  doc.edit((d) => {
    d.landscape = { ...(d.landscape ?? defaultLandscape(e)), resolution: [n, n] };
  });
}
