/**
 * The web build in real Chromium: it loads with no console errors; the default experiment trains on the
 * Web Worker engine and the UI draws it (pixels read from screenshots); a cancelled job stops; a bad file
 * gives a message naming the field; and the Engine contract passes here as it does in Node.
 */
import type { Browser, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../src/renderer/src/state/defaultExperiment';
import { contractExperiment, runEngineContract, type LooseEngine } from '../main/engineContract';
import type { Platform } from '../../src/renderer/src/platform/types';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIpcHandlers } from '../../src/main/node/ipcHandlers';
import { RecentFiles } from '../../src/main/node/recentFiles';
import { RecoveryStore } from '../../src/main/node/recovery';
import { createNodePool } from '../../src/node/pool/nodePool';
import { installFakePreload, type FakeMain } from './fakePreload';
import { launchChromium, openApp, pixelStats, webUrl, type AppPage } from './harness';

// Browser globals used inside page.evaluate callbacks (this file compiles without the DOM library).
declare const window: {
  __reliefEngine?: LooseEngine;
  __reliefPlatform?: Platform;
  relief?: unknown;
  dispatchEvent(event: unknown): boolean;
};
declare const document: { querySelectorAll(s: 'canvas'): Iterable<{ width: number; height: number }> };
declare const localStorage: { getItem(key: string): string | null };
declare const DataTransfer: new () => { items: { add(file: unknown): void } };
declare const DragEvent: new (type: string, init: object) => unknown;

let browser: Browser;

/** Closes a first-run overlay (the lessons start screen) if the UI shows one. */
async function dismissOverlays(page: Page): Promise<void> {
  const explore = page.getByRole('button', { name: /explore on my own/i });
  if (await explore.isVisible().catch(() => false)) await explore.click();
}

/** How many visible canvases of some size show a drawing (several colours, some ink). */
async function drawnCanvases(page: Page): Promise<number> {
  await dismissOverlays(page);
  const canvases = page.locator('canvas');
  let drawn = 0;
  for (let i = 0; i < (await canvases.count()); i++) {
    const c = canvases.nth(i);
    if (!(await c.isVisible())) continue;
    const box = await c.boundingBox();
    if (!box || box.width < 50 || box.height < 50) continue;
    const s = await pixelStats(page, c);
    if (s.colors >= 4 && s.inked > 0.005) drawn++;
  }
  return drawn;
}
let app: AppPage;

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
});
afterAll(() => browser?.close());

