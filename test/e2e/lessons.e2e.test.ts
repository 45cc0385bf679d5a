/**
 * Every lesson opens from the start screen and runs in the web build in real Chromium, in English and in
 * Chinese: each step is entered with Next, its jobs finish without errors, the player shows the step's own
 * title in the chosen language, and a screenshot of the window is saved per step under
 * test-results/screens/lessons/<lang>/. In English the first "try this" of each lesson is also applied.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, openApp, type AppPage } from './harness';

// Browser globals used inside page.evaluate callbacks (this file compiles without the DOM library).
interface Draft {
  lesson?: { id: string; step: number };
  data: { target: { knots?: number[][] } };
  model: { hidden?: number[]; params?: number[] };
}
interface Stores {
  doc: { get(): { draft: Draft; revision: number }; edit(change: (d: Draft) => void): void };
  results: {
    get(): {
      runs: { phase: string }[];
      slice: { alpha: ArrayLike<number>; rowsDone: number } | null;
      progress: unknown;
      error: string | null;
      revision: number;
    };
  };
}
declare const window: { __reliefStores: Stores };

const LESSON_IDS = ['kink', 'gd-curve', 'global-minima', 'optimizers', 'trap', 'symmetries'];

const text = (lang: string) =>
  JSON.parse(
    readFileSync(new URL(`../../src/renderer/src/lessons/i18n/${lang}.json`, import.meta.url), 'utf8'),
  ) as Record<string, { title: string; steps: Record<string, { title: string }> }>;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(() => browser?.close());

/** Waits until the document's current revision has been computed: runs finished and the slice complete. */
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
        (r.error !== null || (r.slice !== null && r.slice.rowsDone === r.slice.alpha.length))
      );
    },
    undefined,
    { timeout: 150_000, polling: 250 },
  );
  expect(await page.evaluate(() => window.__reliefStores.results.get().error)).toBeNull();
}

for (const lang of ['en', 'zh'] as const)
  describe(`lessons in ${lang}`, () => {
    let app: AppPage;
    let page: Page;
    const words = text(lang);

    beforeAll(async () => {
      app = await openApp(browser, '?lessons');
      page = app.page;
      await page.waitForFunction(() => window.__reliefStores !== undefined);
      await page.getByTestId('lesson-start').waitFor();
      await page.getByTestId(`language-${lang}`).click();
      await app.screenshot(`screens/lessons/${lang}/0-start`);
    });
    afterAll(() => page?.close());

    it('lists the six lessons in the chosen language', async () => {
      const cards = await page
        .locator('[data-testid^="lesson-card-"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.slice('lesson-card-'.length)));
      expect(cards).toEqual(LESSON_IDS);
      for (const id of LESSON_IDS)
        expect(await page.getByText(words[id]!.title, { exact: true }).first().isVisible()).toBe(true);
    });

    for (const [i, id] of LESSON_IDS.entries())
      it(`opens and runs lesson ${i + 1} (${id}) step by step`, { timeout: 600_000 }, async () => {
        if (i > 0) {
          await page.getByTestId('lessons-button').click();
          await page.getByTestId('lesson-start').waitFor();
        }
        await page.getByTestId(`open-lesson-${id}`).click();
        await page.getByTestId('lesson-player').waitFor();
        const steps = Object.keys(words[id]!.steps);
        for (const [k, stepId] of steps.entries()) {
          if (k > 0) await page.getByTestId('lesson-next').click();
          await page.waitForFunction(
            ([lesson, step]) => {
              const ref = window.__reliefStores.doc.get().draft.lesson;
              return ref?.id === lesson && ref.step === step;
            },
            [id, k] as const,
          );
          await settled(page);
          const player = page.getByTestId('lesson-player');
          expect(await player.getAttribute('data-step')).toBe(String(k));
          expect(await player.getByRole('heading', { level: 3 }).textContent()).toBe(
            words[id]!.steps[stepId]!.title,
          );
          await app.screenshot(`screens/lessons/${lang}/${i + 1}-${id}-${k + 1}-${stepId}`);
          if (id === 'kink' && k === 0 && lang === 'en') {
            // A knot dragged in the knot editor (an edit of the target's knots) is followed at once by
            // the exact network: 2 knots -> 1 unit; 3 knots -> 2 units with cpwlToNetwork's weights.
            await page.evaluate(() =>
              window.__reliefStores.doc.edit((d) => {
                d.data.target.knots = [
                  [-0.5, 0],
                  [0, 0.5],
                  [1, 0],
                ];
              }),
            );
            await page.waitForFunction(() => window.__reliefStores.doc.get().draft.model.hidden?.[0] === 2);
            const model = await page.evaluate(() => window.__reliefStores.doc.get().draft.model);
            // w = 1, b = -x_i, v = slope changes (1, then -0.5 - 1), output bias y_0.
            expect(model.params).toEqual([1, 1, 0.5, 0, 1, -1.5, 0]);
            await settled(page);
            await app.screenshot(`screens/lessons/${lang}/${i + 1}-${id}-${k + 1}-${stepId}-dragged`);
            await page.getByTestId('lesson-reset').click();
            await settled(page);
          }
          const tries = page.locator('[data-testid^="try-"]');
          if (lang === 'en' && k === 0 && (await tries.count()) > 0) {
            const before = await page.evaluate(() => window.__reliefStores.doc.get().revision);
            await tries.first().click();
            await page.waitForFunction((r) => window.__reliefStores.doc.get().revision > r, before);
            await settled(page);
            await app.screenshot(`screens/lessons/${lang}/${i + 1}-${id}-${k + 1}-${stepId}-try`);
            await page.getByTestId('lesson-reset').click();
            await settled(page);
          }
        }
        expect(app.errors).toEqual([]);
      });
  });
