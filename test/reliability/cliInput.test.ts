/**
 * Issue 17, items 4 (except --out), 5 and 8, through the real CLI: files that are valid JSON but cannot
 * run are refused by `validate` at their JSON path; a run that fails at run time fails alone; outputs
 * too large for one JSON text are refused before training; user input is echoed at most ~100
 * characters; BOM, CSV numbers, huge values, bounded total work, and progress that names the step.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cliHarness';
import { blockFor, tally } from './tally';

const base = {
  relief: 1,
  seed: 1,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 50 } },
  model: { inputs: 1, hidden: [4] },
  runs: [
    { name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 5 },
    { name: 'adam', optimizer: { type: 'adam', lr: 0.01 }, steps: 5 },
  ],
};
type Doc = Record<string, unknown>;
const withLandscape = (landscape: Doc) => ({ ...base, landscape });

/** [case, document, JSON path and message fragments]: `validate` refuses each (exit 2). */
const refused: [string, unknown, string[]][] = [
  [
    '"engine": "exact" with hidden [8, 8]',
    { ...base, engine: 'exact', model: { inputs: 1, hidden: [8, 8] } },
    ['engine:', '"exact" needs 1 input, 1 hidden layer'],
  ],
  [
    'newton over 1,801 parameters beside sgd',
    {
      ...base,
      model: { inputs: 1, hidden: [600] },
      runs: [base.runs[0], { name: 'nt', optimizer: { type: 'newton', lr: 1 }, steps: 2 }],
    },
    ['runs[1].optimizer.type', 'at most 1500 parameters'],
  ],
  [
    'landscape center: an unknown run',
    withLandscape({ center: { run: 'nope' } }),
    ['landscape.center.run', "no run named 'nope'"],
  ],
  [
    'landscape pca runs: an unknown run',
    withLandscape({ directions: { kind: 'pca', runs: ['gd', 'nope'] } }),
    ['landscape.directions.runs[1]'],
  ],
  [
    'landscape interpolate: an unknown run',
    withLandscape({ directions: { kind: 'interpolate', points: ['init', { run: 'nope' }] } }),
    ['landscape.directions.points[1].run'],
  ],
  [
    'landscape line: an unknown run',
    withLandscape({ line: { to: { run: 'nope' } } }),
    ['landscape.line.to.run'],
  ],
  [
    'landscape explicit: a vector of the wrong length',
    withLandscape({ directions: { kind: 'explicit', d1: [1, 2], d2: [3, 4] } }),
    ['landscape.directions.d1', '13 parameters'],
  ],
  [
    'landscape axes: an index out of range',
    withLandscape({ directions: { kind: 'axes', d1: 0, d2: 13 } }),
    ['landscape.directions.d2', 'out of range'],
  ],
  [
    'landscape axes: an unknown parameter name',
    withLandscape({ directions: { kind: 'axes', d1: 0, d2: 'nope' } }),
    ['landscape.directions.d2', "no parameter named 'nope'"],
  ],
  [
    'landscape center: a vector of the wrong length',
    withLandscape({ center: [1, 2, 3] }),
    ['landscape.center', '13 parameters'],
  ],
  [
    'a target not finite at a sample',
    { ...base, data: { target: { expr: '1/x' }, train: { n: 3, sampling: 'grid' } } },
    ['data.target', 'must be finite'],
  ],
  [
    'targets near 1e308',
    { ...base, data: { target: { expr: 'x' }, train: { x: [0, 1], y: [1e308, -1.7e308] } } },
    ['data.train.y', 'too large'],
  ],
  [
    'unbounded total work (1e6 samples x 1e6 steps x 16 runs)',
    {
      ...base,
      data: { target: { expr: 'x' }, train: { n: 1e6 } },
      model: { inputs: 1, hidden: [4096, 240] },
      runs: Array.from({ length: 16 }, (_, i) => ({
        name: `r${i}`,
        optimizer: { type: 'sgd', lr: 0.01 },
        steps: 1e6,
      })),
    },
    ['runs:', 'total work', 'over the limit', '--max-work'],
  ],
];

