/** Lesson 2 (seed 001): the seed's own experiment, 64 then 256 units, loss curve and fit. */
import type { ExperimentInput } from '../../../../core/experiment/schema';
import experiment from '../experiments/gd-curve.json';
import type { Lesson } from '../types';

export const gdCurveLesson: Lesson = {
  id: 'gd-curve',
  seed: '001',
  experiment: experiment as unknown as ExperimentInput,
  steps: [
    { id: 'setup', view: { showUnits: false, showKinks: true } },
    {
      id: 'loss-curve',
      tryThis: [
        {
          id: 'faster',
          patch: [
            {
              op: 'addRun',
              run: { name: 'gd lr 0.05', optimizer: { type: 'sgd', lr: 0.05 }, steps: 500, color: '#009e73' },
            },
          ],
        },
        {
          id: 'slower',
          patch: [
            {
              op: 'addRun',
              run: {
                name: 'gd lr 0.001',
                optimizer: { type: 'sgd', lr: 0.001 },
                steps: 500,
                color: '#3c6fd8',
              },
            },
          ],
        },
      ],
    },
    {
      id: 'wide',
      scene: [{ op: 'set', path: 'model.hidden', value: [256] }],
      tryThis: [
        {
          id: 'longer',
          patch: [
            {
              op: 'addRun',
              run: { name: 'gd 2000', optimizer: { type: 'sgd', lr: 0.01 }, steps: 2000, color: '#9b59b6' },
            },
          ],
        },
      ],
    },
    {
      id: 'test-loss',
      tryThis: [
        {
          id: 'few-points',
          patch: [
            { op: 'set', path: 'data.train.n', value: 20 },
            { op: 'set', path: 'data.noise', value: 0.3 },
            {
              op: 'addRun',
              run: { name: 'adam', optimizer: { type: 'adam', lr: 0.01 }, steps: 3000, color: '#9b59b6' },
            },
          ],
        },
      ],
    },
  ],
};
