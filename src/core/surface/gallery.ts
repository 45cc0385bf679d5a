/**
 * The gallery: named analytic surfaces with their known critical points. The points were computed
 * independently of this code, in 30-digit arithmetic by `scripts/fixtures/surface_known_points.py`
 * (sympy derivatives, mpmath Newton from a grid of starts, exact Hessian eigenvalues), and rounded to
 * double precision; within `knownWindow` the list is complete. The Experiment names an entry by
 * `"model": {"kind": "surface", "preset": NAME}`.
 */
import { buildRegistry } from '../registry';
import type { CriticalKind } from './hessian2';

export type Range = [number, number];

/** A rectangle of the (a, b) parameter plane. */
export interface Window {
  readonly a: Range;
  readonly b: Range;
}

export interface KnownPoint {
  readonly at: [number, number];
  readonly kind: CriticalKind;
  readonly value: number;
  /** False where the formula has no derivative at the point (Ackley's cone tip). */
  readonly smooth?: false;
  readonly note?: string;
}

export interface GallerySurface {
  readonly name: string;
  readonly label: string;
  readonly help: string;
  /** Where the formula comes from (or, for seed 004, how it was reconstructed). */
  readonly source: string;
  /** The formula in the parameters a and b. */
  readonly expr: string;
  /** A start point that shows the surface's character. */
  readonly start: [number, number];
  /** A good viewing window for the views (a and b ranges). */
  readonly window: Window;
  /** Where `known` lists every critical point; absent when the list is only a selection. */
  readonly knownWindow?: Window;
  readonly known: readonly KnownPoint[];
}

