/**
 * Lesson 5 (seed 004): the beautiful trap. On seed 004's polynomial surface (the surface is the whole
 * parameter space, so the labels are exact): a local minimum, a saddle, which methods escape from a high
 * start; a plateau with a cliff; and dead ReLUs in a real network.
 */
import type { ExperimentInput } from '../../../../core/experiment/schema';
import experiment from '../experiments/trap.json';
import type { Lesson } from '../types';

/** The saddle of seed 004's surface between the two right-hand minima (src/core/surface/gallery.ts). */
const saddle = [0.9601495555191055, 0.050125946983772554];

export const trapLesson: Lesson = {
  id: 'trap',
  seed: '004',
  experiment: experiment as unknown as ExperimentInput,
  steps: [
    {
      id: 'local-min',
      view: { surfaceMode: 'top', logScale: false, curveLog: false },
      tryThis: [{ id: 'other-start', patch: [{ op: 'set', path: 'model.start', value: [-0.5, -0.5] }] }],
    },
    {
      id: 'saddle',
      view: { surfaceMode: 'top', logScale: false, curveLog: false },
      scene: [{ op: 'set', path: 'model.start', value: [0.96, 0.0502] }],
      tryThis: [
        { id: 'on-saddle', patch: [{ op: 'set', path: 'model.start', value: saddle }] },
        {
          id: 'lbfgs-on-saddle',
          patch: [
            { op: 'set', path: 'model.start', value: saddle },
            {
              op: 'addRun',
              run: { name: 'lbfgs', optimizer: { type: 'lbfgs', lr: 1 }, steps: 50, color: '#3c6fd8' },
            },
          ],
        },
      ],
    },
    {
      id: 'escape',
      formulas: true,
      view: { surfaceMode: 'top', logScale: false, curveLog: false },
      scene: [
        { op: 'set', path: 'model.start', value: [1.5, 1.5] },
        { op: 'keepRuns', names: ['gd'] },
        {
          op: 'addRun',
          run: {
            name: 'momentum',
            optimizer: { type: 'sgd', lr: 0.05, momentum: 0.9 },
            steps: 300,
            color: '#009e73',
          },
        },
        {
          op: 'addRun',
          run: { name: 'adam', optimizer: { type: 'adam', lr: 0.5 }, steps: 300, color: '#9b59b6' },
        },
        {
          op: 'addRun',
          run: { name: 'lbfgs', optimizer: { type: 'lbfgs', lr: 1 }, steps: 50, color: '#3c6fd8' },
        },
        { op: 'addRun', run: { name: 'cg', optimizer: { type: 'cg' }, steps: 50, color: '#e69f00' } },
        {
          op: 'addRun',
          run: {
            name: 'hessian-free',
            optimizer: { type: 'hessianFree', lr: 1 },
            steps: 50,
            color: '#56b4e9',
          },
        },
      ],
      tryThis: [
        { id: 'less-momentum', patch: [{ op: 'set', path: 'runs.@momentum.optimizer.lr', value: 0.02 }] },
        { id: 'gentle-adam', patch: [{ op: 'set', path: 'runs.@adam.optimizer.lr', value: 0.1 }] },
      ],
    },
    {
      id: 'plateau',
      formulas: true,
      view: { surfaceMode: '3d', logScale: false, curveLog: false },
      scene: [
        { op: 'set', path: 'model', value: { kind: 'surface', preset: 'plateauCliff', start: [-2.5, 1.5] } },
        { op: 'keepRuns', names: ['gd', 'momentum', 'adam', 'lbfgs', 'cg', 'hessian-free'] },
        { op: 'set', path: 'runs.@gd.optimizer.lr', value: 0.05 },
        { op: 'set', path: 'runs.@adam.optimizer.lr', value: 0.05 },
      ],
    },
    {
      id: 'dead-relu',
      view: { plane: 'pca', showUnits: true, showKinks: true, logScale: true, curveLog: true },
      scene: [
        {
          op: 'set',
          path: 'data',
          value: {
            target: {
              knots: [
                [-1, 0.4],
                [-0.2, 0],
                [0.5, 0.7],
              ],
            },
            train: { n: 200, sampling: 'grid', domain: [[-1, 1]] },
          },
        },
        {
          op: 'set',
          path: 'model',
          value: { inputs: 1, hidden: [2], activation: 'relu', params: [1, 1, 1, -2, 0.2, 0.5, 0.3] },
        },
        { op: 'keepRuns', names: ['gd', 'adam'] },
        { op: 'set', path: 'runs.@gd.optimizer.lr', value: 0.1 },
        { op: 'set', path: 'runs.@gd.steps', value: 500 },
        { op: 'set', path: 'runs.@adam.optimizer.lr', value: 0.02 },
        { op: 'set', path: 'runs.@adam.steps', value: 500 },
      ],
      tryThis: [{ id: 'revive', patch: [{ op: 'set', path: 'model.params.3', value: 0.2 }] }],
    },
  ],
};
