/**
 * One naming scheme for every file the app writes: `<base>.<what>.<ext>`, where the base is the open
 * file's name without its extension, else the document's name. The experiment is `<base>.relief.json`
 * (what Save writes and the CLI reads), its results `<base>.results.json` (Export and the CLI's --out),
 * tables `<base>.paths.csv`, `.grid.csv`, `.curves.csv`, `.function.csv`, pictures `<base>.<view>.png`.
 */
export type ExportKind = 'experiment' | 'results' | 'paths' | 'grid' | 'curves' | 'function';

const EXTENSION = /(\.relief)?\.json$/i;

/** A file-name-safe base: the file's stem, else the document's name, else "experiment". */
export function exportBase(fileName: string | null, docName: string | undefined): string {
  const raw = fileName ? fileName.replace(EXTENSION, '') : (docName ?? '');
  return raw.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'experiment';
}

export function exportFileName(base: string, kind: ExportKind): string {
  if (kind === 'experiment') return `${base}.relief.json`;
  if (kind === 'results') return `${base}.results.json`;
  return `${base}.${kind}.csv`;
}

export function pngFileName(base: string, view: string): string {
  return `${base}.${view}.png`;
}

/** The experiment file name for a document name (Save's suggestion; keeps a name that has one). */
export function experimentFileName(name: string): string {
  return EXTENSION.test(name) ? name : exportFileName(exportBase(null, name), 'experiment');
}
