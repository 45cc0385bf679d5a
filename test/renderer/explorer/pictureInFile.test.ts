/**
 * The file holds the picture: a document without a landscape section gets the schema's defaults written
 * in (so Save keeps them), the plane and resolution controls edit that section, and the view section and
 * the view store follow each other both ways.
 */
import { describe, expect, it } from 'vitest';
import { landscapeSchema } from '../../../src/core/experiment/landscapeSchema';
import { viewSchema } from '../../../src/core/experiment/viewSchema';
import { setPlaneKind, setResolution } from '../../../src/renderer/src/jobs/landscapeEdits';
import { syncView } from '../../../src/renderer/src/jobs/viewSync';
import { defaultExperiment } from '../../../src/renderer/src/state/defaultExperiment';
import { createDocumentStore } from '../../../src/renderer/src/state/documentStore';
import { createViewStore } from '../../../src/renderer/src/state/viewStore';

describe('the picture in the document', () => {
  it('fills in the landscape defaults on open, and keeps a file’s own section as it is', () => {
    const doc = createDocumentStore();
    expect(doc.get().draft.landscape).toEqual(landscapeSchema.parse({}));
    const own = { directions: { kind: 'pca' as const }, resolution: [31, 25] as [number, number] };
    doc.replace({ ...defaultExperiment(), landscape: own }, 'x.json');
    expect(doc.get().draft.landscape).toEqual(own);
    expect(doc.get().dirty).toBe(false);
    doc.replace({
      relief: 1,
      model: { kind: 'surface', preset: 'himmelblau' },
      runs: defaultExperiment().runs,
    });
    expect(doc.get().experiment!.landscape!.directions).toEqual({ kind: 'explicit', d1: [1, 0], d2: [0, 1] });
  });

  it('edits plane kind and resolution in the landscape section', () => {
    const doc = createDocumentStore();
    setPlaneKind(doc, 'interpolate');
    expect(doc.get().experiment!.landscape!.directions).toEqual({
      kind: 'interpolate',
      points: [{ run: 'gd' }, { run: 'momentum' }],
    });
    setResolution(doc, 101);
    expect(doc.get().experiment!.landscape!.resolution).toEqual([101, 101]);
    expect(doc.get().experiment!.landscape!.directions.kind).toBe('interpolate');
    expect(doc.get().dirty).toBe(true);
  });

  it('keeps the view section and the view store in step', () => {
    const doc = createDocumentStore();
    const view = createViewStore();
    syncView(doc, view);
    // Untouched: no view section written, the store shows the schema's defaults.
    expect(doc.get().draft.view).toBeUndefined();
    expect(view.get().surfaceMode).toBe(viewSchema.parse({}).surface);
    view.set({ logScale: false, surfaceMode: 'top' });
    expect(doc.get().draft.view).toEqual({
      surface: 'top',
      logScale: false,
      colorMap: 'viridis',
      contours: true,
    });
    doc.replace({ ...defaultExperiment(), view: { colorMap: 'magma', contours: false } });
    expect([view.get().surfaceMode, view.get().logScale, view.get().colorMap, view.get().contours]).toEqual([
      '3d',
      true,
      'magma',
      false,
    ]);
    expect(doc.get().dirty).toBe(false);
  });

  it('a view change is saved with the document but leaves its revision (nothing stale, nothing recomputed)', () => {
    const doc = createDocumentStore();
    const view = createViewStore();
    syncView(doc, view);
    const before = doc.get().revision;
    view.set({ surfaceMode: 'top' });
    expect(doc.get().draft.view?.surface).toBe('top');
    expect(doc.get().experiment!.view?.surface).toBe('top');
    expect(doc.get().dirty).toBe(true);
    expect(doc.get().revision).toBe(before);
    // Any other edit still moves the revision on.
    doc.edit((d) => {
      d.seed = 7;
    });
    expect(doc.get().revision).toBe(before + 1);
  });
});
