import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../src/core/experiment/validate';
import { setUp } from '../../src/core/setup';
import { runCli } from './cliHarness';

const dir = mkdtempSync(join(tmpdir(), 'relief-analysis-'));
const doc = {
  relief: 1,
  seed: 5,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 30 } },
  model: { inputs: 1, hidden: [3] },
  runs: [
    { name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 20 },
    { name: 'mom', optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 }, steps: 20 },
  ],
  landscape: { center: { run: 'gd' }, resolution: [5, 4], alpha: [-1, 1], beta: [-0.5, 0.5] },
};
const write = (name: string, value: unknown) => {
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(value));
  return f;
};
const read = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Record<string, unknown>;

describe('relief landscape / analyze / census / merge', () => {
  it('landscape writes the fixed slice fields with loss[i*nAlpha + j] = L(center + alpha[j] d1 + beta[i] d2)', async () => {
    const file = write('e.json', doc);
    const out = join(dir, 'slice.json');
    const r = await runCli(['landscape', file, '--out', out, '--workers', '2', '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const s = read(out) as {
      alpha: number[];
      beta: number[];
      loss: number[];
      d1: number[];
      d2: number[];
      center: number[];
    };
    expect(s.alpha).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(s.beta.length).toBe(4);
    expect(s.loss.length).toBe(20);
    const v = validateExperiment(doc);
    if (!v.ok) throw new Error('invalid');
    const f = setUp(v.experiment).objective();
    for (const [i, j] of [
      [0, 0],
      [3, 4],
      [2, 1],
    ] as const) {
      const p = Float64Array.from(s.center, (c, k) => c + s.alpha[j]! * s.d1[k]! + s.beta[i]! * s.d2[k]!);
      expect(s.loss[i * 5 + j]).toBeCloseTo(f.loss(p), 12);
    }
  });

  it('bad landscape specs exit 2 naming the field and write nothing', async () => {
    for (const [landscape, want] of [
      [{ resolution: [402, 3] }, 'landscape.resolution[0]'],
      [{ center: { run: 'adam' } }, "landscape.center.run: no run named 'adam'"],
    ] as const) {
      const out = join(dir, 'bad.json');
      const r = await runCli(['landscape', write('bad-in.json', { ...doc, landscape }), '--out', out, '-q']);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(want);
      expect(existsSync(out)).toBe(false);
    }
    const r = await runCli([
      'landscape',
      write('none.json', { ...doc, landscape: undefined }),
      '--out',
      join(dir, 'x.json'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('landscape: the experiment has no "landscape" section');
  });

  it('analyze writes one classified point per run plus the initial point', async () => {
    const out = join(dir, 'analysis.json');
    const r = await runCli(['analyze', write('e2.json', doc), '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const a = read(out) as {
      points: { label: string; eigenvalues: number[]; classification: string; index: number }[];
    };
    expect(a.points.map((p) => p.label)).toEqual(['init', 'gd', 'mom']);
    for (const p of a.points) {
      expect(['minimum', 'saddle', 'maximum', 'degenerate']).toContain(p.classification);
      expect(p.eigenvalues.length).toBe(10);
      for (let k = 1; k < p.eigenvalues.length; k++)
        expect(p.eigenvalues[k]).toBeGreaterThanOrEqual(p.eigenvalues[k - 1]!);
      expect(p.index).toBe(
        p.eigenvalues.filter((e) => e < 0 && Math.abs(e) > 1e-6 * Math.max(...p.eigenvalues.map(Math.abs)))
          .length,
      );
    }
  });

  it('census shards merged equal the census run in one go', async () => {
    const file = write('c.json', doc);
    const s0 = join(dir, 's0.json');
    const s1 = join(dir, 's1.json');
    const whole = join(dir, 'whole.json');
    const merged = join(dir, 'merged.json');
    for (const args of [
      ['--shard', '0/2', '--out', s0],
      ['--shard', '1/2', '--out', s1],
      ['--out', whole],
    ]) {
      const r = await runCli(['census', file, '--inits', '3', '-q', '--inline', ...args]);
      expect(r.code, r.stderr).toBe(0);
    }
    expect((await runCli(['merge', s0, '--out', merged])).stderr).toContain('missing shard(s) 1/2');
    const r = await runCli(['merge', s1, s0, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    const a = read(merged);
    const b = read(whole);
    delete a.experiment;
    delete b.experiment;
    expect(a).toEqual(b);
    expect((a.entries as unknown[]).length).toBe(6);
  }, 240_000);
});
