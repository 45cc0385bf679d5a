import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cliHarness';

const good = {
  relief: 1,
  seed: 1,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 50 } },
  model: { inputs: 1, hidden: [4] },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 5 }],
};

type Doc = Record<string, unknown>;
const withData = (d: Doc) => ({ ...good, data: { ...good.data, ...d } });
const withModel = (m: Doc) => ({ ...good, model: { ...good.model, ...m } });
const withRun = (r: Doc) => ({ ...good, runs: [{ ...good.runs[0], ...r }] });

/** [case, file content (object -> JSON), expected message fragments]. Every case exits 2 and writes nothing. */
const cases: [string, unknown, string[]][] = [
  ['not JSON', '{"relief": 1, ', ['not valid JSON']],
  ['a newer format version', { ...good, relief: 2 }, ['relief:', 'version 2']],
  [
    'an unknown optimizer',
    withRun({ optimizer: { type: 'adamz', lr: 0.1 } }),
    ['runs[0].optimizer', 'unknown optimizer type'],
  ],
  [
    'a negative learning rate',
    withRun({ optimizer: { type: 'sgd', lr: -1 } }),
    ['runs[0].optimizer.lr', 'must be > 0'],
  ],
  ['a string in the data', withData({ train: { x: [0, 'a', 1], y: [0, 1, 2] } }), ['data.train']],
  ['NaN written as a string', withData({ train: { x: [0, 'NaN'], y: [0, 1] } }), ['data.train']],
  [
    'mismatched x/y lengths',
    withData({ train: { x: [0, 0.5, 1], y: [0, 1] } }),
    ['data.train.y', 'x has 3 entries but y has 2'],
  ],
  ['an unknown activation', withModel({ activation: 'swish' }), ['model.activation']],
  ['a huge layer', withModel({ hidden: [100000] }), ['model.hidden[0]', '4096']],
  ['a huge sample count', withData({ train: { n: 1e9 } }), ['data.train', '1000000']],
  ['an unknown top-level field', { ...good, bogus: 1 }, ['bogus']],
  [
    'an unsafe expression',
    withData({ target: { expr: 'import("fs")' } }),
    ['data.target.expr', 'not allowed'],
  ],
  [
    'an unknown variable',
    withData({ target: { expr: 'sin(z)' } }),
    ['data.target.expr', "unknown variable 'z'"],
  ],
  [
    'an unknown preset',
    withData({ target: { preset: 'nope' } }),
    ['data.target.preset', "unknown preset 'nope'"],
  ],
  [
    'params of the wrong length',
    withModel({ params: [1, 2, 3] }),
    ['model.params', 'has 3 entries', '13 parameters'],
  ],
  [
    'duplicate run names',
    { ...good, runs: [good.runs[0], good.runs[0]] },
    ['runs[1].name', 'duplicate run name'],
  ],
  [
    'knots not increasing',
    withData({
      target: {
        knots: [
          [0, 0],
          [0, 1],
        ],
      },
    }),
    ['data.target.knots[1][0]', 'strictly increasing'],
  ],
  ['negative steps', withRun({ steps: -3 }), ['runs[0].steps']],
  ['no runs', { ...good, runs: [] }, ['runs']],
  ['a zero batch size', withRun({ batchSize: 0 }), ['runs[0].batchSize']],
  [
    'betas-like junk in sgd',
    withRun({ optimizer: { type: 'sgd', lr: 0.1, betas: [0.9, 0.99] } }),
    ['runs[0].optimizer', 'betas'],
  ],
];

describe('CLI: bad input gets one clear message, exit 2, and no output file', { timeout: 180_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-bad-'));
  it.concurrent.each(cases)('%s', async (_name, content, fragments) => {
    const file = join(dir, `${_name.replace(/\W+/g, '-')}.json`);
    writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
    const out = join(dir, `${_name.replace(/\W+/g, '-')}.result.json`);
    const r = await runCli(['run', file, '--out', out, '--inline']);
    expect(r.code, r.stderr).toBe(2);
    for (const f of fragments) expect(r.stderr).toContain(f);
    expect(r.stderr).not.toContain('internal error');
    expect(existsSync(out)).toBe(false);
  });

  it.concurrent('a file that does not exist', async () => {
    const out = join(dir, 'missing.result.json');
    const r = await runCli(['run', join(dir, 'missing.json'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such experiment file');
    expect(existsSync(out)).toBe(false);
  });

  it.concurrent('an unknown option and a missing --out', async () => {
    const file = join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(good));
    const a = await runCli(['run', file, '--out', join(dir, 'x.json'), '--frobnicate']);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain("Unknown option '--frobnicate'");
    const b = await runCli(['run', file]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('missing --out');
  });

  it.concurrent('validate accepts a good file (exit 0) and names the problem in a bad one', async () => {
    const file = join(dir, 'good2.json');
    writeFileSync(file, JSON.stringify(good));
    const a = await runCli(['validate', file]);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain('valid (1 run, 13 parameters)');
    const bad = join(dir, 'bad2.json');
    writeFileSync(bad, JSON.stringify(withRun({ optimizer: { type: 'sgd', lr: -1 } })));
    const b = await runCli(['validate', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('runs[0].optimizer.lr');
  });
});
