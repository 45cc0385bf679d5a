/**
 * Connects the document to the Platform: window title and unsaved marker, files opened by drag-and-drop
 * or Open Recent, menu commands, and the recovery copy of unsaved work (offered again after a crash).
 */
import { useEffect, useState } from 'react';
import type { ExperimentInput } from '../../../core/experiment/schema';
import { getPlatform, type MenuCommand, type RecoveryOffer } from '../platform';
import type { AppStores } from '../state/AppContext';
import { exportResults, mayDiscard, newDocument, openDocument, saveDocument } from './documentActions';

const RECOVERY_MS = 2000;

export function usePlatformBridge(s: AppStores): {
  offer: RecoveryOffer | null;
  dismiss(restore: boolean): void;
} {
  const [offer, setOffer] = useState<RecoveryOffer | null>(null);
  useEffect(() => {
    const platform = getPlatform();
    let timer = 0;
    const title = () => {
      const d = s.doc.get();
      platform.setDocument(d.fileName ?? d.draft.name ?? 'untitled', d.dirty);
    };
    title();
    const unsubDoc = s.doc.subscribe(() => {
      title();
      clearTimeout(timer);
      const d = s.doc.get();
      if (d.dirty)
        timer = window.setTimeout(
          () => platform.recovery.write(d.draft, d.fileName ?? d.draft.name ?? 'untitled'),
          RECOVERY_MS,
        );
    });
    const unsubOpened = platform.onOpened((o) => {
      if (o.ok && mayDiscard(s)) s.doc.replace(o.experiment as ExperimentInput, o.name);
    });
    const commands: Partial<Record<MenuCommand, () => void>> = {
      new: () => newDocument(s, platform),
      open: () => void openDocument(s, platform),
      save: () => void saveDocument(s, platform),
      'save-as': () => void saveDocument(s, platform, true),
      export: () => void exportResults(s, platform),
      run: () => s.runner.run(),
      cancel: () => s.runner.cancel(),
    };
    const unsubMenu = platform.onMenu((c) => commands[c]?.());
    void platform.recovery.pending().then((o) => o && setOffer(o));
    return () => {
      clearTimeout(timer);
      unsubDoc();
      unsubOpened();
      unsubMenu();
    };
  }, [s]);
  return {
    offer,
    dismiss(restore) {
      if (restore && offer) {
        s.doc.replace(offer.experiment as ExperimentInput, offer.name);
        s.doc.set({ dirty: true });
      }
      if (!restore) getPlatform().recovery.clear();
      setOffer(null);
    },
  };
}
