import { describe, expect, it } from 'vitest';
import type { ExperimentInput } from '../../../src/core/experiment/schema';
import { cpwlToNetwork } from '../../../src/core/network/cpwl';
import {
  clampStep,
  followKnots,
  lessonRefOf,
  sceneAt,
  withLessonStep,
  withoutLesson,
} from '../../../src/renderer/src/lessons/lessonState';
import type { Lesson } from '../../../src/renderer/src/lessons/types';

/** Lesson scenes are network experiments (the schema's model is network | surface). */
type NetworkScene = ExperimentInput & {
  model: Exclude<ExperimentInput['model'], { kind: 'surface' }>;
  data: NonNullable<ExperimentInput['data']>;
};

const lesson: Lesson = {
  id: 'demo',
  seed: null,
  experiment: {
    relief: 1,
    data: {
      target: {
        knots: [
          [0, 0],
          [1, 1],
        ],
      },
      train: { n: 10 },
    },
    model: { inputs: 1, hidden: [1], params: [1, 0, 1, 0] },
    runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 } }],
  },
  steps: [
    { id: 'a' },
    { id: 'b', scene: [{ op: 'set', path: 'seed', value: 5 }] },
    { id: 'c' },
    { id: 'd', scene: [{ op: 'set', path: 'model.hidden', value: [1] }] },
  ],
};

describe('lesson navigation', () => {
  it('a step starts from the lesson file plus the scenes so far', () => {
    expect(sceneAt(lesson, 0).seed).toBeUndefined();
    expect(sceneAt(lesson, 1).seed).toBe(5);
    expect(sceneAt(lesson, 2).seed).toBe(5);
    expect(lessonRefOf(sceneAt(lesson, 2))).toEqual({ id: 'demo', step: 2 });
    expect(lesson.experiment).not.toHaveProperty('lesson');
  });

  it('clamps steps to the lesson', () => {
    expect(clampStep(lesson, -3)).toBe(0);
    expect(clampStep(lesson, 99)).toBe(3);
    expect(lessonRefOf(sceneAt(lesson, 99))).toEqual({ id: 'demo', step: 3 });
  });

  it('reads, sets and removes the lesson note', () => {
    const d = withLessonStep(lesson.experiment, lesson, 2);
    expect(lessonRefOf(d)).toEqual({ id: 'demo', step: 2 });
    expect(lessonRefOf(withoutLesson(d))).toBeNull();
    expect(lessonRefOf({ ...d, lesson: { id: 3 } } as unknown as ExperimentInput)).toBeNull();
  });

  it('follows dragged knots with the exact network, and is quiet when in step', () => {
    const d = sceneAt(lesson, 0) as NetworkScene;
    expect(followKnots(d)).toBeNull();
    const knots: [number, number][] = [
      [-0.5, 0.2],
      [0.2, 0.9],
      [1, 0.1],
    ];
    const moved = { ...d, data: { ...d.data, target: { knots } } };
    const out = followKnots(moved)! as NetworkScene;
    expect(out.model.hidden).toEqual([2]);
    expect(out.model.params).toEqual(Array.from(cpwlToNetwork(knots).params, (v) => v + 0));
    expect(followKnots(out)).toBeNull();
    const disordered = { ...d, data: { ...d.data, target: { knots: [knots[1]!, knots[0]!] } } };
    expect(followKnots(disordered)).toBeNull();
  });
});

describe('start screen at launch', () => {
  it('opens in the desktop app, and in a browser only when the address asks for it', async () => {
    const { opensAtLaunch } = await import('../../../src/renderer/src/lessons/startScreenStore');
    expect(opensAtLaunch('electron', { search: '', hash: '' })).toBe(true);
    expect(opensAtLaunch('web', { search: '', hash: '' })).toBe(false);
    expect(opensAtLaunch('web', { search: '?lessons', hash: '' })).toBe(true);
    expect(opensAtLaunch('web', { search: '?x=1&lessons=1', hash: '' })).toBe(true);
    expect(opensAtLaunch('web', { search: '?nolessons', hash: '' })).toBe(false);
    expect(opensAtLaunch('web', { search: '', hash: '#lessons' })).toBe(true);
    expect(opensAtLaunch('web', { search: '', hash: '' }, true)).toBe(true);
  });
});
