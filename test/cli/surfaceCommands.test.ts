/**
 * `relief basins` and `relief critical` (the `basins` and `surfaceCritical` jobs from the command line),
 * run as a user would through the built CLI: a map split over workers equals the inline job computed here,
 * the gallery's known points are found with analyze's classification, and a network model is refused.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineContext } from '../../src/core/jobs/types';
import { gallery } from '../../src/core/surface/gallery';
import { runBasins } from '../../src/core/surface/surfaceJobs';
import { runCli } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'relief-surface-'));
const write = (name: string, value: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(value));
  return f;
};
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;

const himmelblau = {
  relief: 1,
  model: { kind: 'surface', preset: 'himmelblau' },
  runs: [{ name: 'newton', optimizer: { type: 'newton' }, steps: 40 }],
};

describe('relief basins / critical', () => {
  it('basins over 2 workers equals the inline job: every start of a 12x12 grid labelled', async () => {
    const file = write('h.json', himmelblau);
    const out = join(dir, 'basins.json');
    const r = await runCli([
      'basins',
      file,
      '--out',
      out,
      '--run',
      'newton',
      '--n',
      '12',
      '--workers',
      '2',
      '--quiet',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const b = read(out) as {
      kind: string;
      n: number;
      method: string;
      points: { at: number[]; kind: string; index: number }[];
      label: number[];
      steps: number[];
      final: number[];
    };
    expect(b.kind).toBe('basins');
    expect(b.n).toBe(12);
    expect(b.method).toBe('newton');
    expect(b.label.length).toBe(144);
    expect(b.final.length).toBe(288);
    const ref = await runBasins({ experiment: himmelblau, n: 12, run: 'newton' }, inlineContext());
    expect(b.label).toEqual(Array.from(ref.label));
    expect(b.steps).toEqual(Array.from(ref.steps));
    expect(b.final).toEqual(Array.from(ref.final));
    // The damped Newton descends: every start ends in one of the four minima (docs/surfaces.md).
    const reached = new Set(b.label.map((l) => b.points[l]?.kind));
    console.log(`himmelblau 12x12 newton: ends at ${[...reached].join(', ')}`);
    expect([...reached]).toEqual(['minimum']);
    expect(new Set(b.label).size).toBe(4);
  });

  it('critical finds every known point of Himmelblau with analyze’s kind and index', async () => {
    const file = write('h2.json', himmelblau);
    const out = join(dir, 'critical.json');
    const r = await runCli(['critical', file, '--out', out, '--n', '20', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const c = read(out) as {
      points: { at: number[]; kind: string; index: number; critical: boolean }[];
      knownFound: number[];
    };
    const known = gallery.get('himmelblau')!.known;
    expect(c.points.length).toBe(known.length);
    expect(c.knownFound.every((i) => i >= 0)).toBe(true);
    known.forEach((k, i) => {
      const p = c.points[c.knownFound[i]!]!;
      expect(p.kind).toBe(k.kind);
      expect(p.index).toBe({ minimum: 0, saddle: 1, maximum: 2 }[k.kind as 'minimum']);
      expect(p.critical).toBe(true);
    });
  });

  it('a network model is refused with exit 2 and a message naming the model', async () => {
    const file = write('net.json', {
      relief: 1,
      data: { target: { expr: 'x' }, train: { n: 5 } },
      model: { hidden: [2] },
      runs: [{ name: 'gd', optimizer: { type: 'sgd' }, steps: 1 }],
    });
    const r = await runCli(['basins', file, '--out', join(dir, 'x.json'), '--n', '4', '--inline']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/model: basins needs a surface model/);
    const bad = await runCli([
      'critical',
      write('h3.json', himmelblau),
      '--out',
      join(dir, 'y.json'),
      '--n',
      '0',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--n: must be an integer from 1 to 1000/);
  });
});
