/**
 * The explorer reads at a glance in both languages, at every supported window size (issue 18):
 * - a first visit opens the start screen, and the whole UI in Chinese (start screen, panels, every
 *   optimizer's form, a validation message, the export menu) has no English left but formulas and code
 *   names (test/e2e/untranslated.ts says which);
 * - at 1024x700, 1280x800 and 1920x1080, light and dark, English and Chinese, nothing is cut off (no
 *   horizontal overflow, every top-bar button inside the window) and a screenshot of each is saved to
 *   docs/screens/ (looked at by a person before committing);
 * - an exported PNG carries its key below the plot;
 * - dragging the start point on the top-down map re-runs every run from the dropped point, and the runs
 *   match the CLI run of the same document.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, webUrl } from './harness';
import { untranslated } from './untranslated';

interface Stores {
  doc: { get(): { draft: { runs: { name: string }[]; model: { start?: number[] } }; revision: number } };
  view: { set(patch: Record<string, unknown>): void };
  results: {
    get(): {
      runs: {
        name: string;
        phase: string;
        loss: ArrayLike<number>;
        filled: number;
        snapshots: ArrayLike<number>[];
      }[];
      slice: { alpha: ArrayLike<number>; beta: ArrayLike<number>; rowsDone: number } | null;
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
        // Switching the view may edit the document's picture settings: let that recompute finish.
        await settled(page);
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

describe('direct manipulation', () => {
  it('dragging the start point re-runs every run from there, matching a CLI run from the dropped point', async () => {
    const app = await openApp(browser);
    const page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('use-surface').click();
    await page.getByTestId('surface-himmelblau').click();
    await settled(page);
    await page.evaluate(() => window.__reliefStores.view.set({ surfaceMode: 'top' }));
    const read = () =>
      page.evaluate(() => {
        const r = window.__reliefStores.results.get();
        const s = r.slice!;
        return {
          starts: r.runs.map((x) => Array.from(x.snapshots[0]!)),
          ends: r.runs.map((x) => Array.from(x.snapshots[x.snapshots.length - 1]!)),
          losses: r.runs.map((x) => x.loss[x.filled - 1]!),
          a: [s.alpha[0]!, s.alpha[s.alpha.length - 1]!],
          b: [s.beta[0]!, s.beta[s.beta.length - 1]!],
        };
      });
    const before = await read();
    const canvas = page.getByTestId('surface-top');
    await expect.poll(() => canvas.getAttribute('data-box')).toBeTruthy();
    const at = async (alpha: number, beta: number): Promise<[number, number]> => {
      const r = (await canvas.boundingBox())!;
      const [x, y, w, h] = (await canvas.getAttribute('data-box'))!.split(',').map(Number) as [
        number,
        number,
        number,
        number,
      ];
      return [
        r.x + x + ((alpha - before.a[0]!) / (before.a[1]! - before.a[0]!)) * w,
        r.y + y + (1 - (beta - before.b[0]!) / (before.b[1]! - before.b[0]!)) * h,
      ];
    };
    const start = before.starts[0]!;
    const target = [start[0]! + 0.8, start[1]! - 0.6];
    const [sx, sy] = await at(start[0]!, start[1]!);
    const [tx, ty] = await at(target[0]!, target[1]!);
    await page.mouse.move(sx, sy);
    await page.mouse.down();
    await page.mouse.move((sx + tx) / 2, (sy + ty) / 2, { steps: 4 });
    await page.mouse.move(tx, ty, { steps: 4 });
    await page.mouse.up();
    await expect
      .poll(() => page.evaluate(() => window.__reliefStores.doc.get().draft.model.start ?? null))
      .not.toBeNull();
    await settled(page);
    const after = await read();
    const dropped = (await page.evaluate(() => window.__reliefStores.doc.get().draft.model.start))!;
    console.log(
      `start ${JSON.stringify(start)} -> dropped ${JSON.stringify(dropped)} (aimed at ${JSON.stringify(target)})`,
    );
    // Dropped where the pointer was released (within a pixel of the plane), and every run starts there.
    expect(Math.abs(dropped[0]! - target[0]!)).toBeLessThan(0.03);
    expect(Math.abs(dropped[1]! - target[1]!)).toBeLessThan(0.03);
    for (const s of after.starts) expect(s).toEqual(dropped);
    // The paths moved: different ends than before (Himmelblau has four minima; at least one run changes).
    expect(after.ends).not.toEqual(before.ends);
    // And they are the CLI's runs of the same document.
    const draft = await page.evaluate(() => window.__reliefStores.doc.get().draft);
    const dir = await mkdtemp(join(tmpdir(), 'relief-drag-'));
    await writeFile(join(dir, 'dropped.relief.json'), JSON.stringify(draft));
    await promisify(execFile)(
      process.execPath,
      [
        resolve(import.meta.dirname, '../../node_modules/tsx/dist/cli.mjs'),
        resolve(import.meta.dirname, '../../src/cli/main.ts'),
        'run',
        join(dir, 'dropped.relief.json'),
        '--out',
        join(dir, 'dropped.results.json'),
      ],
      { timeout: 120_000 },
    );
    const cli = JSON.parse(readFileSync(join(dir, 'dropped.results.json'), 'utf8')) as {
      runs: { name: string; loss: number[] }[];
    };
    cli.runs.forEach((r, i) => {
      const ui = after.losses[i]!;
      const mine = r.loss[r.loss.length - 1]!;
      console.log(`${r.name}: UI final loss ${ui}, CLI ${mine}`);
      expect(Math.abs(ui - mine)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(mine)));
    });
    expect(app.errors).toEqual([]);
    await page.close();
  });
});
