/**
 * Checks between fields of a document that has the right shape: what the engine, the optimizers and the
 * landscape refer to must exist in this model. They are cheap (no data built, nothing trained) and run
 * with the schema, so `validate`, the app's open and every IPC boundary refuse such a file at its JSON
 * path instead of a job failing minutes later with an internal error.
 */
import { clip } from '../clip';
import { exactApplies } from '../engine/exact';
import { paramCount, paramNames } from '../network/spec';
import { NEWTON_MAX_DIM } from '../optim/newton';
import type { PointRef } from './landscapeSchema';
import type { Experiment } from './schema';

type Issue = (path: (string | number)[], message: string) => void;
type Shape = Omit<Experiment, 'runs' | 'landscape'> & {
  runs: readonly { name: string; optimizer: unknown }[];
  landscape?: Experiment['landscape'];
};

/** Parameter count and names of the model (a surface has the two parameters a and b). */
function parameters(e: Shape): { count: number; names: () => string[] } {
  if (e.model.kind === 'surface') return { count: 2, names: () => ['a', 'b'] };
  const m = e.model;
  return { count: paramCount(m), names: () => paramNames(m) };
}

export function checkCrossReferences(e: Shape, issue: Issue): void {
  const { count: P, names } = parameters(e);
  if (e.engine === 'exact') {
    const m = e.model;
    const applies =
      m.kind !== 'surface' &&
      exactApplies({
        inputs: m.inputs,
        hidden: m.hidden,
        activation: m.activation,
        leakySlope: m.leakySlope,
      });
    if (!applies)
      issue(
        ['engine'],
        m.kind === 'surface'
          ? '"exact" applies to networks only; use "auto" for a surface'
          : `"exact" needs 1 input, 1 hidden layer and relu/leakyRelu/linear (this model: ${m.inputs} input(s), hidden ${JSON.stringify(m.hidden)}, ${m.activation}); use "auto" or "dense"`,
      );
  }
  e.runs.forEach((r, i) => {
    const type = (r.optimizer as { type?: string }).type;
    if (type === 'newton' && P > NEWTON_MAX_DIM)
      issue(
        ['runs', i, 'optimizer', 'type'],
        `newton forms the full Hessian: at most ${NEWTON_MAX_DIM} parameters (this model has ${P})`,
      );
  });
  const l = e.landscape;
  if (!l) return;
  const runNames = new Set(e.runs.map((r) => r.name));
  const known = () => [...runNames].map((n) => clip(n, 40)).join(', ');
  const point = (ref: PointRef, path: (string | number)[]) => {
    if (Array.isArray(ref)) {
      if (ref.length !== P) issue(path, `has ${ref.length} numbers; this model has ${P} parameters`);
    } else if (typeof ref === 'object' && !runNames.has(ref.run))
      issue([...path, 'run'], `no run named '${clip(ref.run)}'; runs: ${known()}`);
  };
  point(l.center, ['landscape', 'center']);
  if (l.line) {
    point(l.line.from, ['landscape', 'line', 'from']);
    point(l.line.to, ['landscape', 'line', 'to']);
  }
  const d = l.directions;
  const at = ['landscape', 'directions'];
  switch (d.kind) {
    case 'pca':
      if (d.runs !== 'all')
        d.runs.forEach((name, k) => {
          if (!runNames.has(name))
            issue([...at, 'runs', k], `no run named '${clip(name)}'; runs: ${known()}`);
        });
      return;
    case 'interpolate':
      d.points.forEach((p, k) => point(p, [...at, 'points', k]));
      return;
    case 'explicit':
      for (const k of ['d1', 'd2'] as const)
        if (d[k].length !== P)
          issue([...at, k], `has ${d[k].length} numbers; this model has ${P} parameters`);
      return;
    case 'axes':
      for (const k of ['d1', 'd2'] as const) {
        const ref = d[k];
        if (typeof ref === 'number') {
          if (ref >= P) issue([...at, k], `parameter index ${ref} is out of range; this model has ${P}`);
        } else if (!names().includes(ref)) {
          const all = names();
          issue(
            [...at, k],
            `no parameter named '${clip(ref)}'; names look like '${all[0]}' or '${all[P - 1]}'`,
          );
        }
      }
      return;
    default:
      return;
  }
}
