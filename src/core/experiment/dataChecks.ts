/**
 * The checks of a network experiment's data that need more than one field: the target against
 * model.inputs, the sample shapes, where labels come from (target, teacher or explicit y), and what the
 * classification datasets, the teacher and the population loss require of the model and the loss.
 * Every problem names its JSON path.
 */
import { clip } from '../clip';
import { compileExpression, parseExpression } from '../data/expression';
import { firstNonFinite } from '../data/finiteOverDomain';
import { presets } from '../data/presets';
import { inputNames } from '../network/spec';
import { LIMITS } from './limits';
import type { NetworkExperiment } from './schema';

type Issue = (path: (string | number)[], message: string) => void;

/** A formula target must be finite where the samples are drawn (the training domain, default [-1, 1]). */
function checkFinite(expr: string, names: string[], train: unknown, issue: Issue): void {
  const given = (train as { domain?: [number, number][] } | undefined)?.domain;
  const domain = given?.length === names.length ? given : names.map((): [number, number] => [-1, 1]);
  const bad = firstNonFinite(compileExpression(expr, names), domain);
  if (!bad) return;
  const at = bad.at.map((v, i) => `${names[i]} = ${Number(v.toPrecision(6))}`).join(', ');
  const what = Number.isNaN(bad.value) ? 'not a number (NaN)' : bad.value > 0 ? '+∞' : '−∞';
  const where = domain.map((r) => `[${r[0]}, ${r[1]}]`).join(' × ');
  issue(['data', 'target', 'expr'], `is ${what} at ${at}; it must be finite over the domain ${where}`);
}

export function checkNetworkData(e: NetworkExperiment, issue: Issue): void {
  const inputs = e.model.inputs;
  const data = e.data;
  const t = data.target;
  if (t && data.teacher)
    issue(
      ['data', 'teacher'],
      'give either data.target or data.teacher, not both (the teacher labels the samples)',
    );
  if (t) {
    if ('expr' in t) {
      const names = inputNames(inputs);
      try {
        parseExpression(t.expr, names);
        checkFinite(t.expr, names, data.train, issue);
      } catch (err) {
        issue(['data', 'target', 'expr'], (err as Error).message);
      }
    } else if ('preset' in t) {
      const p = presets.get(t.preset);
      if (!p)
        issue(
          ['data', 'target', 'preset'],
          `unknown preset '${clip(t.preset)}'; known: ${[...presets.keys()].join(', ')}`,
        );
      else if (p.inputs !== inputs)
        issue(
          ['data', 'target', 'preset'],
          `preset '${clip(t.preset)}' has ${p.inputs} input(s) but model.inputs is ${inputs}`,
        );
    } else if ('classes' in t) {
      if (inputs !== 2)
        issue(
          ['data', 'target', 'classes'],
          'the classification datasets have two inputs; set model.inputs to 2',
        );
      if (e.loss !== 'bce') issue(['loss'], `data.target "classes" has labels 0/1: set "loss": "bce"`);
    } else {
      if (inputs !== 1)
        issue(['data', 'target', 'knots'], 'knots define a function of one input; set model.inputs to 1');
      for (let i = 1; i < t.knots.length; i++)
        if (!(t.knots[i]![0] > t.knots[i - 1]![0])) {
          issue(['data', 'target', 'knots', i, 0], 'knot x values must be strictly increasing');
          break;
        }
    }
  }
  const teacher = data.teacher;
  if (teacher) {
    const k = teacher.hidden[0];
    if (teacher.weights === 'orthonormal') {
      if (k > inputs)
        issue(['data', 'teacher', 'hidden'], `${k} orthonormal vectors need model.inputs >= ${k}`);
    } else if (teacher.weights.params.length !== inputs * k)
      issue(
        ['data', 'teacher', 'weights', 'params'],
        `has ${teacher.weights.params.length} entries; [inputs x k] = ${inputs} x ${k} needs ${inputs * k}`,
      );
  }
  for (const which of ['train', 'test'] as const) {
    const s = data[which];
    if (!s) continue;
    if ('x' in s) {
      if (s.x.length !== s.y.length)
        issue(['data', which, 'y'], `x has ${s.x.length} entries but y has ${s.y.length}`);
      if (s.x.length === 0) issue(['data', which, 'x'], 'needs at least one sample');
      if (s.x.length > LIMITS.samples) issue(['data', which, 'x'], `at most ${LIMITS.samples} samples`);
      const bad = s.x.findIndex((v) =>
        inputs === 1 ? typeof v !== 'number' : !Array.isArray(v) || v.length !== inputs,
      );
      if (bad >= 0)
        issue(
          ['data', which, 'x', bad],
          inputs === 1
            ? 'model.inputs is 1: x must be numbers'
            : `model.inputs is ${inputs}: each x must be an array of ${inputs} numbers`,
        );
      if (e.loss === 'bce') {
        const i = s.y.findIndex((y) => !(y >= 0 && y <= 1));
        if (i >= 0) issue(['data', which, 'y', i], 'the bce loss needs labels in [0, 1]');
      }
      continue;
    }
    if (!t && !teacher) {
      issue(
        ['data', 'target'],
        `data.${which} draws its inputs: give data.target or data.teacher to label them`,
      );
      continue;
    }
    if ('population' in s) {
      if (!teacher) issue(['data', which, 'population'], 'the population loss needs data.teacher');
      const m = e.model;
      if (
        m.bias !== false ||
        m.output !== 'sum' ||
        m.activation !== 'relu' ||
        m.hidden.length !== 1 ||
        e.loss !== 'mse'
      )
        issue(
          ['data', which, 'population'],
          'the population loss is for the student x -> sum max(0, w_i.x): set model.hidden to [n], ' +
            'model.activation "relu", model.bias false, model.output "sum" and loss "mse"',
        );
    } else if ('distribution' in s) {
      if (t && 'classes' in t)
        issue(
          ['data', which, 'distribution'],
          'the classification datasets draw their own points: use {"n": N}',
        );
    } else if (s.domain) {
      if (t && 'classes' in t)
        issue(['data', which, 'domain'], 'the classification datasets draw their own points: remove domain');
      else if (s.domain.length !== inputs)
        issue(['data', which, 'domain'], `needs ${inputs} range(s), one per input`);
    }
  }
  if (e.model.output === 'sum' && e.model.hidden.length === 0)
    issue(['model', 'output'], '"sum" adds the units of the last hidden layer: model.hidden needs a layer');
}
