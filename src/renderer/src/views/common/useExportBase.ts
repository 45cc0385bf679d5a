/** The base of every exported file's name (lib/exportNames): the open file's stem, else the document's name. */
import { exportBase } from '../../lib/exportNames';
import { useDoc } from '../../state/AppContext';

export function useExportBase(): string {
  return useDoc((s) => exportBase(s.fileName, s.draft.name));
}
