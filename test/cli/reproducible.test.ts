import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cliHarness';

describe('CLI run', () => {
  it(
    'gives byte-identical result files for the same experiment, on worker threads',
    { timeout: 240_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'relief-rep-'));
      const a = join(dir, 'a.json');
      const b = join(dir, 'b.json');
      const ra = await runCli(['run', 'examples/two-input-saddle.json', '--out', a, '--workers', '2']);
      expect(ra.code, ra.stderr).toBe(0);
      const rb = await runCli([
        'run',
        'examples/two-input-saddle.json',
        '--out',
        b,
        '--workers',
        '1',
        '--paths',
      ]);
      expect(rb.code, rb.stderr).toBe(0);
      const rc = await runCli([
        'run',
        'examples/two-input-saddle.json',
        '--out',
        join(dir, 'c.json'),
        '--workers',
        '1',
      ]);
      expect(rc.code).toBe(0);
      const textA = readFileSync(a, 'utf8');
      expect(readFileSync(join(dir, 'c.json'), 'utf8')).toBe(textA);
      const result = JSON.parse(textA);
      expect(result.experiment.file).toBe('two-input-saddle.json');
      expect(result.runs.map((r: { name: string }) => r.name)).toEqual(['gd', 'momentum', 'minibatch']);
      for (const r of result.runs) {
        expect(r.status).toBe('ok');
        expect(r.loss).toHaveLength(301);
        expect(r.loss[300]).toBeLessThan(r.loss[0]);
        expect(r.params).toHaveLength(65);
        expect(r.path).toBeUndefined();
      }
      // --paths adds the trajectory and changes nothing else.
      const withPaths = JSON.parse(readFileSync(b, 'utf8'));
      expect(withPaths.runs[0].path).toHaveLength(301 * 65);
      expect(withPaths.runs[0].loss).toEqual(result.runs[0].loss);
      expect(ra.stderr).toContain('wrote');
    },
  );

  it('imports samples from CSV', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-csv-'));
    const csv = join(dir, 'train.csv');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(csv, 'x,y\n-1,1\n0,0\n1,1\n0.5,0.25\n');
    const out = join(dir, 'r.json');
    const r = await runCli([
      'run',
      'examples/seed001-h64.json',
      '--train-csv',
      csv,
      '--out',
      out,
      '--inline',
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8'));
    expect(res.runs[0].loss).toHaveLength(501);
    writeFileSync(csv, 'x,y\n-1,1\n0,zero\n');
    const bad = await runCli([
      'run',
      'examples/seed001-h64.json',
      '--train-csv',
      csv,
      '--out',
      out + '2',
      '--inline',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 3');
  });
});
