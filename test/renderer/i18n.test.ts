/**
 * Every user-facing string exists in English and Simplified Chinese. Each folder under src/renderer with an
 * en.json is one i18next namespace file set (the explorer's i18n/, the lessons' lessons/i18n/, any added
 * later); its zh.json must have exactly the same keys, no string may be empty, and the {{placeholders}} of
 * a string must be the same in both languages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../src/renderer/', import.meta.url));

function findFolders(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...findFolders(p));
    else if (name === 'en.json') out.push(dir);
  }
  return out;
}

type Tree = { [k: string]: Tree | string };

/** Leaf strings by dotted key; non-string, non-object leaves are reported as problems. */
function flatten(tree: unknown, prefix: string, out: Map<string, unknown>): void {
  if (typeof tree === 'object' && tree !== null && !Array.isArray(tree)) {
    for (const [k, v] of Object.entries(tree as Tree)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, tree);
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1]).sort();

const folders = findFolders(root);

describe('translations: English and Simplified Chinese', () => {
  it('finds the explorer and lesson string files', () => {
    const rel = folders.map((f) => relative(root, f).replaceAll('\\', '/'));
    expect(rel).toEqual(expect.arrayContaining(['src/i18n', 'src/lessons/i18n']));
  });

  for (const folder of folders) {
    const name = relative(root, folder).replaceAll('\\', '/');
    describe(name, () => {
      const read = (lang: string) =>
        JSON.parse(readFileSync(join(folder, `${lang}.json`), 'utf8')) as unknown;
      const flat = (lang: string) => {
        const m = new Map<string, unknown>();
        flatten(read(lang), '', m);
        return m;
      };
      const en = flat('en');
      const zh = flat('zh');

      it('has no key missing in either language', () => {
        const missingZh = [...en.keys()].filter((k) => !zh.has(k));
        const missingEn = [...zh.keys()].filter((k) => !en.has(k));
        expect({ missingInZh: missingZh, missingInEn: missingEn }).toEqual({
          missingInZh: [],
          missingInEn: [],
        });
      });

      it('has no empty or non-string value', () => {
        const bad = (m: Map<string, unknown>, lang: string) =>
          [...m].filter(([, v]) => typeof v !== 'string' || v.trim() === '').map(([k]) => `${lang}:${k}`);
        expect([...bad(en, 'en'), ...bad(zh, 'zh')]).toEqual([]);
      });

      it('uses the same {{placeholders}} in both languages', () => {
        const differ = [...en]
          .filter(([k, v]) => typeof v === 'string' && typeof zh.get(k) === 'string')
          .filter(([k, v]) => placeholders(v as string).join() !== placeholders(zh.get(k) as string).join())
          .map(([k]) => k);
        expect(differ).toEqual([]);
      });
    });
  }
});