describe('web build in Chromium', () => {
  it('loads with no console errors, on the Web Worker engine', async () => {
    await app.page.waitForFunction(() => window.__reliefEngine !== undefined);
    expect(await app.page.evaluate(() => window.__reliefEngine!.host)).toBe('web');
    expect(await app.page.evaluate(() => window.relief === undefined)).toBe(true);
    await app.page.waitForTimeout(500);
    await app.screenshot('shell-loaded');
    expect(app.errors).toEqual([]);
  });

  it('passes the Engine contract on Web Workers', async () => {
    const passed = await app.page.evaluate(
      `(${runEngineContract.toString()})(window.__reliefEngine, ${JSON.stringify(contractExperiment)})`,
    );
    expect(passed).toHaveLength(5);
  });

  it('trains the default experiment in a worker and the UI draws it', async () => {
    const page = app.page;
    const experiment = defaultExperiment();
    const losses = await page.evaluate(async (e) => {
      const engine = window.__reliefEngine!;
      const runs = await Promise.all(
        e.runs.map(
          (r) =>
            engine.run<{ status: string; loss: Float64Array }>('train', { experiment: e, run: r.name })
              .result,
        ),
      );
      return runs.map((r) => ({
        status: r.status,
        first: r.loss[0]!,
        last: r.loss[r.loss.length - 1]!,
        typed: r.loss instanceof Float64Array,
      }));
    }, experiment);
    for (const l of losses) {
      expect(l).toMatchObject({ status: 'ok', typed: true });
      expect(l.last).toBeLessThan(l.first);
    }
    // The UI runs the same default experiment on load (or on Run); its canvases then show something.
    const run = page.getByRole('button', { name: /^run/i }).first();
    if (await run.isVisible().catch(() => false)) await run.click();
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('canvas')).some((c) => c.width > 50 && c.height > 50),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(3000);
    await dismissOverlays(page);
    await app.screenshot('shell-default-experiment');
    const drawn = await drawnCanvases(page);
    // The 3-D surface (WebGL) and at least one chart.
    expect(drawn).toBeGreaterThanOrEqual(2);
    expect(app.errors).toEqual([]);
  });

  it('a cancelled job stops with its history', async () => {
    const r = await app.page.evaluate(async (e) => {
      const engine = window.__reliefEngine!;
      const long = { ...e, runs: [{ name: 'long', optimizer: { type: 'sgd', lr: 0.01 }, steps: 1_000_000 }] };
      let reports = 0;
      let cancel = () => {};
      const h = engine.run<{ status: string; steps: number; loss: Float64Array }>(
        'train',
        { experiment: long, run: 'long' },
        () => {
          if (++reports === 3) cancel();
        },
      );
      cancel = h.cancel;
      const res = await h.result;
      return { status: res.status, steps: res.steps, n: res.loss.length };
    }, contractExperiment);
    expect(r.status).toBe('cancelled');
    expect(r.steps).toBeLessThan(1_000_000);
    expect(r.n).toBe(r.steps + 1);
  });

  it('a bad file gives a message naming the field, through the file picker and drag-and-drop', async () => {
    const page = app.page;
    const bad = JSON.stringify({
      ...contractExperiment,
      data: { ...contractExperiment.data, train: { n: 0 } },
    });
    await page.waitForFunction(() => window.__reliefPlatform !== undefined);
    const chooser = page.waitForEvent('filechooser');
    const opened = page.evaluate(() => window.__reliefPlatform!.open());
    await (
      await chooser
    ).setFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    const outcome = await opened;
    expect(outcome).toMatchObject({ ok: false, name: 'bad.json' });
    const dialog = page.locator('dialog.relief-problem-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const text = await dialog.innerText();
    expect(text).toContain('bad.json');
    expect(text).toContain('data.train.n');
    expect(text).toMatch(/>=\s*1/);
    await app.screenshot('shell-bad-file', dialog);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // Dropped anywhere on the page: the same check, the same message.
    await page.evaluate((content) => {
      const dt = new DataTransfer();
      dt.items.add(new File([content], 'dropped.json', { type: 'application/json' }));
      window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true, bubbles: true }));
    }, bad);
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.innerText()).toContain('dropped.json');
    await dialog.getByRole('button', { name: 'OK' }).click();
    expect(app.errors).toEqual([]);
  });

  it('the title shows the document and an unsaved marker; autosave is offered back after a reload', async () => {
    const page = app.page;
    await expect.poll(() => page.title()).toBe('seed-001 — Relief');
    const seed = page.getByTestId('seed');
    await seed.fill('43');
    await seed.press('Tab');
    await expect.poll(() => page.title()).toBe('• seed-001 — Relief');
    // The recovery copy is written a moment after the last edit.
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem('relief.recovery.v1')), { timeout: 10_000 })
      .toContain('"seed":43');
    // A reload without saving: the page first warns about unsaved changes (beforeunload); then the UI
    // offers the copy back, and restoring it brings the edit back, still unsaved.
    let warnedOnLeave = false;
    const onDialog = (d: Dialog) => {
      if (d.type() === 'beforeunload') warnedOnLeave = true;
      void d.accept();
    };
    page.on('dialog', onDialog);
    await page.reload({ waitUntil: 'load' });
    page.off('dialog', onDialog);
    expect(warnedOnLeave).toBe(true);
    const offer = page.getByRole('alert').filter({ hasText: 'seed-001' });
    await expect.poll(() => offer.isVisible(), { timeout: 10_000 }).toBe(true);
    await app.screenshot('shell-recovery-offer');
    await offer.getByRole('button', { name: /restore/i }).click();
    await expect.poll(() => page.getByTestId('seed').inputValue()).toBe('43');
    await expect.poll(() => page.title()).toBe('• seed-001 — Relief');
    await app.screenshot('shell-recovered');
    expect(app.errors).toEqual([]);
  });
});

/**
 * The same UI as the Electron renderer sees it: `window.relief` present (a stand-in for the preload that
 * calls the real main-process IPC handlers, gate and worker pool in this process), so the Engine is the
 * IPC engine and the Platform the Electron one.
 */
