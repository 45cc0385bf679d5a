import { describe, expect, it } from 'vitest';
import { createDocumentStore } from '../../../src/renderer/src/state/documentStore';
import { defaultExperiment } from '../../../src/renderer/src/state/defaultExperiment';

describe('document name', () => {
  it('follows the chosen preset while it is the untouched default, and stays unsaved', () => {
    const doc = createDocumentStore();
    expect(doc.get().draft.name).toBe('seed-001');
    doc.edit((d) => (d.data.target = { preset: 'abs' }));
    expect(doc.get().draft.name).toBe('abs');
    expect(doc.get().dirty).toBe(true);
    doc.edit((d) => (d.data.target = { expr: 'sin(3*x)' }));
    expect(doc.get().draft.name).toBeUndefined();
    doc.edit((d) => (d.data.target = { preset: 'seed001' }));
    expect(doc.get().draft.name).toBe('seed-001');
    expect(doc.get().problems).toEqual([]);
  });

  it('keeps a name the user chose, and does not rename on edits that keep the target', () => {
    const doc = createDocumentStore({ ...defaultExperiment(), name: 'my study' });
    doc.edit((d) => (d.data.target = { preset: 'abs' }));
    expect(doc.get().draft.name).toBe('my study');
    const plain = createDocumentStore();
    plain.edit((d) => (d.seed = 43));
    expect(plain.get().draft.name).toBe('seed-001');
  });

  it('an analytic surface is named after its gallery entry', () => {
    const doc = createDocumentStore({
      ...defaultExperiment(),
      name: 'rosenbrock',
      data: undefined,
      model: { kind: 'surface', preset: 'rosenbrock' },
    });
    doc.edit((d) => ((d.model as unknown as { preset: string }).preset = 'himmelblau'));
    expect(doc.get().draft.name).toBe('himmelblau');
  });
});
