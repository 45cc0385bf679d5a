/**
 * Named target functions, keyed by the `preset` names stored in the Experiment file. Each is an
 * expression in the safe expression language, so the UI can show the formula and a user can start
 * from it. One line per preset.
 */
import { buildRegistry } from '../registry';

export interface Preset {
  readonly name: string;
  readonly inputs: 1 | 2;
  readonly label: string;
  readonly expr: string;
  readonly help: string;
}

const presetList: Preset[] = [
  {
    name: 'seed001',
    inputs: 1,
    label: 'sin(3x) + 0.3x²',
    expr: 'sin(3*x) + 0.3*x^2',
    help: 'The curve of seed 001.',
  },
  { name: 'abs', inputs: 1, label: '|x|', expr: 'abs(x)', help: 'One kink: two ReLU units fit it exactly.' },
  { name: 'relu', inputs: 1, label: 'max(0, x)', expr: 'max(0, x)', help: 'A single ReLU unit.' },
  {
    name: 'step',
    inputs: 1,
    label: 'step',
    expr: 'x > 0 ? 1 : 0',
    help: 'A jump: no continuous fit is exact.',
  },
  {
    name: 'sawtooth',
    inputs: 1,
    label: 'sawtooth',
    expr: '2*abs(2*(2*x - floor(2*x + 0.5))) - 1',
    help: 'Triangle wave: CPWL with 4 kinks on [-1,1].',
  },
  {
    name: 'bump',
    inputs: 1,
    label: 'bump',
    expr: 'exp(-25*x^2)',
    help: 'A narrow Gaussian bump: curvature in one place.',
  },
  {
    name: 'square',
    inputs: 1,
    label: 'x²',
    expr: 'x^2',
    help: 'A parabola: constant curvature, kinks spread evenly.',
  },
  { name: 'cubic', inputs: 1, label: 'x³ - x/2', expr: 'x^3 - 0.5*x', help: 'A cubic with two bends.' },
  { name: 'sine', inputs: 1, label: 'sin(2πx)', expr: 'sin(2*pi*x)', help: 'One full period of a sine.' },
  { name: 'saddle', inputs: 2, label: 'x² - y²', expr: 'x^2 - y^2', help: 'A saddle-shaped target.' },
  {
    name: 'ring',
    inputs: 2,
    label: 'ring',
    expr: 'exp(-20*(sqrt(x^2 + y^2) - 0.6)^2)',
    help: 'A circular ridge.',
  },
  { name: 'bowl', inputs: 2, label: 'x² + y²', expr: 'x^2 + y^2', help: 'A paraboloid.' },
  { name: 'ripple', inputs: 2, label: 'ripple', expr: 'sin(3*x)*cos(3*y)', help: 'Waves in two directions.' },
  {
    name: 'pyramid',
    inputs: 2,
    label: 'pyramid',
    expr: '1 - max(abs(x), abs(y))',
    help: 'CPWL in two inputs.',
  },
  { name: 'xor', inputs: 2, label: 'xor', expr: 'x*y > 0 ? 1 : -1', help: 'Quadrants of opposite sign.' },
];

export const presets = buildRegistry(presetList, (p) => p.name, 'preset');
