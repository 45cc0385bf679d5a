/**
 * File actions on the document, through the Platform (native dialogs in Electron, picker and downloads
 * in a browser). The one place the document meets files: opened documents replace the draft, saves
 * clear the unsaved marker.
 */
import i18next from 'i18next';
import type { ExperimentInput } from '../../../core/experiment/schema';
import { experimentWithResults } from '../lib/exportData';
import { exportBase, exportFileName } from '../lib/exportNames';
import type { Platform } from '../platform';
import type { AppStores } from '../state/AppContext';
import { defaultExperiment } from '../state/defaultExperiment';

export function baseName(s: AppStores): string {
  return exportBase(s.doc.get().fileName, s.doc.get().draft.name);
}

/**
 * Unsaved edits are never dropped silently: New, Open and a dropped file ask first (closing the window
 * asks too: the main process in Electron, beforeunload in a browser).
 */
export function mayDiscard(s: AppStores): boolean {
  return !s.doc.get().dirty || window.confirm(i18next.t('file.discardConfirm'));
}

export function newDocument(s: AppStores, platform: Platform): void {
  if (!mayDiscard(s)) return;
  platform.newDocument();
  s.doc.replace(defaultExperiment());
}

export async function openDocument(s: AppStores, platform: Platform): Promise<void> {
  if (!mayDiscard(s)) return;
  const outcome = await platform.open();
  if (outcome?.ok) s.doc.replace(outcome.experiment as ExperimentInput, outcome.name);
}

export async function saveDocument(s: AppStores, platform: Platform, saveAs = false): Promise<void> {
  const r = await platform.save(s.doc.get().draft, { saveAs });
  if (!r) return;
  if (r.ok) {
    s.doc.set({ dirty: false, fileName: r.name });
    platform.recovery.clear();
  } else s.results.set({ error: r.message });
}

export async function exportResults(s: AppStores, platform: Platform): Promise<void> {
  const r = s.results.get();
  await platform.exportText(
    exportFileName(baseName(s), 'results'),
    experimentWithResults(s.doc.get().draft, r.runs, r.slice),
  );
}
