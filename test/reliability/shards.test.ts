/**
 * Issue 17, item 6: `relief merge` parses shards with a schema. Hostile shards (fields missing, of the
 * wrong type, absurd shard counts) exit 2 with a short message naming the file and the JSON path,
 * never a stack trace; `--shard` is bounded. A hand-written pair of good shards merges (exit 0).
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/cliHarness';
import { tally } from './tally';

const sha = 'ab'.repeat(32);
const shard = (i: number, extra: Record<string, unknown> = {}) => ({
  relief: 1,
  kind: 'census-shard',
  experiment: { file: 'x.json', sha256: sha },
  inits: 2,
  runs: ['gd'],
  shard: { i, n: 2 },
  entries: [
    {
      init: i,
      run: 'gd',
      status: 'ok',
      steps: 10,
      loss: 0.5 - 0.1 * i,
      gradNorm: 1e-9,
      index: 0,
      canonical: [1, 2, 3],
    },
  ],
  ...extra,
});
const entry = (patch: Record<string, unknown>) => [{ ...shard(1).entries[0], ...patch }];

/** [case, shard 1/2 content, fragments of the message]. */
const hostile: [string, unknown, string[]][] = [
  [
    'entries without canonical',
    shard(1, { entries: [{ init: 1, run: 'gd', status: 'ok', steps: 1, loss: 1 }] }),
    ['entries[0].canonical'],
  ],
  ['numeric entries', shard(1, { entries: 5 }), ['entries']],
  ['runs: null', shard(1, { runs: null }), ['runs']],
  ['a string shard', shard(1, { shard: '1/2' }), ['shard']],
  ['a string canonical', shard(1, { entries: entry({ canonical: 'abc' }) }), ['entries[0].canonical']],
  ['a string loss', shard(1, { entries: entry({ loss: '0.1' }) }), ['entries[0].loss']],
  ['a shard count of 1e7', shard(1, { shard: { i: 1, n: 1e7 } }), ['shard.n']],
  [
    'an entry of another shard',
    shard(1, { entries: entry({ init: 0 }) }),
    ['entries[0].init', 'does not belong'],
  ],
  ['not JSON', '{"kind": "census-shard", ', ['not valid JSON']],
  ['an experiment file, not a shard', { relief: 1, runs: [] }, ['not a census shard']],
];

describe('reliability: census shards', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'relief-shards-'));
  const t = tally('census shards');
  const good0 = join(dir, 'good0.json');
  writeFileSync(good0, JSON.stringify(shard(0)));

  it('two good shards merge', async () => {
    const good1 = join(dir, 'good1.json');
    writeFileSync(good1, JSON.stringify(shard(1)));
    const out = join(dir, 'merged.json');
    const r = await runCli(['merge', good0, good1, '--out', out]);
    t.record('good shards merge', r.code === 0);
    expect(r.code, r.stderr).toBe(0);
    const census = JSON.parse(readFileSync(out, 'utf8'));
    expect(census.entries.map((e: { init: number }) => e.init)).toEqual([0, 1]);
    expect(census.bestLoss).toBeCloseTo(0.4, 15);
  });

  it.concurrent.each(hostile)(
    '%s: exit 2, the path named, a short message',
    async (name, content, fragments) => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      const out = join(dir, `${name.replace(/\W+/g, '-')}.out.json`);
      const r = await runCli(['merge', good0, file, '--out', out]);
      t.record(
        name,
        r.code === 2 && fragments.every((f) => r.stderr.includes(f)),
        `${r.stderr.length} bytes of message`,
      );
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(file);
      for (const f of fragments) expect(r.stderr).toContain(f);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stderr.length).toBeLessThan(2000);
      expect(existsSync(out)).toBe(false);
    },
  );

  it.concurrent.each([
    ['0/99999999999999999999', 'must be i/n'],
    ['3/3', 'must be i/n'],
    ['0/50', 'n <= --inits'],
  ])('census --shard %s is refused before any work', async (arg, fragment) => {
    const r = await runCli([
      'census',
      'examples/seed001-h64.json',
      '--inits',
      '20',
      '--shard',
      arg,
      '--out',
      join(dir, 'never.json'),
    ]);
    t.record(`census --shard ${arg}`, r.code === 2 && r.stderr.includes(fragment));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(fragment);
  });
});
