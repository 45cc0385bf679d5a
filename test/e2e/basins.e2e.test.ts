/**
 * The basins tab in the web build (real Chromium): on Himmelblau's surface it draws the basins job's map,
 * the same labels core computes inline for the same document (the view draws, core computes), coloured
 * by the critical point each start ends at; the tab is offered for surface models only.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inlineContext } from '../../src/core/jobs/types';
import { runBasins } from '../../src/core/surface/surfaceJobs';
import { launchChromium, openApp, pixelStats, type AppPage } from './harness';

interface Stores {
  doc: { get(): { draft: unknown; revision: number } };
  results: {
    get(): {
      progress: unknown;
      error: string | null;
      basins: { n: number; label: ArrayLike<number>; points: { kind: string }[] } | null;
    };
  };
}
declare const window: { __reliefStores: Stores };

let browser: Browser;
let app: AppPage;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  app = await openApp(browser);
  page = app.page;
  await page.waitForFunction(() => window.__reliefStores !== undefined);
});
afterAll(() => browser?.close());

describe('basins tab', () => {
  it('is not offered for a network model', async () => {
    expect(await page.getByTestId('tab-basins').count()).toBe(0);
  });

  it('draws Himmelblau’s Newton-iteration basins exactly as core computes them', async () => {
    await page.getByTestId('use-surface').click();
    await page.getByTestId('surface-himmelblau').click();
    // Let the runs and the slice of the new document finish first (an edit starts them, and a newer
    // computation supersedes on-demand analyses still in flight).
    await page.waitForFunction(
      () => {
        const r = window.__reliefStores.results.get() as { progress: unknown; revision?: number };
        return r.progress === null && r.revision === window.__reliefStores.doc.get().revision;
      },
      undefined,
      { timeout: 150_000, polling: 250 },
    );
    await page.getByTestId('tab-basins').click();
    await page.getByTestId('basins-run').click();
    await page.waitForFunction(
      () => {
        const r = window.__reliefStores.results.get();
        return r.basins !== null && r.progress === null;
      },
      undefined,
      { timeout: 150_000, polling: 250 },
    );
    const shown = await page.evaluate(() => {
      const r = window.__reliefStores.results.get();
      return {
        draft: window.__reliefStores.doc.get().draft,
        n: r.basins!.n,
        label: Array.from(r.basins!.label),
        kinds: r.basins!.points.map((p) => p.kind),
        error: r.error,
      };
    });
    expect(shown.error).toBeNull();
    expect(shown.n).toBe(81);
    const ref = await runBasins({ experiment: shown.draft, n: 81 }, inlineContext());
    expect(shown.label).toEqual(Array.from(ref.label));
    // Newton on the gradient solves ∇f = 0: all nine critical points have basins.
    expect(new Set(shown.label.filter((l) => l >= 0)).size).toBe(9);
    expect(shown.kinds.filter((k) => k === 'minimum').length).toBe(4);
    await page.evaluate(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    );
    await app.screenshot('screens/basins', page.locator('.analysis-panel').first());
    const px = await pixelStats(page, page.locator('[data-testid="basins-tab"] canvas'));
    console.log(
      `basin map: ${px.width}x${px.height}, ${px.colors} colours, ${(px.inked * 100).toFixed(0)}% inked`,
    );
    expect(px.colors).toBeGreaterThan(9);
    expect(await page.getByTestId('basins-key').locator('.key-item').count()).toBeGreaterThanOrEqual(9);
    expect(app.errors).toEqual([]);
  });
});
declare function requestAnimationFrame(fn: () => void): number;
