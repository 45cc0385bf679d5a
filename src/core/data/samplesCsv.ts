/**
 * The one CSV reader for samples (CLI `--train-csv`/`--test-csv` and the app's CSV import): columns
 * x,y (one input), x1,x2,y (two inputs) up to x1,...,x64,y (the inputs first, the label last), separated by commas, semicolons or tabs; an optional header
 * row; '#' starts a comment line; a UTF-8 byte-order mark is ignored. Numbers are decimal only
 * (`0x10`, `0b11`, `Infinity` are refused, as JSON would), and a value that overflows to ±Infinity is
 * named by its line. The text is scanned in place, line by line and cell by cell, straight into the
 * output arrays: a 1,000,000-row file makes no array of lines or of cells.
 */
import { clip } from '../clip';

export class CsvError extends Error {
  constructor(
    message: string,
    /** 1-based line number, when one line is at fault. */
    readonly line?: number,
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'CsvError';
  }
}

/** Most input columns a file may have (model.inputs' limit). */
export const MAX_CSV_INPUTS = 64;

export interface CsvSamples {
  readonly inputs: number;
  /** Numbers for one input, else one array of `inputs` numbers per sample. */
  readonly x: number[] | number[][];
  readonly y: number[];
  /** The header row's cells, when the first row was not numeric. */
  readonly header: string[] | null;
}

/** A decimal number as JSON writes it, plus a leading '+' and a bare leading or trailing '.'. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

const isSeparator = (c: number) => c === 44 /* , */ || c === 59 /* ; */ || c === 9; /* \t */

/** The cells of text[start, end), trimmed. */
function cellsOf(text: string, start: number, end: number): string[] {
  const cells: string[] = [];
  let from = start;
  for (let i = start; i <= end; i++) {
    if (i === end || isSeparator(text.charCodeAt(i))) {
      cells.push(text.slice(from, i).trim());
      from = i + 1;
    }
  }
  return cells;
}

/**
 * Parses samples. With `inputs` given the width must match it; without, the first data row decides
 * (2 columns: one input, 3: two inputs, ... 65: 64 inputs). Throws CsvError naming the line.
 */
export function parseSamplesCsv(text: string, inputs?: number): CsvSamples {
  const xs: number[] = [];
  const rows: number[][] = [];
  const ys: number[] = [];
  let header: string[] | null = null;
  let width = inputs === undefined ? 0 : inputs + 1;
  let sawRow = false;
  let lineNo = 0;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const row: number[] = [];
  while (pos <= text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const next = end + 1;
    lineNo++;
    let lineEnd = end;
    if (lineEnd > pos && text.charCodeAt(lineEnd - 1) === 13) lineEnd--; // \r\n
    const line = text.slice(pos, lineEnd).trim();
    pos = next;
    if (line === '' || line.startsWith('#')) continue;
    const cells = cellsOf(line, 0, line.length);
    const firstRow = !sawRow;
    sawRow = true;
    if (firstRow && cells.some((c) => !DECIMAL.test(c))) {
      header = cells;
      continue;
    }
    if (width === 0) {
      if (cells.length < 2 || cells.length > MAX_CSV_INPUTS + 1)
        throw new CsvError(
          `expected 2 columns (x,y) up to ${MAX_CSV_INPUTS + 1} (x1,...,x${MAX_CSV_INPUTS},y), got ${cells.length}`,
          lineNo,
        );
      width = cells.length;
    }
    if (cells.length !== width)
      throw new CsvError(`expected ${width} columns (${columnNames(width)}), got ${cells.length}`, lineNo);
    for (let k = 0; k < width; k++) {
      const c = cells[k]!;
      if (!DECIMAL.test(c))
        throw new CsvError(
          c === '' ? `column ${k + 1} is empty` : `'${clip(c, 40)}' is not a decimal number`,
          lineNo,
        );
      const v = Number(c);
      if (!Number.isFinite(v))
        throw new CsvError(`${clip(c, 40)} is too large for a 64-bit number (|v| < 1.8e308)`, lineNo);
      row[k] = v;
    }
    if (width === 2) xs.push(row[0]!);
    else rows.push(row.slice(0, width - 1));
    ys.push(row[width - 1]!);
  }
  if (ys.length === 0) throw new CsvError('no samples found (expected rows x,y or x1,x2,y)');
  const n = width - 1;
  return { inputs: n, x: n === 1 ? xs : rows, y: ys, header };
}

function columnNames(width: number): string {
  if (width === 2) return 'x,y';
  if (width === 3) return 'x1,x2,y';
  return `x1,...,x${width - 1},y`;
}
