/** Every bundled lesson, in teaching order, by the id saved in experiments (`lesson.id`). */
import { buildRegistry } from '../../../core/registry';
import { gdCurveLesson } from './catalog/gdCurve';
import { globalMinimaLesson } from './catalog/globalMinima';
import { kinkLesson } from './catalog/kink';
import { optimizersLesson } from './catalog/optimizers';
import { symmetriesLesson } from './catalog/symmetries';
import { trapLesson } from './catalog/trap';
import type { Lesson } from './types';

export const lessonList: readonly Lesson[] = [
  kinkLesson,
  gdCurveLesson,
  globalMinimaLesson,
  optimizersLesson,
  trapLesson,
  symmetriesLesson,
];

export const lessons = buildRegistry(lessonList, (l) => l.id, 'lesson');