const gallerySurfaces: GallerySurface[] = [
  {
    name: 'rosenbrock',
    label: 'Rosenbrock',
    help: 'A long, curved, flat-bottomed valley: easy to reach, slow to follow to the minimum at (1, 1).',
    source:
      'H. H. Rosenbrock, An automatic method for finding the greatest or least value of a function, Computer Journal 3 (1960).',
    expr: '(1 - a)^2 + 100 * (b - a^2)^2',
    start: [-1.5, 2],
    window: { a: [-2, 2], b: [-1, 3] },
    knownWindow: { a: [-2, 2], b: [-1, 3] },
    known: [{ at: [1, 1], kind: 'minimum', value: 0 }],
  },
  {
    name: 'himmelblau',
    label: 'Himmelblau',
    help: 'Four minima of equal depth (0), four saddles and one maximum: which minimum an optimizer finds depends on where it starts.',
    source: 'D. M. Himmelblau, Applied Nonlinear Programming (1972).',
    expr: '(a^2 + b - 11)^2 + (a + b^2 - 7)^2',
    start: [0, 0],
    window: { a: [-5, 5], b: [-5, 5] },
    knownWindow: { a: [-5, 5], b: [-5, 5] },
    known: [
      { at: [-0.2708445906673476, -0.9230385564799815], kind: 'maximum', value: 181.6165215225827 },
      { at: [3.5844283403304917, -1.8481265269644036], kind: 'minimum', value: 0 },
      { at: [3, 2], kind: 'minimum', value: 0 },
      { at: [-3.779310253377747, -3.2831859912861696], kind: 'minimum', value: 0 },
      { at: [-2.805118086952745, 3.131312518250573], kind: 'minimum', value: 0 },
      { at: [3.385154183607021, 0.07385187983774928], kind: 'saddle', value: 13.31192627040559 },
      { at: [0.08667750455539636, 2.884254701174776], kind: 'saddle', value: 67.71915008752615 },
      { at: [-3.0730257507643897, -0.08135304428796751], kind: 'saddle', value: 104.0151629175581 },
      { at: [-0.12796134673068008, -1.9537149802445763], kind: 'saddle', value: 178.33723920192747 },
    ],
  },
  {
    name: 'beale',
    label: 'Beale',
    help: 'Sharp ridges and flat arms around the minimum at (3, 0.5); two saddles.',
    source:
      'E. M. L. Beale, On an iterative method for finding a local minimum of a function of more than one variable (1958).',
    expr: '(1.5 - a + a * b)^2 + (2.25 - a + a * b^2)^2 + (2.625 - a + a * b^3)^2',
    start: [1, 1.5],
    window: { a: [-4.5, 4.5], b: [-4.5, 4.5] },
    knownWindow: { a: [-4.5, 4.5], b: [-4.5, 4.5] },
    known: [
      { at: [3, 0.5], kind: 'minimum', value: 0 },
      { at: [0.10053793732415836, -2.644513585023125], kind: 'saddle', value: 9.86451228475556 },
      { at: [0, 1], kind: 'saddle', value: 14.203125 },
    ],
  },
  {
    name: 'booth',
    label: 'Booth',
    help: 'A tilted quadratic bowl (condition number 9) with the minimum at (1, 3): Newton solves it in one step.',
    source:
      'Standard optimization test function (Jamil & Yang, A literature survey of benchmark functions, 2013).',
    expr: '(a + 2 * b - 7)^2 + (2 * a + b - 5)^2',
    start: [-8, 8],
    window: { a: [-10, 10], b: [-10, 10] },
    knownWindow: { a: [-10, 10], b: [-10, 10] },
    known: [{ at: [1, 3], kind: 'minimum', value: 0 }],
  },
  {
    name: 'sixHumpCamel',
    label: 'Six-hump camel',
    help: 'Six minima (two global, at about (±0.0898, ∓0.7127)), seven saddles and two maxima.',
    source: 'L. C. W. Dixon and G. P. Szegő, Towards Global Optimisation 2 (1978).',
    expr: '(4 - 2.1 * a^2 + a^4 / 3) * a^2 + a * b + (-4 + 4 * b^2) * b^2',
    start: [-1.5, 1.5],
    window: { a: [-3, 3], b: [-2, 2] },
    knownWindow: { a: [-3, 3], b: [-2, 2] },
    known: [
      { at: [-1.2302298765166526, -0.16233458445899496], kind: 'maximum', value: 2.496295351023577 },
      { at: [1.2302298765166526, 0.16233458445899496], kind: 'maximum', value: 2.496295351023577 },
      { at: [0.08984201310031806, -0.7126564030207396], kind: 'minimum', value: -1.0316284534898774 },
      { at: [-0.08984201310031806, 0.7126564030207396], kind: 'minimum', value: -1.0316284534898774 },
      { at: [1.703606714969981, -0.7960835686726251], kind: 'minimum', value: -0.21546382438371764 },
      { at: [-1.703606714969981, 0.7960835686726251], kind: 'minimum', value: -0.21546382438371764 },
      { at: [-1.6071047529201972, -0.5686514548841314], kind: 'minimum', value: 2.1042503103112584 },
      { at: [1.6071047529201972, 0.5686514548841314], kind: 'minimum', value: 2.1042503103112584 },
      { at: [0, 0], kind: 'saddle', value: 0 },
      { at: [1.1092053368047865, -0.7682680925095399], kind: 'saddle', value: 0.5437186009781851 },
      { at: [-1.1092053368047865, 0.7682680925095399], kind: 'saddle', value: 0.5437186009781851 },
      { at: [-1.6380679841897785, -0.22867406904439408], kind: 'saddle', value: 2.2293571975307147 },
      { at: [1.6380679841897785, 0.22867406904439408], kind: 'saddle', value: 2.2293571975307147 },
      { at: [-1.2960702671671092, -0.6050843880386585], kind: 'saddle', value: 2.22947081802986 },
      { at: [1.2960702671671092, 0.6050843880386585], kind: 'saddle', value: 2.22947081802986 },
    ],
  },
  {
    name: 'rastrigin',
    label: 'Rastrigin',
    help: 'A bowl covered in a lattice of local minima near the integer points; the global minimum is at the origin.',
    source: 'L. A. Rastrigin, Systems of Extremal Control (1974); 2-D form with A = 10.',
    expr: '20 + a^2 - 10 * cos(2 * pi * a) + b^2 - 10 * cos(2 * pi * b)',
    start: [-3.2, 2.6],
    window: { a: [-5.12, 5.12], b: [-5.12, 5.12] },
    knownWindow: { a: [-1.3, 1.3], b: [-1.3, 1.3] },
    known: [
      { at: [0.5025460365546747, 0.5025460365546747], kind: 'maximum', value: 40.50254598198023 },
      { at: [-0.5025460365546747, 0.5025460365546747], kind: 'maximum', value: 40.50254598198023 },
      { at: [0.5025460365546747, -0.5025460365546747], kind: 'maximum', value: 40.50254598198023 },
      { at: [-0.5025460365546747, -0.5025460365546747], kind: 'maximum', value: 40.50254598198023 },
      { at: [0, 0], kind: 'minimum', value: 0 },
      { at: [0, -0.9949586376523348], kind: 'minimum', value: 0.9949590570932914 },
      { at: [-0.9949586376523348, 0], kind: 'minimum', value: 0.9949590570932914 },
      { at: [0.9949586376523348, 0], kind: 'minimum', value: 0.9949590570932914 },
      { at: [0, 0.9949586376523348], kind: 'minimum', value: 0.9949590570932914 },
      { at: [-0.9949586376523348, -0.9949586376523348], kind: 'minimum', value: 1.9899181141865827 },
      { at: [0.9949586376523348, -0.9949586376523348], kind: 'minimum', value: 1.9899181141865827 },
      { at: [-0.9949586376523348, 0.9949586376523348], kind: 'minimum', value: 1.9899181141865827 },
      { at: [0.9949586376523348, 0.9949586376523348], kind: 'minimum', value: 1.9899181141865827 },
      { at: [0, 0.5025460365546747], kind: 'saddle', value: 20.251272990990113 },
      { at: [0, -0.5025460365546747], kind: 'saddle', value: 20.251272990990113 },
      { at: [0.5025460365546747, 0], kind: 'saddle', value: 20.251272990990113 },
      { at: [-0.5025460365546747, 0], kind: 'saddle', value: 20.251272990990113 },
      { at: [0.5025460365546747, -0.9949586376523348], kind: 'saddle', value: 21.246232048083403 },
      { at: [-0.5025460365546747, -0.9949586376523348], kind: 'saddle', value: 21.246232048083403 },
      { at: [-0.9949586376523348, 0.5025460365546747], kind: 'saddle', value: 21.246232048083403 },
      { at: [0.9949586376523348, 0.5025460365546747], kind: 'saddle', value: 21.246232048083403 },
      { at: [-0.9949586376523348, -0.5025460365546747], kind: 'saddle', value: 21.246232048083403 },
      { at: [0.9949586376523348, -0.5025460365546747], kind: 'saddle', value: 21.246232048083403 },
      { at: [0.5025460365546747, 0.9949586376523348], kind: 'saddle', value: 21.246232048083403 },
      { at: [-0.5025460365546747, 0.9949586376523348], kind: 'saddle', value: 21.246232048083403 },
    ],
  },
  {
    name: 'ackley',
    label: 'Ackley',
    help: 'A nearly flat outer region with a regular pattern of local minima around a deep funnel whose tip (0, 0) is a cone point: the gradient has no limit there.',
    source:
      'D. H. Ackley, A Connectionist Machine for Genetic Hillclimbing (1987); 2-D form with a = 20, b = 0.2, c = 2π.',
    expr: '-20 * exp(-0.2 * sqrt(0.5 * (a^2 + b^2))) - exp(0.5 * (cos(2 * pi * a) + cos(2 * pi * b))) + e + 20',
    start: [3.3, -2.4],
    window: { a: [-5, 5], b: [-5, 5] },
    known: [{ at: [0, 0], kind: 'minimum', value: 0, smooth: false, note: 'cone point: not differentiable' }],
  },
  {
    name: 'saddle',
    label: 'Saddle a² − b²',
    help: 'The simplest saddle: a minimum along a, a maximum along b. Started near the a axis, gradient descent slows down by the saddle before it escapes.',
    source: 'Closed form.',
    expr: 'a^2 - b^2',
    start: [1.5, 0.01],
    window: { a: [-2, 2], b: [-2, 2] },
    knownWindow: { a: [-2, 2], b: [-2, 2] },
    known: [{ at: [0, 0], kind: 'saddle', value: 0 }],
  },
  {
    name: 'monkeySaddle',
    label: 'Monkey saddle',
    help: 'a³ − 3ab²: three valleys and three ridges meet at the origin, where the Hessian is zero, so the second-order test says nothing (degenerate). Unbounded below.',
    source: 'Closed form (Re (a + ib)³).',
    expr: 'a^3 - 3 * a * b^2',
    start: [0.8, 0.15],
    window: { a: [-1.5, 1.5], b: [-1.5, 1.5] },
    knownWindow: { a: [-1.5, 1.5], b: [-1.5, 1.5] },
    known: [{ at: [0, 0], kind: 'degenerate', value: 0, note: 'monkey saddle: Hessian is zero' }],
  },
  {
    name: 'plateauCliff',
    label: 'Plateau with a cliff',
    help: 'A high plateau (a < −1, value ≈ 3, gradient ~1e-18) ends in a cliff (a drop of 2 over ~0.1, gradient ~15) onto a low plateau with a shallow Gaussian well, minimum near (1, 0). Plain gradient descent crawls on the plateau and is thrown by the cliff; adaptive methods are not.',
    source:
      'Designed for Relief after the plateaus and cliffs of seed 004 and Goodfellow et al., Deep Learning, §8.2.',
    expr: '2 - tanh(15 * (a + 1)) - exp(-((a - 1)^2 + b^2) / 2)',
    start: [-2.5, 1.5],
    window: { a: [-3, 3], b: [-2.5, 2.5] },
    knownWindow: { a: [-3, 3], b: [-2.5, 2.5] },
    known: [{ at: [1, 0], kind: 'minimum', value: 1.7513106526359073e-26 }],
  },
  {
    name: 'seed004',
    label: 'Seed 004 polynomial',
    help: 'A tilted double well in each parameter: four minima of four different depths (the global one at about (−1.04, −1.02)), four saddles between them and a maximum near the origin, all within |a|, |b| < 1.1.',
    source:
      'Reconstructed from seed 004 ("even a very simple polynomial drawn around the origin" shows local minima, saddles and flat regions, and a global minimum lower than the local ones); the formula itself was an image not in the text. See docs/surfaces.md.',
    expr: '(a^2 - 1)^2 + (b^2 - 1)^2 + 0.3 * a + 0.2 * b',
    start: [0.9, 0.3],
    window: { a: [-1.6, 1.6], b: [-1.6, 1.6] },
    knownWindow: { a: [-1.6, 1.6], b: [-1.6, 1.6] },
    known: [
      { at: [0.07542915856974822, 0.050125946983772554], kind: 'maximum', value: 2.016288284202199 },
      { at: [-1.0355787140888537, -1.0241203002150503], kind: 'minimum', value: -0.5078689180887384 },
      { at: [-1.0355787140888537, 0.9739943532312778], kind: 'minimum', value: -0.10799433088563946 },
      { at: [0.9601495555191055, -1.0241203002150503], kind: 'minimum', value: 0.09170604668344043 },
      { at: [0.9601495555191055, 0.9739943532312778], kind: 'minimum', value: 0.4915806338865394 },
      { at: [-1.0355787140888537, 0.050125946983772554], kind: 'saddle', value: 0.69957779774263 },
      { at: [0.07542915856974822, -1.0241203002150503], kind: 'saddle', value: 0.8088415683708307 },
      { at: [0.07542915856974822, 0.9739943532312778], kind: 'saddle', value: 1.2087161555739296 },
      { at: [0.9601495555191055, 0.050125946983772554], kind: 'saddle', value: 1.2991527625148087 },
    ],
  },
];

export const gallery = buildRegistry(gallerySurfaces, (s) => s.name, 'surface');
export const galleryNames: readonly string[] = gallerySurfaces.map((s) => s.name);
