/**
 * Every bundled lesson is a working experiment at every step: the lesson file, each step's scene and each
 * "try this" change validate with the one Experiment validator, text exists for every step and prompt in
 * both languages, and the steps that follow dragged knots start from the exact network.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExperimentInput } from '../../../src/core/experiment/schema';
import { validateExperiment } from '../../../src/core/experiment/validate';
import { cpwlToNetwork } from '../../../src/core/network/cpwl';
import { formulaKey } from '../../../src/renderer/src/lessons/formulas';
import en from '../../../src/renderer/src/lessons/i18n/en.json';
import zh from '../../../src/renderer/src/lessons/i18n/zh.json';
import { applyPatch } from '../../../src/renderer/src/lessons/patch';
import { followKnots, lessonRefOf, sceneAt } from '../../../src/renderer/src/lessons/lessonState';
import { lessonList } from '../../../src/renderer/src/lessons/registry';

/** Lesson scenes are network experiments (the schema's model is network | surface). */
type NetworkScene = ExperimentInput & {
  model: Exclude<ExperimentInput['model'], { kind: 'surface' }>;
  data: NonNullable<ExperimentInput['data']>;
};

const texts = { en, zh } as Record<string, Record<string, unknown>>;

function textAt(lang: string, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], texts[lang]);
}

function mustValidate(doc: unknown, where: string) {
  const v = validateExperiment(doc);
  if (!v.ok) throw new Error(`${where}: ${JSON.stringify(v.problems)}`);
  return v.experiment;
}

describe('lesson catalogue', () => {
  it('has the six lessons of the syllabus, in order', () => {
    expect(lessonList.map((l) => l.id)).toEqual([
      'kink',
      'gd-curve',
      'global-minima',
      'optimizers',
      'trap',
      'symmetries',
    ]);
  });

  it('every experiment file under lessons/experiments belongs to a lesson', () => {
    const dir = new URL('../../../src/renderer/src/lessons/experiments/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(lessonList.map((l) => `${l.id}.json`).sort());
    for (const f of files) mustValidate(JSON.parse(readFileSync(new URL(f, dir), 'utf8')), f);
  });

  for (const lesson of lessonList)
    describe(lesson.id, () => {
      it('has a title and a summary in both languages', () => {
        for (const lang of ['en', 'zh']) {
          expect(textAt(lang, `${lesson.id}.title`), lang).toMatch(/\S/);
          expect(textAt(lang, `${lesson.id}.summary`), lang).toMatch(/\S/);
        }
      });

      lesson.steps.forEach((step, k) => {
        it(`step ${k + 1} (${step.id}) validates, and so does every "try this"`, () => {
          const scene = sceneAt(lesson, k);
          expect(lessonRefOf(scene)).toEqual({ id: lesson.id, step: k });
          const e = mustValidate(scene, `${lesson.id} step ${k}`);
          expect(e.lesson).toEqual({ id: lesson.id, step: k });
          for (const t of step.tryThis ?? [])
            mustValidate(applyPatch(scene, t.patch), `${lesson.id} step ${k} try ${t.id}`);
          if (step.formulas)
            for (const r of scene.runs)
              for (const lang of ['en', 'zh'])
                expect(textAt(lang, `formulas.${formulaKey(r)}`), `${lang} formula of ${r.name}`).toMatch(
                  /\S/,
                );
        });

        it(`step ${k + 1} (${step.id}) has its text in both languages`, () => {
          const at = `${lesson.id}.steps.${step.id}`;
          for (const lang of ['en', 'zh']) {
            expect(textAt(lang, `${at}.title`), `${lang} ${at}.title`).toMatch(/\S/);
            expect(textAt(lang, `${at}.text`), `${lang} ${at}.text`).toMatch(/\S/);
            for (const t of step.tryThis ?? [])
              expect(textAt(lang, `${at}.try.${t.id}`), `${lang} ${at}.try.${t.id}`).toMatch(/\S/);
          }
        });

        if (step.followKnots)
          it(`step ${k + 1} starts from the exact network of its knots`, () => {
            const scene = sceneAt(lesson, k) as NetworkScene;
            const knots = (scene.data.target as { knots: [number, number][] }).knots;
            expect(scene.model.params).toEqual(Array.from(cpwlToNetwork(knots).params, (v) => v + 0));
            expect(followKnots(scene)).toBeNull();
          });
      });
    });
});

describe('lessons built on the repository examples stay the same experiments', () => {
  const read = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
  const core = (e: Record<string, unknown>) => ({ seed: e.seed, data: e.data, model: e.model });
  it('lesson 2 is examples/seed001-h64.json (seed 001)', () => {
    const lesson = read('../../../src/renderer/src/lessons/experiments/gd-curve.json');
    const example = read('../../../examples/seed001-h64.json');
    expect(core(lesson)).toEqual(core(example));
    const { color: _c, ...run } = lesson.runs[0];
    expect(run).toEqual(example.runs[0]);
  });
  it('lesson 3 starts from examples/cpwl-exact.json', () => {
    const lesson = read('../../../src/renderer/src/lessons/experiments/global-minima.json');
    expect(core(lesson)).toEqual(core(read('../../../examples/cpwl-exact.json')));
  });
});
