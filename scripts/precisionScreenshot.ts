/**
 * Issue 20's before/after picture: a log-scale slice in a tiny window around the zero-loss minimum of
 * lesson 3 (a CPWL fit written down from its knots), drawn by a web build in Chromium.
 *
 *   npx tsx scripts/precisionScreenshot.ts <web build dir> <out.png> [size]
 *
 * The web build must have the test hooks on (VITE_RELIEF_TEST_HOOKS=1, as test/e2e/globalSetup.ts
 * builds it). The explorer frames its window on the runs' paths (at least ±0.75 on an "interpolate"
 * plane), so the plane itself is made tiny: the lesson's document gets an interpolate plane through
 * the minimum and two points `size` (default 1e-7) away from it along fixed directions, 60 x 60 points.
 */
// The harness types vitest inject(); its provided-context declaration comes with it.
import type {} from '../test/e2e/provided';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serveStatic.mjs';
import { CHROMIUM_ARGS } from '../test/e2e/harness';

interface Stores {
  doc: {
    get(): { revision: number };
    edit(change: (d: { landscape: Record<string, unknown>; model: { params: number[] } }) => void): void;
  };
  view: { set(patch: { plane: string; resolution: number }): void };
  results: {
    get(): {
      revision: number;
      progress: unknown;
      error: string | null;
      runs: { phase: string }[];
      slice: { alpha: ArrayLike<number>; rowsDone: number; loss: ArrayLike<number> } | null;
    };
  };
}
declare const window: { __reliefStores: Stores };

const [webDir, out, sizeArg = '1e-7'] = process.argv.slice(2);
if (!webDir || !out) throw new Error('usage: precisionScreenshot.ts <web build dir> <out.png> [size]');
const w = Number(sizeArg);
const server = await serveStatic(resolve(webDir), 0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: CHROMIUM_ARGS,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  /** Until the document's current revision is computed: runs finished, slice complete. */
  const settled = () =>
    page.waitForFunction(
      () => {
        const s = window.__reliefStores;
        const r = s.results.get();
        return (
          r.revision === s.doc.get().revision &&
          r.progress === null &&
          r.runs.length > 0 &&
          r.runs.every((x) => x.phase !== 'queued' && x.phase !== 'running') &&
          (r.error !== null || (r.slice !== null && r.slice.rowsDone === r.slice.alpha.length))
        );
      },
      undefined,
      { timeout: 300_000, polling: 250 },
    );

  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`${server.url}?lessons`, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__reliefStores !== undefined);
  await page.getByTestId('lesson-start').waitFor();
  await page.getByTestId('language-en').click();
  await page.getByTestId('open-lesson-global-minima').click();
  await page.getByTestId('lesson-player').waitFor();
  // Step 2: the surface in 3-D on a log scale; let it settle before changing the plane.
  await page.getByTestId('lesson-next').click();
  await settled();
  await page.evaluate((size) => {
    const stores = window.__reliefStores;
    stores.doc.edit((d) => {
      const p = d.model.params;
      // Two fixed directions of unit norm (no randomness: the same picture from any build).
      const a = p.map((_, i) => Math.sin(1 + 2.3 * i));
      const b = p.map((_, i) => Math.cos(0.7 + 1.9 * i));
      // (No helper functions in here: the bundler would wrap them in a name helper the page lacks.)
      const na = Math.sqrt(a.reduce((t, x) => t + x * x, 0));
      const nb = Math.sqrt(b.reduce((t, x) => t + x * x, 0));
      d.landscape.directions = {
        kind: 'interpolate',
        points: [p.map((v, i) => v + (size * a[i]!) / na), p.map((v, i) => v + (size * b[i]!) / nb)],
      };
    });
    // An even grid side: no grid point lands exactly on the minimum (whose true loss, ~1e-32, would
    // stretch the colour scale over 15 decades for one point).
    stores.view.set({ plane: 'interpolate', resolution: 60 });
  }, w);
  await settled();
  const info = await page.evaluate(() => {
    const r = window.__reliefStores.results.get();
    const v = Array.from(r.slice?.loss ?? []);
    return { error: r.error, min: Math.min(...v), max: Math.max(...v), n: v.length };
  });
  const ranOn = await page
    .getByTestId('ran-on')
    .textContent()
    .catch(() => '?');
  console.log(
    `slice ±${w}: ${info.n} values in [${info.min.toExponential(2)}, ${info.max.toExponential(2)}], ran on ${ranOn}, error ${info.error}`,
  );
  await page.mouse.move(2, 2);
  await page.waitForTimeout(800);
  // The panel below its header: the header's grid-size menu offers 31, 61, ... and would name one of
  // those, not the 60 x 60 grid drawn.
  const panel = (await page.locator('.surface-panel').first().boundingBox())!;
  const head = (await page.locator('.surface-panel .panel-head').first().boundingBox())!;
  const top = head.y + head.height;
  await page.screenshot({
    path: resolve(out),
    clip: { x: panel.x, y: top, width: panel.width, height: panel.y + panel.height - top },
  });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.stop();
}
