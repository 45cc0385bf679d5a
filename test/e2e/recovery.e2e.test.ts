/**
 * Issue 17, item 7, in the real page (web build, Chromium): a recovery copy in localStorage that is not
 * a valid document (a number, null, {}, an experiment of the wrong shape, a formula that used to throw)
 * is not offered, is moved aside to `relief.recovery.v1.bad`, and the page neither throws nor goes
 * blank; a good copy is still offered. Cases tried and passed are printed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp } from './harness';

declare const localStorage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};
declare const sessionStorage: {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
};
declare const document: { getElementById(id: string): { childElementCount: number } | null };

const KEY = 'relief.recovery.v1';
const copy = (experiment: unknown) =>
  JSON.stringify({ experiment, name: 'draft', savedAt: '2026-12-04T00:00:00Z' });

const bad: [string, string][] = [
  ['experiment: 5', copy(5)],
  ['experiment: null', copy(null)],
  ['experiment: {}', copy({})],
  ['{"relief":1,"runs":"x","model":7}', copy({ relief: 1, runs: 'x', model: 7 })],
  ['the whole copy is {}', '{}'],
  ['not JSON', '{"experiment": '],
  [
    'constructor(a) in a surface',
    copy({
      relief: 1,
      model: { kind: 'surface', expr: 'constructor(a)', start: [0, 0] },
      runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 3 }],
    }),
  ],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('reliability: recovery copies in the page', () => {
  const rows: string[] = [];
  afterAll(() => {
    const passed = rows.filter((r) => r.startsWith('ok')).length;
    console.log(
      `reliability · page recovery: ${rows.length} cases tried, ${passed} passed\n  ${rows.join('\n  ')}`,
    );
  });

  it.each(bad)('%s: not offered, moved aside, the page stays up', async (name, text) => {
    const app = await openApp(browser, '', async (page) => {
      await page.addInitScript(
        ([key, value]) => {
          // only before the first load of this page: the test reads what the app did with it
          if (!sessionStorage.getItem('seeded')) {
            localStorage.setItem(key!, value!);
            sessionStorage.setItem('seeded', '1');
          }
        },
        [KEY, text],
      );
    });
    try {
      const page = app.page;
      await page.waitForTimeout(500);
      const state = await page.evaluate(
        (key) => ({
          copy: localStorage.getItem(key),
          aside: localStorage.getItem(`${key}.bad`),
          children: document.getElementById('root')?.childElementCount ?? 0,
        }),
        KEY,
      );
      const offered = await page
        .getByRole('alert')
        .filter({ hasText: /restore/i })
        .count();
      const ok =
        state.copy === null &&
        state.aside === text &&
        state.children > 0 &&
        offered === 0 &&
        app.errors.length === 0;
      rows.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
      expect(app.errors).toEqual([]);
      expect(state.children).toBeGreaterThan(0);
      expect(offered).toBe(0);
      expect(state.copy).toBeNull();
      expect(state.aside).toBe(text);
    } finally {
      await app.page.close();
    }
  });
});
