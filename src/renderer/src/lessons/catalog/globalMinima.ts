/** Lesson 3 (seed 002): a zero-loss fit exists for a CPWL target; with a smooth target the minimum stays above 0. */
import type { ExperimentInput } from '../../../../core/experiment/schema';
import experiment from '../experiments/global-minima.json';
import type { Lesson } from '../types';

export const globalMinimaLesson: Lesson = {
  id: 'global-minima',
  seed: '002',
  experiment: experiment as unknown as ExperimentInput,
  steps: [
    { id: 'zero', view: { plane: 'random', showKinks: true } },
    {
      id: 'surface',
      view: { plane: 'random', surfaceMode: '3d', logScale: true },
      tryThis: [
        {
          id: 'flat',
          patch: [{ op: 'set', path: 'landscape.directions', value: { kind: 'hessian', which: 'bottom' } }],
          view: { plane: 'hessian' },
        },
        {
          id: 'steep',
          patch: [{ op: 'set', path: 'landscape.directions', value: { kind: 'hessian', which: 'top' } }],
          view: { plane: 'hessian' },
        },
      ],
    },
    {
      id: 'from-random',
      view: { plane: 'pca' },
      scene: [
        { op: 'remove', path: 'model.params' },
        { op: 'set', path: 'model.init', value: { scheme: 'he' } },
        { op: 'set', path: 'seed', value: 4 },
        { op: 'set', path: 'landscape.center', value: { run: 'adam' } },
        { op: 'set', path: 'runs.@gd.steps', value: 1500 },
        { op: 'set', path: 'runs.@gd.optimizer', value: { type: 'sgd', lr: 0.1, momentum: 0.9 } },
        {
          op: 'addRun',
          run: { name: 'adam', optimizer: { type: 'adam', lr: 0.02 }, steps: 1500, color: '#009e73' },
        },
      ],
      tryThis: [
        { id: 'wider', patch: [{ op: 'set', path: 'model.hidden', value: [8] }] },
        { id: 'other-seed', patch: [{ op: 'set', path: 'seed', value: 1 }] },
      ],
    },
    {
      id: 'smooth',
      view: { plane: 'pca' },
      scene: [{ op: 'set', path: 'data.target', value: { expr: 'sin(3*x) + 0.3*x^2' } }],
      tryThis: [
        { id: 'more-units', patch: [{ op: 'set', path: 'model.hidden', value: [16] }] },
        { id: 'many-units', patch: [{ op: 'set', path: 'model.hidden', value: [64] }] },
      ],
    },
  ],
};
