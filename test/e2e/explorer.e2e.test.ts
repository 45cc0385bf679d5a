/**
 * The explorer's full flow in the web build in real Chromium: choose a preset, add three optimizers, run;
 * the surface, paths, critical points and the function appear; hovering the surface changes the function
 * view; scrubbing moves the step; exports download files whose contents are checked. Screenshots of every
 * view go to test-results/screens/ (copied into docs/screens for the README).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, pixelStats, type AppPage } from './harness';

// Browser globals used inside page.evaluate callbacks (this file compiles without the DOM library).
interface Stores {
  doc: { get(): { draft: { runs: { name: string }[] }; problems: unknown[]; revision: number } };
  view: { get(): { step: number | null; hover: unknown } };
  results: {
    get(): {
      runs: { name: string; phase: string; filled: number; snapshots: unknown[] }[];
      slice: {
        critical: { kind: string }[];
        alpha: ArrayLike<number>;
        rowsDone: number;
        source: string;
      } | null;
      analysis: { label: string }[];
      progress: unknown;
      error: string | null;
      revision: number;
    };
    set(patch: { slice: null }): void;
    subscribe(listener: () => void): () => void;
  };
}
declare const window: { __reliefStores: Stores; __sliceSources: string[] };
declare function requestAnimationFrame(fn: () => void): number;

let browser: Browser;
let app: AppPage;
let page: Page;

const shot = (name: string, selector?: string) =>
  app.screenshot(`screens/${name}`, selector ? page.locator(selector).first() : undefined);

/** Waits until nothing is computing and every run has finished (and a slice exists). */
async function settled(runs: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const r = window.__reliefStores.results.get();
      return (
        r.revision === window.__reliefStores.doc.get().revision &&
        r.progress === null &&
        r.runs.length === n &&
        r.runs.every((x) => x.phase !== 'queued' && x.phase !== 'running') &&
        r.slice !== null &&
        r.slice.rowsDone === r.slice.alpha.length
      );
    },
    runs,
    { timeout: 150_000, polling: 250 },
  );
  // Views redraw results once per animation frame: let the last update reach the screen.
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

async function canvasPng(selector: string): Promise<Buffer> {
  return page.locator(selector).first().screenshot();
}

async function download(action: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), action()]);
  const path = await d.path();
  const bytes = await readFile(path);
  return { name: d.suggestedFilename(), text: bytes.toString('utf8'), bytes };
}

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  page = app.page;
  await page.waitForFunction(() => window.__reliefStores !== undefined);
});
afterAll(() => browser?.close());

