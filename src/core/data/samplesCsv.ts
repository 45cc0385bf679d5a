/** CSV import of samples: columns x[,x2],y with an optional header row; '#' starts a comment line. */

/** A CSV file that does not hold samples: the message names the file and the line. */
export class SamplesCsvError extends Error {
  override name = 'SamplesCsvError';
}

export interface CsvSamples {
  x: number[] | [number, number][];
  y: number[];
}

export function parseSamplesCsv(text: string, inputs: 1 | 2, where: string): CsvSamples {
  const xs: number[] = [];
  const pairs: [number, number][] = [];
  const ys: number[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const cells = line.split(/[,;\t]/).map((c) => c.trim());
    const nums = cells.map(Number);
    if (nums.some((v) => !Number.isFinite(v)) || cells.some((c) => c === '')) {
      if (
        xs.length + pairs.length === 0 &&
        i === lines.findIndex((l) => l.trim() && !l.trim().startsWith('#'))
      )
        return; // header row
      throw new SamplesCsvError(`${where}: line ${i + 1}: expected ${inputs + 1} numbers, got "${line}"`);
    }
    if (nums.length !== inputs + 1)
      throw new SamplesCsvError(
        `${where}: line ${i + 1}: expected ${inputs + 1} columns (x${inputs === 2 ? ',x2' : ''},y), got ${nums.length}`,
      );
    if (inputs === 1) xs.push(nums[0]!);
    else pairs.push([nums[0]!, nums[1]!]);
    ys.push(nums[inputs]!);
  });
  if (ys.length === 0) throw new SamplesCsvError(`${where}: no samples found`);
  return { x: inputs === 1 ? xs : pairs, y: ys };
}
