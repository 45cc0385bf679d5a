/**
 * Lesson text is its own i18next namespace, `lessons`, added to the app's i18next instance (set up by
 * ../../i18n) the first time a lesson view renders, so the explorer's set-up needs no change.
 */
import i18next, { type i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import en from './en.json';
import zh from './zh.json';

export const LESSONS_NS = 'lessons';

export const lessonResources = { en, zh } as const;

/** Adds the lesson namespace to `instance` once (after its init); safe to call on every render. */
export function ensureLessonText(instance: i18n = i18next): void {
  if (!instance.isInitialized && !instance.store) return;
  for (const [lng, bundle] of Object.entries(lessonResources))
    if (!instance.hasResourceBundle(lng, LESSONS_NS))
      instance.addResourceBundle(lng, LESSONS_NS, bundle, true, true);
}

/** `t` bound to the lessons namespace. */
export function useLessonsT() {
  ensureLessonText();
  return useTranslation(LESSONS_NS);
}
