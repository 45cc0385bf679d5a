/**
 * CSV text for exports: a header row and numeric rows; numbers at full precision, NaN as empty.
 * (Reading samples from CSV is core's: `core/data/samplesCsv.ts`.)
 */

export function toCsv(header: readonly string[], rows: Iterable<readonly (number | string)[]>): string {
  const cell = (v: number | string) =>
    typeof v === 'number'
      ? Number.isFinite(v)
        ? String(v)
        : ''
      : /[",\n]/.test(v)
        ? `"${v.replace(/"/g, '""')}"`
        : v;
  const lines = [header.map(cell).join(',')];
  for (const r of rows) lines.push(r.map(cell).join(','));
  return lines.join('\n') + '\n';
}
