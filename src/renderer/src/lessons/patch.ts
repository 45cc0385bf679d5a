/**
 * Applies a lesson's declarative patches to an experiment draft. Pure: the input is never mutated and
 * the result is a fresh structured clone. A path that cannot be followed throws a PatchError naming it,
 * so a broken lesson fails its unit test rather than a classroom.
 */
import type { ExperimentInput } from '../../../core/experiment/schema';
import { cpwlToNetwork } from '../../../core/network/cpwl';
import { targetFunction, type TargetSpec } from '../../../core/data/target';
import type { Patch, PatchOp, PatchPath } from './types';

export class PatchError extends Error {}

type Json = Record<string, unknown> | unknown[];

function isContainer(v: unknown): v is Json {
  return typeof v === 'object' && v !== null;
}

/** Resolves one segment in a container: array index, "@name" (the element whose name is name), or key. */
function keyIn(container: Json, segment: string, path: PatchPath): string | number {
  if (Array.isArray(container)) {
    if (segment.startsWith('@')) {
      const i = container.findIndex(
        (el) => isContainer(el) && (el as { name?: unknown }).name === segment.slice(1),
      );
      if (i < 0) throw new PatchError(`${path}: no element named '${segment.slice(1)}'`);
      return i;
    }
    const i = Number(segment);
    if (!Number.isInteger(i) || i < 0) throw new PatchError(`${path}: '${segment}' is not an array index`);
    return i;
  }
  return segment;
}

/** The container holding the last segment of `path`, creating plain objects on the way when asked. */
function parentOf(root: Json, path: PatchPath, create: boolean): [Json, string | number] {
  const segs = path.split('.');
  if (segs.some((s) => s === '')) throw new PatchError(`${path}: empty path segment`);
  let cur: Json = root;
  for (let i = 0; i < segs.length - 1; i++) {
    const k = keyIn(cur, segs[i]!, path);
    let next = (cur as Record<string | number, unknown>)[k];
    if (!isContainer(next)) {
      if (!create || Array.isArray(cur)) throw new PatchError(`${path}: '${segs[i]}' does not exist`);
      next = {};
      (cur as Record<string, unknown>)[k as string] = next;
    }
    cur = next as Json;
  }
  return [cur, keyIn(cur, segs.at(-1)!, path)];
}

type Draft = ExperimentInput & Record<string, unknown>;

function runsOf(d: Draft): Record<string, unknown>[] {
  return d.runs as unknown as Record<string, unknown>[];
}

function setExactModel(d: Draft, knots: readonly (readonly [number, number])[]): void {
  const net = cpwlToNetwork(knots);
  const model = { ...(d.model as Record<string, unknown>) };
  delete model.init;
  // + 0: files never hold -0
  Object.assign(model, { inputs: 1, hidden: [net.hidden], params: Array.from(net.params, (v) => v + 0) });
  (d as Record<string, unknown>).model = model;
}

function targetOf(d: Draft): TargetSpec {
  const t = (d as { data?: { target?: TargetSpec } }).data?.target;
  if (!t) throw new PatchError('data.target: the experiment has no target');
  return t;
}

function applyOp(d: Draft, op: PatchOp): void {
  switch (op.op) {
    case 'set': {
      const [parent, key] = parentOf(d, op.path, true);
      (parent as Record<string | number, unknown>)[key] = structuredClone(op.value);
      return;
    }
    case 'remove': {
      const [parent, key] = parentOf(d, op.path, false);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return;
    }
    case 'addRun': {
      const runs = runsOf(d);
      const i = runs.findIndex((r) => r.name === op.run.name);
      const run = structuredClone(op.run) as Record<string, unknown>;
      if (i >= 0) runs[i] = run;
      else runs.push(run);
      return;
    }
    case 'removeRun':
      d.runs = runsOf(d).filter((r) => r.name !== op.name) as unknown as Draft['runs'];
      return;
    case 'keepRuns':
      d.runs = runsOf(d).filter((r) => op.names.includes(r.name as string)) as unknown as Draft['runs'];
      return;
    case 'exactFromKnots': {
      const t = targetOf(d);
      if (!('knots' in t)) throw new PatchError('exactFromKnots: data.target has no knots');
      setExactModel(d, t.knots);
      return;
    }
    case 'interpolateTarget': {
      const f = targetFunction(targetOf(d));
      setExactModel(
        d,
        op.xs.map((x) => [x, f(x, 0)] as const),
      );
      return;
    }
  }
}

/** The draft with `patch` applied, as a new object. */
export function applyPatch(draft: ExperimentInput, patch: Patch): ExperimentInput {
  const d = structuredClone(draft) as Draft;
  for (const op of patch) applyOp(d, op);
  return d;
}
