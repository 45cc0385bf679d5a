/**
 * App start-up in the web build in real Chromium (issue 16): the page paints, and the default
 * experiment's first slice rows arrive and complete without any user action. Prints what it measured
 * (first paint, first contentful paint, first slice rows, whole slice, in ms from navigation start);
 * the numbers are reported, never asserted (timing belongs to the bench, not to tests).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp } from './harness';

// Browser globals used inside page.evaluate callbacks (this file compiles without the DOM library).
interface SliceState {
  alpha: ArrayLike<number>;
  rowsDone: number;
}
declare const window: {
  __reliefStores?: { results: { get(): { slice: SliceState | null } } };
  __startup: { firstRows?: number; done?: number };
};
declare const performance: {
  now(): number;
  getEntriesByType(t: string): { name: string; startTime: number }[];
};
declare function requestAnimationFrame(f: () => void): void;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

describe('start-up', () => {
  it('paints, then computes the default experiment’s slice on its own', async () => {
    const app = await openApp(browser, '', async (page) => {
      // Watch from inside the page, each frame, so the times are the page's own.
      await page.addInitScript(() => {
        window.__startup = {};
        const tick = () => {
          const slice = window.__reliefStores?.results.get().slice;
          if (slice && slice.rowsDone > 0 && window.__startup.firstRows === undefined)
            window.__startup.firstRows = performance.now();
          if (slice && slice.rowsDone === slice.alpha.length && slice.rowsDone > 0) {
            window.__startup.done = performance.now();
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
    });
    const { page, errors } = app;
    await page.waitForFunction(() => window.__startup.done !== undefined, undefined, { timeout: 150_000 });
    const m = await page.evaluate(() => ({
      paint: Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime])),
      ...window.__startup,
    }));
    const ms = (x: number | undefined) => (x === undefined ? 'n/a' : `${Math.round(x)} ms`);
    console.log(
      `start-up (web build, headless Chromium, SwiftShader): first paint ${ms(m.paint['first-paint'])}, ` +
        `first contentful paint ${ms(m.paint['first-contentful-paint'])}, first slice rows ${ms(m.firstRows)}, ` +
        `whole slice ${ms(m.done)}`,
    );
    expect(m.paint['first-contentful-paint']).toBeGreaterThan(0);
    expect(m.firstRows!).toBeLessThanOrEqual(m.done!);
    expect(errors).toEqual([]);
    await page.close();
  });
});
