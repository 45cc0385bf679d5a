/** Lesson 1 (seed 000): a ReLU unit is a kink; k pieces need k units; curves need kinks where they bend. */
import type { ExperimentInput } from '../../../../core/experiment/schema';
import experiment from '../experiments/kink.json';
import type { Lesson } from '../types';

const evenly = [-1, -2 / 3, -1 / 3, 0, 1 / 3, 2 / 3, 1];
/** Where tanh(4x) bends: the best 7 interpolation points found by Nelder-Mead (docs/lessons.md). */
const whereItBends = [-1, -0.42, -0.2, 0, 0.2, 0.42, 1];

export const kinkLesson: Lesson = {
  id: 'kink',
  seed: '000',
  experiment: experiment as unknown as ExperimentInput,
  steps: [
    {
      id: 'one-unit',
      followKnots: true,
      view: { showUnits: true, showKinks: true },
      tryThis: [
        {
          id: 'move',
          patch: [
            {
              op: 'set',
              path: 'data.target.knots',
              value: [
                [0.5, 0],
                [1, 1],
              ],
            },
            { op: 'exactFromKnots' },
          ],
        },
        {
          id: 'flip',
          patch: [
            {
              op: 'set',
              path: 'data.target.knots',
              value: [
                [0, 0],
                [1, -1],
              ],
            },
            { op: 'exactFromKnots' },
          ],
        },
      ],
    },
    {
      id: 'two-units',
      followKnots: true,
      view: { showUnits: true, showKinks: true },
      scene: [
        {
          op: 'set',
          path: 'data.target.knots',
          value: [
            [-0.5, 0],
            [0, 0.5],
            [1, 0],
          ],
        },
        { op: 'exactFromKnots' },
      ],
      tryThis: [
        {
          id: 'third',
          patch: [
            {
              op: 'set',
              path: 'data.target.knots',
              value: [
                [-0.5, 0],
                [0, 0.5],
                [0.5, 0.2],
                [1, 0.6],
              ],
            },
            { op: 'exactFromKnots' },
          ],
        },
      ],
    },
    {
      id: 'four-units',
      followKnots: true,
      view: { showUnits: true, showKinks: true },
      scene: [
        {
          op: 'set',
          path: 'data.target.knots',
          value: [
            [-1, 0],
            [-0.5, 0.6],
            [0, -0.3],
            [0.4, 0.5],
            [1, 0.1],
          ],
        },
        { op: 'exactFromKnots' },
      ],
      tryThis: [
        {
          id: 'drag',
          patch: [{ op: 'set', path: 'data.target.knots.2', value: [0.1, 0.3] }, { op: 'exactFromKnots' }],
        },
      ],
    },
    {
      id: 'curved',
      view: { showUnits: false, showKinks: true },
      scene: [
        { op: 'set', path: 'data.target', value: { expr: 'tanh(4*x)' } },
        { op: 'interpolateTarget', xs: evenly },
      ],
      tryThis: [
        { id: 'bends', patch: [{ op: 'interpolateTarget', xs: whereItBends }] },
        {
          id: 'train',
          patch: [{ op: 'addRun', run: { name: 'adam', optimizer: { type: 'adam', lr: 0.01 }, steps: 500 } }],
        },
      ],
    },
  ],
};
