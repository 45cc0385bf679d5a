/**
 * The document's `view` section and the view store kept in step: opening a file shows it the way it was
 * saved (3-D or top-down, log scale, colour map, contours), and changing one of those is an edit of the
 * document, so Save writes it. Nothing is recomputed for it, and the picture does not turn stale: it is an edit of the view section
 * alone (`editView`), which keeps the document's revision.
 */
import type { ExperimentInput } from '../../../core/experiment/schema';
import { viewSchema, type ViewSpec } from '../../../core/experiment/viewSchema';
import type { DocumentStore } from '../state/documentStore';
import type { ViewState, ViewStore } from '../state/viewStore';

function fromView(v: ViewState): ViewSpec {
  const parsed = viewSchema.safeParse({
    surface: v.surfaceMode,
    logScale: v.logScale,
    colorMap: v.colorMap,
    contours: v.contours,
  });
  return parsed.success ? parsed.data : viewSchema.parse({});
}

function same(a: ViewSpec, b: ViewSpec): boolean {
  return (
    a.surface === b.surface &&
    a.logScale === b.logScale &&
    a.colorMap === b.colorMap &&
    a.contours === b.contours
  );
}

/** The draft's view section with the schema's defaults filled in. */
function ofDraft(d: ExperimentInput): ViewSpec {
  const parsed = viewSchema.safeParse(d.view ?? {});
  return parsed.success ? parsed.data : viewSchema.parse({});
}

export function syncView(doc: DocumentStore, view: ViewStore): () => void {
  const toView = () => {
    const want = ofDraft(doc.get().draft);
    if (same(want, fromView(view.get()))) return;
    view.set({
      surfaceMode: want.surface,
      logScale: want.logScale,
      colorMap: want.colorMap,
      contours: want.contours,
    });
  };
  const toDoc = () => {
    const shown = fromView(view.get());
    if (same(shown, ofDraft(doc.get().draft))) return;
    doc.editView(shown);
  };
  toView();
  const a = doc.subscribe(toView);
  const b = view.subscribe(toDoc);
  return () => {
    a();
    b();
  };
}