describe('explorer', () => {
  it('chooses a preset, adds three optimizers and runs', async () => {
    await page.getByTestId('preset-abs').click();
    for (const type of ['adam', 'rmsprop', 'lbfgs']) {
      await page.getByTestId('add-optimizer-type').selectOption(type);
      await page.getByTestId('add-run').click();
    }
    const names = await page.evaluate(() => window.__reliefStores.doc.get().draft.runs.map((r) => r.name));
    expect(names).toEqual(['gd', 'momentum', 'adam', 'rmsprop', 'lbfgs']);
    expect(await page.evaluate(() => window.__reliefStores.doc.get().problems)).toEqual([]);
    // As on a first run (no slice yet), record which slices the surface is given while this run computes.
    await page.evaluate(() => {
      const results = window.__reliefStores.results;
      results.set({ slice: null });
      window.__sliceSources = [];
      results.subscribe(() => {
        const source = results.get().slice?.source;
        if (source && window.__sliceSources.at(-1) !== source) window.__sliceSources.push(source);
      });
    });
    await page.getByTestId('run').click();
    // Progress shows while it computes; then everything settles.
    await page.waitForFunction(() => window.__reliefStores.results.get().progress !== null, undefined, {
      timeout: 10_000,
    });
    await settled(5);
    const r = await page.evaluate(() => {
      const s = window.__reliefStores.results.get();
      return {
        phases: s.runs.map((x) => x.phase),
        snapshots: s.runs.map((x) => x.snapshots.length),
        critical: s.slice!.critical.map((c) => c.kind),
        error: s.error,
      };
    });
    expect(r.error).toBeNull();
    expect(r.phases.every((p) => p === 'ok' || p === 'diverged')).toBe(true);
    // A 1-16-1 relu model: auto picked the exact engine, computed in the Web Workers' WebAssembly.
    await expect.poll(() => page.getByTestId('ran-on').textContent()).toBe('exact · WebAssembly');
    expect(await page.getByTestId('engine').inputValue()).toBe('auto');
    expect(Math.min(...r.snapshots)).toBeGreaterThan(1);
    expect(r.critical.length).toBeGreaterThan(0);
    // Only the document's plane (the default landscape: random), or a coarse provisional one first (when it came before the runs
    // ended; test/renderer/explorer/provisionalSlice.test.ts holds training back to check it) and then it.
    const sources = await page.evaluate(() => window.__sliceSources);
    expect(sources.at(-1)).toBe('random');
    expect(sources.slice(0, -1).every((s) => s === 'provisional')).toBe(true);
    expect(await page.title()).toBe('• abs — Relief');
    await page.waitForFunction(() => window.__reliefStores.results.get().analysis.length > 0, undefined, {
      timeout: 60_000,
    });
    await page.mouse.move(5, 5);
    await page.locator('.experiment-panel').evaluate((el) => (el.scrollTop = 0));
    await page.waitForTimeout(400);
    await shot('explorer-3d');
  });

  it('shows the surface, paths, critical points and the function', async () => {
    const surface = await pixelStats(page, page.getByTestId('surface-3d'));
    expect(surface.colors).toBeGreaterThan(60);
    // (In the test browser the surface is drawn without multisampling, so its edges carry a little less ink.)
    expect(surface.inked).toBeGreaterThan(0.15);
    const fn = await pixelStats(page, page.getByTestId('function-canvas'));
    expect(fn.colors).toBeGreaterThan(8);
    await expect.poll(() => page.getByTestId('critical-0').isVisible()).toBe(true);
    await page.getByTestId('critical-0').click();
    expect(await page.getByTestId('classification').innerText()).toMatch(/minimum|saddle|maximum/);
    await shot('surface-3d', '.surface-panel');
    await shot('function', '.function-panel');
    await shot('loss-curves', '.curves-panel');
    await shot('hessian', '.analysis-panel');
    // The top-down map: paths and critical symbols drawn on the heatmap.
    await page.getByRole('radio', { name: /top-down/i }).click();
    await page.waitForTimeout(300);
    const top = await pixelStats(page, page.getByTestId('surface-top'));
    expect(top.colors).toBeGreaterThan(60);
    await shot('surface-top', '.surface-panel');
    await page.getByRole('radio', { name: /3-d/i }).click();
  });

  it('hovering the surface shows the network at that point in the function view', async () => {
    const before = await canvasPng('[data-testid=function-canvas]');
    const box = (await page.getByTestId('surface-3d').boundingBox())!;
    let hovered = false;
    // Sweep until the cursor is over the mesh (the camera angle decides where it is on screen).
    for (const [fx, fy] of [
      [0.5, 0.5],
      [0.45, 0.55],
      [0.55, 0.45],
      [0.4, 0.4],
      [0.6, 0.6],
    ] as const) {
      await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy, { steps: 4 });
      await page.waitForTimeout(150);
      hovered = await page.evaluate(() => window.__reliefStores.view.get().hover !== null);
      if (hovered) break;
    }
    expect(hovered).toBe(true);
    await expect.poll(() => page.getByTestId('function-source').innerText()).toMatch(/cursor/);
    await expect.poll(() => page.getByTestId('point-readout').isVisible()).toBe(true);
    const after = await canvasPng('[data-testid=function-canvas]');
    expect(after.equals(before)).toBe(false);
    await shot('hover-linked');
    await page.mouse.move(2, 2);
  });

  it('scrubbing moves every view to the step', async () => {
    await page.mouse.move(2, 2);
    await page.waitForFunction(() => window.__reliefStores.view.get().hover === null);
    const before = await canvasPng('[data-testid=function-canvas]');
    const slider = page.getByTestId('scrubber');
    await slider.focus();
    await slider.fill('5');
    await expect.poll(() => page.evaluate(() => window.__reliefStores.view.get().step)).toBe(5);
    expect(await page.getByTestId('scrub-step').innerText()).toMatch(/5 \//);
    await expect.poll(() => page.getByTestId('function-source').innerText()).toMatch(/5/);
    const after = await canvasPng('[data-testid=function-canvas]');
    expect(after.equals(before)).toBe(false);
    await shot('scrubbed');
  });

  it('exports the experiment with results as JSON, curves, paths and grid as CSV, and PNGs', async () => {
    await page.getByTestId('export-menu').click();
    const json = await download(() => page.getByTestId('export-json').click());
    expect(json.name).toMatch(/\.results\.json$/);
    const doc = JSON.parse(json.text) as {
      experiment: { relief: number; runs: unknown[] };
      results: {
        runs: { name: string; loss: number[]; params: number[] }[];
        slice: { alpha: number[]; loss: number[] };
      };
    };
    expect(doc.experiment.relief).toBe(1);
    expect(doc.results.runs.map((r) => r.name)).toEqual(['gd', 'momentum', 'adam', 'rmsprop', 'lbfgs']);
    expect(doc.results.runs[0]!.loss.length).toBeGreaterThan(2);
    expect(doc.results.slice.loss.length).toBe(doc.results.slice.alpha.length ** 2);

    await page.getByTestId('export-menu').click();
    const grid = await download(() => page.getByTestId('export-grid').click());
    const gridLines = grid.text.trim().split('\n');
    expect(gridLines[0]).toBe('alpha,beta,loss');
    expect(gridLines.length - 1).toBe(doc.results.slice.loss.length);
    expect(Number(gridLines[1]!.split(',')[2])).toBeCloseTo(doc.results.slice.loss[0]!, 12);

    await page.getByTestId('export-menu').click();
    const paths = await download(() => page.getByTestId('export-paths').click());
    expect(paths.text.split('\n')[0]).toBe('run,step,alpha,beta,loss,surface_loss,off_plane_relative');
    expect(
      new Set(
        paths.text
          .trim()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',')[0]),
      ),
    ).toEqual(new Set(['gd', 'momentum', 'adam', 'rmsprop', 'lbfgs']));

    const curves = await download(() => page.getByTestId('csv-curves').click());
    const header = curves.text.split('\n')[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['step', 'gd_loss', 'gd_test_loss']);
    expect(Number(curves.text.split('\n')[1]!.split(',')[1])).toBeCloseTo(doc.results.runs[0]!.loss[0]!, 12);

    const png = await download(() => page.getByTestId('png-surface').click());
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(png.bytes.length).toBeGreaterThan(10_000);

    await page.getByTestId('export-menu').click();
    await page.getByTestId('copy-cli').click();
    const cli = await page.evaluate(() => (window as unknown as { __reliefLastCli: string }).__reliefLastCli);
    expect(cli).toMatch(/^npm run -s relief -- run \S+\.relief\.json --out \S+\.results\.json$/);
  });

  it('shows the census and barrier tabs and the dark theme', async () => {
    await page.getByTestId('tab-census').click();
    await page.getByRole('button', { name: /run census/i }).click();
    await page.waitForFunction(() => window.__reliefStores.results.get().progress === null, undefined, {
      timeout: 150_000,
    });
    await shot('census', '.analysis-panel');
    await page.getByTestId('tab-neb').click();
    await page.getByRole('button', { name: /barrier between/i }).click();
    await page.waitForFunction(() => window.__reliefStores.results.get().progress === null, undefined, {
      timeout: 150_000,
    });
    await shot('barrier', '.analysis-panel');
    await page.waitForTimeout(300);
    await shot('barrier-on-surface', '.surface-panel');
    await page.getByTestId('tab-hessian').click();
    await page.keyboard.press('d');
    await page.waitForTimeout(500);
    await shot('explorer-dark');
    await page.keyboard.press('d');
    // The smallest supported window still fits every panel.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(500);
    await shot('explorer-1280x800');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.errors).toEqual([]);
  });

  it('edits show live field errors and two-input targets draw a heatmap with region boundaries', async () => {
    await page.getByTestId('expr').fill('sin(3*x) + ');
    await expect.poll(() => page.locator('.field-error').first().isVisible()).toBe(true);
    await shot('expression-error', '.experiment-panel');
    await page.getByTestId('preset-ring').click();
    await settled(5);
    await page.mouse.move(2, 2);
    await page.waitForTimeout(300);
    await shot('explorer-2d');
    const fn = await pixelStats(page, page.getByTestId('function-canvas'));
    expect(fn.colors).toBeGreaterThan(30);
  });

  it('runs optimizers on an analytic surface, whose slice is the parameter plane', async () => {
    await page.getByTestId('use-surface').click();
    await settled(3);
    expect(await page.getByTestId('surface-formula').innerText()).toMatch(/L\(a, b\)/);
    const crit = await page.evaluate(() =>
      window.__reliefStores.results.get().slice!.critical.map((c) => c.kind),
    );
    expect(crit).toContain('minimum');
    // The slice is the exact (a, b) plane: no plane to choose, axes named a and b, no kinks or CSV of a formula.
    const plane = page.getByTestId('plane');
    expect(await plane.isDisabled()).toBe(true);
    expect(await plane.locator('option:checked').innerText()).toMatch(/\(a, b\)/);
    expect(await page.locator('.function-panel .chip').count()).toBe(0);
    expect(await page.getByTestId('csv-function').count()).toBe(0);
    expect(await page.evaluate(() => window.__reliefStores.results.get().slice!.source)).toBe('parameters');
    await page.mouse.move(2, 2);
    await page.waitForTimeout(300);
    await shot('explorer-surface');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.waitForTimeout(400);
    await shot('explorer-surface-1280x800');
    await page.setViewportSize({ width: 1440, height: 900 });
    expect(app.errors).toEqual([]);
  });
});
