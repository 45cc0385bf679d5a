/**
 * The explorer reads at a glance in both languages, at every supported window size (issue 18):
 * - a first visit opens the start screen, and the whole UI in Chinese (start screen, panels, every
 *   optimizer's form, a validation message, the export menu) has no English left but formulas and code
 *   names (test/e2e/untranslated.ts says which);
 * - at 1024x700, 1280x800 and 1920x1080, light and dark, English and Chinese, nothing is cut off (no
 *   horizontal overflow, every top-bar button inside the window) and a screenshot of each is saved to
 *   docs/screens/ (looked at by a person before committing);
 * - an exported PNG carries its key below the plot.
 */
import { copyFile, mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, webUrl } from './harness';
import { untranslated } from './untranslated';

interface Stores {
  doc: { get(): { draft: { runs: { name: string }[] }; revision: number } };
  view: { set(patch: Record<string, unknown>): void };
  results: {
    get(): {
      runs: { phase: string }[];
      slice: { alpha: ArrayLike<number>; rowsDone: number } | null;
      progress: unknown;
      revision: number;
    };
  };
}
declare const window: { __reliefStores: Stores };
declare const localStorage: { setItem(key: string, value: string): void };

const SCREENS = resolve(import.meta.dirname, '../../docs/screens');
const registry = JSON.parse(
  readFileSync(new URL('../../src/renderer/src/i18n/registry.en.json', import.meta.url), 'utf8'),
) as { hyper: Record<string, unknown>; choice: Record<string, unknown> };
/** Code names a tooltip quotes (the document's keys and option values). */
const CODE_NAMES = [...Object.keys(registry.hyper), ...Object.keys(registry.choice)];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = window.__reliefStores;
      const r = s.results.get();
      return (
        r.revision === s.doc.get().revision &&
        r.progress === null &&
        r.runs.length > 0 &&
        r.runs.every((x) => x.phase !== 'queued' && x.phase !== 'running') &&
        r.slice !== null &&
        r.slice.rowsDone === r.slice.alpha.length
      );
    },
    undefined,
    { timeout: 150_000, polling: 250 },
  );
}

async function leaks(page: Page, where: string): Promise<string[]> {
  const names = await page.evaluate(() => window.__reliefStores.doc.get().draft.runs.map((r) => r.name));
  const found = await untranslated(page, [...names, ...CODE_NAMES]);
  const lines = found.map((l) => `${where}: "${l.text}" (${l.where})`);
  console.log(`untranslated in ${where}: ${found.length}`);
  return lines;
}

describe('one language at a time', () => {
  it('opens the start screen on a first visit, and shows no English in Chinese', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.addInitScript(() => localStorage.setItem('relief.language', 'zh'));
    await page.goto(webUrl(), { waitUntil: 'load' });
    await page.getByTestId('lesson-start').waitFor({ state: 'visible', timeout: 60_000 });
    expect(await page.getByTestId('what-am-i-looking-at').isVisible()).toBe(true);
    const found: string[] = await leaks(page, 'start screen');
    await page.getByTestId('lesson-start-close').click();
    await settled(page);
    found.push(...(await leaks(page, 'explorer')));
    for (const tab of ['census', 'neb'] as const) {
      await page.evaluate((t) => window.__reliefStores.view.set({ analysisTab: t }), tab);
      found.push(...(await leaks(page, `analysis ${tab}`)));
    }
    await page.evaluate(() => window.__reliefStores.view.set({ surfaceMode: 'top', showShortcuts: true }));
    found.push(...(await leaks(page, 'top-down + shortcuts')));
    await page.evaluate(() => window.__reliefStores.view.set({ surfaceMode: '3d', showShortcuts: false }));
    // Every optimizer's form, opened, with a broken field so a validation message shows.
    for (const type of ['adam', 'lbfgs', 'cg', 'newton', 'hessianFree', 'adadelta', 'adagrad', 'nadam']) {
      await page.getByTestId('add-optimizer-type').selectOption(type);
      await page.getByTestId('add-run').click();
    }
    const toggles = page.locator('[data-testid^=run-] button[aria-expanded=false]');
    while ((await toggles.count()) > 0) await toggles.first().click();
    await page.getByTestId('run0-lr').fill('-1');
    await page.getByTestId('problems').waitFor({ state: 'visible' });
    found.push(...(await leaks(page, 'optimizer forms + problem')));
    await page.getByTestId('export-menu').click();
    found.push(...(await leaks(page, 'export menu')));
    await page.close();
    expect(found).toEqual([]);
  });
});

describe('layout and screenshots', () => {
  it('fits 1024x700 to 1920x1080 in both languages and themes; exports carry their key', async () => {
    const app = await openApp(browser);
    const page = app.page;
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('preset-abs').click();
    for (const type of ['adam', 'rmsprop', 'lbfgs']) {
      await page.getByTestId('add-optimizer-type').selectOption(type);
      await page.getByTestId('add-run').click();
    }
    await page.getByTestId('run').click();
    await settled(page);

    // The exported top-down PNG: the plot with its key strip below (taller than the canvas on screen).
    await page.evaluate(() => window.__reliefStores.view.set({ surfaceMode: 'top' }));
    const canvas = (await page.getByTestId('surface-top').boundingBox())!;
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('png-surface-top').click(),
    ]);
    const png = readFileSync(await dl.path());
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    console.log(`surface-top: canvas ${canvas.width}x${canvas.height}, PNG ${width}x${height}`);
    expect(width / height).toBeLessThan(canvas.width / canvas.height);

    await mkdir(SCREENS, { recursive: true });
    const sizes = [
      [1024, 700],
      [1280, 800],
      [1920, 1080],
    ] as const;
    for (const lang of ['en', 'zh'] as const) {
      if (lang === 'zh') await page.locator('.topbar .prefs button').nth(1).click();
      for (const theme of ['light', 'dark'] as const) {
        // Light shows the 3-D surface, dark the top-down map: both views in every size and language.
        await page.evaluate(
          (th) => window.__reliefStores.view.set({ theme: th, surfaceMode: th === 'light' ? '3d' : 'top' }),
          theme,
        );
        for (const [w, h] of sizes) {
          await page.setViewportSize({ width: w, height: h });
          await page.mouse.move(1, 1);
          await page.waitForTimeout(700);
          // Every panel lies inside the window (none cut off at the right or bottom).
          const panels = page.locator('.panel:visible');
          for (let i = 0; i < (await panels.count()); i++) {
            const p = (await panels.nth(i).boundingBox())!;
            expect(p.x + p.width, `${w}x${h} ${lang} ${theme}: panel ${i} inside`).toBeLessThanOrEqual(w);
            expect(p.y + p.height, `${w}x${h} ${lang} ${theme}: panel ${i} inside`).toBeLessThanOrEqual(h);
          }
          const buttons = page.locator('.topbar button:visible');
          for (let i = 0; i < (await buttons.count()); i++) {
            const b = (await buttons.nth(i).boundingBox())!;
            expect(b.x + b.width, `${w}x${h} ${lang}: top-bar button ${i} inside`).toBeLessThanOrEqual(w);
          }
          const name = `explorer-${w}x${h}-${lang}-${theme}`;
          const shot = await app.screenshot(`screens/${name}`);
          await copyFile(shot, resolve(SCREENS, `${name}.png`));
        }
      }
    }
    expect(app.errors).toEqual([]);
    await page.close();
  });
});