describe('the Electron renderer path (stand-in preload, real IPC handlers and worker pool)', () => {
  const pool = createNodePool(2);
  let dir = '';
  let ipcApp: AppPage;
  const rec = {
    openPath: null as string | null,
    savePath: null as string | null,
    problems: [] as string[],
    titles: [] as [string, boolean][],
  };
  afterAll(async () => {
    await ipcApp?.page.close();
    await pool.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  let main: FakeMain | undefined;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'relief-e2e-ipc-'));
    const handlers = createIpcHandlers({
      pool,
      recent: new RecentFiles(join(dir, 'recent.json')),
      recovery: new RecoveryStore(join(dir, 'recovery.json')),
      dialogs: {
        chooseOpenPath: async () => rec.openPath,
        chooseSavePath: async () => rec.savePath,
        showOpenProblems: async (m) => void rec.problems.push(m),
      },
      emit: (_id, channel, ...args) => void main?.emit(channel, ...args),
      setDocument: (_id, name, dirty) => void rec.titles.push([name, dirty]),
    });
    ipcApp = await openApp(browser, '', async (page) => {
      main = await installFakePreload(page, handlers, webUrl());
    });
  });

  it('uses the IPC engine, which passes the Engine contract over the real handlers and pool', async () => {
    const page = ipcApp.page;
    await page.waitForFunction(() => window.__reliefEngine !== undefined);
    expect(await page.evaluate(() => window.__reliefEngine!.host)).toBe('electron');
    const passed = await page.evaluate(
      `(${runEngineContract.toString()})(window.__reliefEngine, ${JSON.stringify(contractExperiment)})`,
    );
    expect(passed).toHaveLength(5);
  });

  it('runs the default experiment over IPC and draws it, with no console errors', async () => {
    const page = ipcApp.page;
    await page.waitForFunction(
      () => Array.from(document.querySelectorAll('canvas')).some((c) => c.width > 50 && c.height > 50),
      undefined,
      { timeout: 60_000 },
    );
    await page.waitForTimeout(3000);
    await dismissOverlays(page);
    await ipcApp.screenshot('shell-ipc-default-experiment');
    expect(await drawnCanvases(page)).toBeGreaterThanOrEqual(2);
    expect(ipcApp.errors).toEqual([]);
  });

  it('menu Open: an invalid file gets the main process dialog naming the field and is not touched', async () => {
    const bad = join(dir, 'bad.json');
    const text = JSON.stringify({
      ...contractExperiment,
      runs: [{ name: 'x', optimizer: { type: 'sgd', lr: -1 } }],
    });
    await writeFile(bad, text);
    rec.openPath = bad;
    await main!.emit('menu:command', 'open');
    await expect.poll(() => rec.problems.length).toBe(1);
    expect(rec.problems[0]).toContain('bad.json');
    expect(rec.problems[0]).toContain('runs[0].optimizer.lr');
    expect(await readFile(bad, 'utf8')).toBe(text);
  });

  it('menu Open then Save: the document loads, the title follows it, and saving writes the file in place', async () => {
    const good = join(dir, 'good.json');
    const doc = { ...contractExperiment, name: 'from-disk' };
    await writeFile(good, JSON.stringify(doc));
    rec.openPath = good;
    await main!.emit('menu:command', 'open');
    await expect.poll(() => rec.titles.at(-1)).toEqual(['good.json', false]);
    await expect.poll(() => ipcApp.page.getByTestId('seed').inputValue()).toBe('7');
    // Edit in the UI: the title gets its unsaved marker through window:setDocument.
    await ipcApp.page.getByTestId('seed').fill('8');
    await ipcApp.page.getByTestId('seed').press('Tab');
    await expect.poll(() => rec.titles.at(-1)).toEqual(['good.json', true]);
    rec.savePath = null; // saving in place must not ask
    await main!.emit('menu:command', 'save');
    await expect.poll(() => rec.titles.at(-1)).toEqual(['good.json', false]);
    const saved = JSON.parse(await readFile(good, 'utf8')) as { seed: number; name: string };
    expect(saved).toMatchObject({ seed: 8, name: 'from-disk' });
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(ipcApp.errors).toEqual([]);
  });
});
