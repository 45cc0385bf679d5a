/**
 * Issue 17, item 7: recovery copies are parsed by a schema in both hosts. Electron's RecoveryStore (real
 * files): a copy that is empty, truncated, not a document, invalid or hostile is not offered, is moved
 * aside next to the original (so the next start does not meet it again) and is reported; `pending()`
 * never rejects. The browser's copy goes through the same parser (core/experiment/recoveryCopy.ts).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecoveryCopy } from '../../src/core/experiment/recoveryCopy';
import { RecoveryStore } from '../../src/main/node/recovery';
import { tally } from './tally';

const good = {
  relief: 1,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 20 } },
  model: { inputs: 1, hidden: [3] },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 3 }],
};
const copy = (experiment: unknown) =>
  JSON.stringify({ experiment, name: 'draft', savedAt: '2026-12-04T00:00:00Z' });

/** [case, file content, fragment of the reason]. */
const bad: [string, string, string][] = [
  ['an empty file', '', 'not valid JSON'],
  ['a truncated copy', copy(good).slice(0, 40), 'not valid JSON'],
  ['{}', '{}', 'not a recovery copy'],
  ['null', 'null', 'not a recovery copy'],
  ['experiment: 5', copy(5), 'invalid'],
  ['experiment: null', copy(null), 'invalid'],
  ['experiment: {}', copy({}), 'invalid'],
  ['{"relief":1,"runs":"x","model":7}', copy({ relief: 1, runs: 'x', model: 7 }), 'invalid'],
  [
    'constructor(a) in a surface',
    copy({ relief: 1, model: { kind: 'surface', expr: 'constructor(a)', start: [0, 0] }, runs: good.runs }),
    "function 'constructor'",
  ],
  [
    'a formula too large to differentiate',
    copy({
      relief: 1,
      model: { kind: 'surface', expr: `${'max(a,'.repeat(11)}b${')'.repeat(11)}`, start: [0, 0] },
      runs: good.runs,
    }),
    'too large',
  ],
  [
    'a 1 MB name',
    JSON.stringify({ experiment: good, name: 'n'.repeat(1e6), savedAt: '' }),
    'not a recovery copy',
  ],
];

describe('reliability: recovery copies', () => {
  const t = tally('recovery copies');

  it.each(bad)('Electron: %s is not offered, moved aside and reported', async (name, content, reason) => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-recovery-'));
    const path = join(dir, 'recovery.json');
    writeFileSync(path, content);
    const reports: string[] = [];
    const store = new RecoveryStore(path, (m) => reports.push(m));
    const offer = await store.pending();
    const aside = readdirSync(dir).filter((f) => f.startsWith('recovery.json.bad-'));
    const ok = offer === null && !existsSync(path) && aside.length === 1 && reports.length === 1;
    t.record(`Electron: ${name}`, ok && reports[0]!.includes(reason));
    expect(offer).toBeNull();
    expect(existsSync(path)).toBe(false);
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(content);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toContain(reason);
    expect(reports[0]!.length).toBeLessThan(1000);
    // the next start finds nothing
    expect(await store.pending()).toBeNull();
    expect(reports).toHaveLength(1);
  });

  it.each(bad)('browser parser: %s is refused with the reason', (name, content, reason) => {
    const r = parseRecoveryCopy(content);
    t.record(`browser parser: ${name}`, !r.ok && r.reason.includes(reason));
    expect(r.ok).toBe(false);
    expect((r as { reason: string }).reason).toContain(reason);
  });

  it('a good copy (with a UTF-8 BOM) is offered in both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'relief-recovery-'));
    const path = join(dir, 'recovery.json');
    writeFileSync(path, `\uFEFF${copy(good)}`);
    const offer = await new RecoveryStore(path, () => {}).pending();
    t.record('a good copy is offered', offer !== null);
    expect(offer).toMatchObject({ experiment: good, name: 'draft' });
    expect(parseRecoveryCopy(copy(good))).toMatchObject({ ok: true, copy: { experiment: good } });
  });
});
