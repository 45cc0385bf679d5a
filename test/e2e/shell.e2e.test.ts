/**
 * The web build in real Chromium: it loads with no console errors; the default experiment trains on the
 * Web Worker engine and the UI draws it (pixels read from screenshots); a cancelled job stops; a bad file
 * gives a message naming the field; and the Engine contract passes here as it does in Node.
 */
import type { Browser, Dialog } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultExperiment } from '../../src/renderer/src/state/defaultExperiment';
import { contractExperiment, runEngineContract } from '../main/engineContract';
import type { Engine } from '../../src/renderer/src/engine/types';
import type { Platform } from '../../src/renderer/src/platform/types';
import { launchChromium, openApp, pixelStats, type AppPage } from './harness';

// Browser globals used inside page.evaluate callbacks (this file compiles without the DOM library).
declare const window: {
  __reliefEngine?: Engine;
  __reliefPlatform?: Platform;
  relief?: unknown;
  dispatchEvent(event: unknown): boolean;
};
declare const document: { querySelectorAll(s: 'canvas'): Iterable<{ width: number; height: number }> };
declare const localStorage: { getItem(key: string): string | null };
declare const DataTransfer: new () => { items: { add(file: unknown): void } };
declare const DragEvent: new (type: string, init: object) => unknown;

let browser: Browser;
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
    expect(passed).toHaveLength(4);
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
    await app.screenshot('shell-default-experiment');
    const canvases = page.locator('canvas');
    const count = await canvases.count();
    let drawn = 0;
    for (let i = 0; i < count; i++) {
      const c = canvases.nth(i);
      if (!(await c.isVisible())) continue;
      const box = await c.boundingBox();
      if (!box || box.width < 50 || box.height < 50) continue;
      const s = await pixelStats(page, c);
      if (s.colors >= 4 && s.inked > 0.005) drawn++;
    }
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