describe('reliability: files that cannot run, CLI edges', { timeout: 600_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-input-'));
  const t = tally('CLI input');
  let n = 0;
  const file = (content: unknown, ext = 'json') => {
    const path = join(dir, `f${n++}.${ext}`);
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };

  it('validate refuses files that cannot run, each at its JSON path', async () => {
    const files = refused.map(([, doc]) => file(doc));
    const t0 = performance.now();
    const r = await runCli(['validate', ...files]);
    const seconds = (performance.now() - t0) / 1000;
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    refused.forEach(([name, , fragments], i) => {
      const block = blockFor(r.stderr, files[i]!);
      t.record(
        name,
        fragments.every((f) => block.includes(f)),
      );
      for (const f of fragments) expect(block, name).toContain(f);
    });
    t.record(`one validate of ${files.length} files`, true, `${seconds.toFixed(2)} s`);
  });

  it('the work limit has an explicit override', async () => {
    const doc = {
      ...base,
      data: { target: { expr: 'x' }, train: { n: 1e5 } },
      model: { inputs: 1, hidden: [64] },
      runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 1e6 }],
    };
    const f = file(doc);
    const refusedRun = await runCli(['validate', f]);
    const allowed = await runCli(['validate', f, '--max-work', '1e14']);
    t.record(
      'work 1.9e13 refused, allowed with --max-work 1e14',
      refusedRun.code === 2 && allowed.code === 0,
    );
    expect(refusedRun.code).toBe(2);
    expect(refusedRun.stderr).toContain('1.9e13 multiply-adds');
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('one failure, one run: the other results are written and the exit code says one failed', async () => {
    const doc = {
      relief: 1,
      model: { kind: 'surface', preset: 'rosenbrock' },
      runs: [
        { name: 'gd', optimizer: { type: 'sgd', lr: 0.001 }, steps: 20 },
        { name: 'hf', optimizer: { type: 'hessianFree', lr: 1, curvature: 'gaussNewton' }, steps: 5 },
      ],
    };
    const out = join(dir, 'partial.result.json');
    const r = await runCli(['run', file(doc), '--out', out, '--inline']);
    const res = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : null;
    t.record('a failing run beside a good one', r.code === 1 && res?.runs?.[1]?.status === 'failed');
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain("runs[1]: run 'hf' failed");
    expect(r.stderr).toContain('1 of 2 runs failed');
    expect(res.runs[0]).toMatchObject({ name: 'gd', status: 'ok', steps: 20 });
    expect(res.runs[1]).toMatchObject({ name: 'hf', status: 'failed', path: 'runs[1]' });
    expect(res.runs[1].message).toContain('Gauss-Newton');
  });

  it('run --paths of a result too large for JSON fails before training', async () => {
    const doc = {
      ...base,
      data: { target: { expr: 'x' }, train: { n: 10 } },
      model: { inputs: 1, hidden: [2666] },
      runs: Array.from({ length: 8 }, (_, i) => ({
        name: `r${i}`,
        optimizer: { type: 'sgd', lr: 0.001 },
        steps: 1000,
      })),
    };
    const out = join(dir, 'huge.result.json');
    const t0 = performance.now();
    const r = await runCli(['run', file(doc), '--out', out, '--paths', '--inline']);
    const seconds = (performance.now() - t0) / 1000;
    t.record(
      'run --paths, 8 runs x 7,999 parameters x 1000 steps',
      r.code === 2,
      `refused in ${seconds.toFixed(2)} s`,
    );
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('--paths: the result would be about');
    expect(r.stderr).not.toContain('r0:');
    expect(existsSync(out)).toBe(false);
  });

  it('a second FILE argument is an error', async () => {
    const a = file(base);
    const r = await runCli(['run', a, file(base), '--out', join(dir, 'two.json')]);
    t.record('run A B', r.code === 2 && r.stderr.includes('unexpected argument'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unexpected argument');
  });

  it('user input is quoted at most ~100 characters; a UTF-8 BOM is accepted', async () => {
    const hugePreset = file({
      ...base,
      data: { target: { preset: 'p'.repeat(10_000_000) }, train: { n: 5 } },
    });
    const hugeRun = file(withLandscape({ center: { run: 'r'.repeat(1_000_000) } }));
    const hugeKey = file({ ...base, ['k'.repeat(1_000_000)]: 1 });
    const bom = file(`\uFEFF${JSON.stringify(base)}`);
    const r = await runCli(['validate', hugePreset, hugeRun, hugeKey, bom]);
    expect(r.code).toBe(2);
    for (const [name, f] of [
      ['a 10 MB preset name', hugePreset],
      ['a 1 MB run name in center.run', hugeRun],
      ['a 1 MB unknown key', hugeKey],
    ] as const) {
      const block = blockFor(r.stderr, f);
      t.record(name, block.length > 0 && block.length < 1500, `${block.length} bytes of message`);
      expect(block.length, name).toBeGreaterThan(0);
      expect(block.length, name).toBeLessThan(1500);
    }
    t.record('a UTF-8 BOM', r.stdout.includes(`${bom}: valid`));
    expect(r.stdout).toContain(`${bom}: valid`);
  });

  it('CSV numbers are decimal only and overflow is named by line; --saddles is checked before training', async () => {
    const good = file(base);
    const hex = await runCli(['validate', good, '--train-csv', file('x,y\n0x10,0b11\n', 'csv')]);
    const inf = await runCli(['validate', good, '--train-csv', file('x,y\n0.5,1\n0.1,1e400\n', 'csv')]);
    const saddles = await runCli(['analyze', good, '--saddles', '100000', '--out', join(dir, 'a.json')]);
    t.record('CSV 0x10,0b11', hex.code === 2 && hex.stderr.includes('line 2'));
    t.record('CSV row 0.1,1e400', inf.code === 2 && inf.stderr.includes('line 3'));
    t.record('--saddles 100000', saddles.code === 2 && !saddles.stderr.includes('train '));
    expect(hex.code).toBe(2);
    expect(hex.stderr).toContain("line 2: '0x10' is not a decimal number");
    expect(inf.code).toBe(2);
    expect(inf.stderr).toContain('line 3: 1e400 is too large');
    expect(saddles.code).toBe(2);
    expect(saddles.stderr).toContain('--saddles');
    expect(saddles.stderr).not.toContain('train ');
  });

  it('a 1,000,000-sample CSV streams in', async () => {
    const rows = ['x,y'];
    for (let i = 0; i < 1_000_000; i++)
      rows.push(`${(i / 500_000 - 1).toFixed(6)},${Math.sin(i / 1000).toFixed(6)}`);
    const csv = file(rows.join('\n'), 'csv');
    const t0 = performance.now();
    const r = await runCli(['validate', file(base), '--train-csv', csv]);
    const seconds = (performance.now() - t0) / 1000;
    t.record('1,000,000-sample CSV validated', r.code === 0, `${seconds.toFixed(2)} s`);
    expect(r.code, r.stderr).toBe(0);
  });

  it('a long run reports the step and the time left', async () => {
    const doc = {
      relief: 1,
      model: { kind: 'surface', preset: 'rosenbrock' },
      runs: [{ name: 'long', optimizer: { type: 'sgd', lr: 0.0001 }, steps: 200_000 }],
    };
    const r = await runCli(['run', file(doc), '--out', join(dir, 'long.json'), '--inline']);
    const line = r.stderr.split('\n').find((l) => /step \d+\/200000/.test(l));
    t.record('progress names the step', line !== undefined, line);
    expect(r.code, r.stderr).toBe(0);
    expect(line).toBeDefined();
  });
});
