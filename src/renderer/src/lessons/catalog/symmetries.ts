/**
 * Lesson 6: symmetries and flat directions. Two units fit a two-piece CPWL target exactly at
 * θ* = (w 1, 1; b 1, 0.2; v -0.5, 1.5; c 0.4). Rescaling unit 2 by 2 and swapping the units give other
 * exact minima; the lesson's plane passes through all three.
 */
import type { ExperimentInput } from '../../../../core/experiment/schema';
import experiment from '../experiments/symmetries.json';
import type { Lesson } from '../types';

const rescaled2 = [1, 2, 1, 0.4, -0.5, 0.75, 0.4];
const rescaledHalf = [1, 0.5, 1, 0.1, -0.5, 3, 0.4];
const swapped = [1, 1, 0.2, 1, 1.5, -0.5, 0.4];

export const symmetriesLesson: Lesson = {
  id: 'symmetries',
  seed: null,
  experiment: experiment as unknown as ExperimentInput,
  steps: [
    {
      id: 'minimum',
      view: { showUnits: true, showKinks: true },
      tryThis: [
        { id: 'rescale', patch: [{ op: 'set', path: 'model.params', value: rescaled2 }] },
        { id: 'rescale-half', patch: [{ op: 'set', path: 'model.params', value: rescaledHalf }] },
      ],
    },
    {
      id: 'permute',
      view: { showUnits: true, showKinks: true },
      tryThis: [{ id: 'swap', patch: [{ op: 'set', path: 'model.params', value: swapped }] }],
    },
    {
      id: 'family',
      view: { plane: 'interpolate', surfaceMode: '3d', logScale: true },
    },
    {
      id: 'training',
      view: { plane: 'pca', showUnits: true, logScale: true },
      scene: [
        { op: 'remove', path: 'model.params' },
        { op: 'set', path: 'model.init', value: { scheme: 'he' } },
        { op: 'remove', path: 'landscape' },
        { op: 'set', path: 'runs.@gd.optimizer', value: { type: 'adam', lr: 0.02 } },
        { op: 'set', path: 'runs.@gd.name', value: 'adam' },
        { op: 'set', path: 'runs.@adam.steps', value: 1500 },
      ],
      tryThis: [
        { id: 'seed-3', patch: [{ op: 'set', path: 'seed', value: 3 }] },
        { id: 'seed-5', patch: [{ op: 'set', path: 'seed', value: 5 }] },
      ],
    },
  ],
};
