/** CSV text for exports: a header row and numeric rows; numbers at full precision, NaN as empty. */

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

/** Parse CSV of numbers (columns x[,x2],y), skipping a header row if it is not numeric. */
export function parseNumericCsv(text: string): { rows: number[][]; header: string[] | null } {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  let header: string[] | null = null;
  const rows: number[][] = [];
  lines.forEach((line, i) => {
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    const nums = cells.map(Number);
    if (i === 0 && nums.some((n, k) => Number.isNaN(n) || cells[k] === '')) {
      header = cells;
      return;
    }
    rows.push(nums);
  });
  return { rows, header };
}
