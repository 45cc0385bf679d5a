/**
 * Every Python fixture says how it was made: the committed generator that `npm run fixtures` runs, and the
 * versions of the tools it used (scripts/fixtures/fixture_meta.py), so a changed number can be traced to a
 * changed tool.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('../fixtures/', import.meta.url);
const root = new URL('../../', import.meta.url);

describe('test/fixtures', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  const generators = readdirSync(new URL('scripts/fixtures/', root)).filter(
    (f) => f.endsWith('.py') && f !== 'fixture_meta.py',
  );

  for (const f of files)
    it(`${f} names its generator and the tool versions`, () => {
      const doc = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as {
        generator?: string;
        tools?: Record<string, string>;
      };
      expect(doc.generator).toMatch(/^scripts\/fixtures\/[a-z0-9_]+\.py$/);
      expect(existsSync(new URL(doc.generator!, root))).toBe(true);
      expect(doc.tools?.python).toMatch(/^3\.\d+/);
    });

  it('every generator writes a committed fixture', () => {
    const named = files.map(
      (f) => (JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as { generator: string }).generator,
    );
    for (const g of generators) expect(named, g).toContain(`scripts/fixtures/${g}`);
  });
});
