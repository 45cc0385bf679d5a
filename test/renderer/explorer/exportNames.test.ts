/** One naming scheme for every exported file; Copy CLI command names the file Save writes. */
import { describe, expect, it } from 'vitest';
import { cliCommand } from '../../../src/renderer/src/lib/cliCommand';
import {
  exportBase,
  exportFileName,
  experimentFileName,
  pngFileName,
} from '../../../src/renderer/src/lib/exportNames';

describe('export names', () => {
  it('gives every file <base>.<what>.<ext> from the open file, else the document name', () => {
    expect(exportBase('seed-001.relief.json', 'other')).toBe('seed-001');
    expect(exportBase('run.json', undefined)).toBe('run');
    expect(exportBase(null, 'Six-hump camel')).toBe('Six-hump-camel');
    expect(exportBase(null, undefined)).toBe('experiment');
    const base = 'seed-001';
    expect(
      (['experiment', 'results', 'paths', 'grid', 'curves', 'function'] as const).map((k) =>
        exportFileName(base, k),
      ),
    ).toEqual([
      'seed-001.relief.json',
      'seed-001.results.json',
      'seed-001.paths.csv',
      'seed-001.grid.csv',
      'seed-001.curves.csv',
      'seed-001.function.csv',
    ]);
    expect(pngFileName(base, 'surface-top')).toBe('seed-001.surface-top.png');
  });

  it('Copy CLI runs the file Save writes and writes the name Export gives the results', () => {
    const saved = experimentFileName('seed-001');
    expect(saved).toBe('seed-001.relief.json');
    expect(experimentFileName('mine.relief.json')).toBe('mine.relief.json');
    expect(cliCommand(saved)).toBe(
      `npm run -s relief -- run ${saved} --out ${exportFileName(exportBase(saved, undefined), 'results')}`,
    );
  });
});
