/**
 * The one entry point for untrusted experiment documents: JSON text or a value from IPC goes in,
 * a validated Experiment (defaults filled in, older versions migrated) or a list of problems comes
 * out, each naming the JSON path and the rule it broke.
 */
import type { z } from 'zod';
import { clip } from '../clip';
import { EXPERIMENT_VERSION, experimentSchema, type Experiment } from './schema';

export interface Problem {
  /** JSON path such as `runs[0].optimizer.lr` ("" for the whole document). */
  readonly path: string;
  readonly message: string;
  /** The rule broken (zod's issue code), so a user interface can say it in the user's language. */
  readonly code?: string;
  /** The rule's numbers: minimum / maximum (and whether inclusive), expected type, divisor. */
  readonly params?: Readonly<Record<string, string | number | boolean>>;
}

/** The numbers of a zod issue a translated message needs. */
function issueParams(iss: Issue): Record<string, string | number | boolean> {
  const out: Record<string, string | number | boolean> = {};
  const i = iss as unknown as Record<string, unknown>;
  for (const k of ['minimum', 'maximum', 'inclusive', 'expected', 'divisor', 'origin'])
    if (typeof i[k] === 'number' || typeof i[k] === 'string' || typeof i[k] === 'boolean')
      out[k] = i[k] as string | number | boolean;
    else if (typeof i[k] === 'bigint') out[k] = Number(i[k]);
  return out;
}

export type Validated = { ok: true; experiment: Experiment } | { ok: false; problems: Problem[] };

/** Upgrades a document of version k to version k+1. Empty while only version 1 exists. */
const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {};

export function formatPath(path: readonly PropertyKey[]): string {
  let s = '';
  for (const p of path) {
    if (typeof p === 'number') s += `[${p}]`;
    else s += s ? `.${String(p)}` : String(p);
  }
  return s;
}

type Issue = z.core.$ZodIssue;

/** Issues that say "this is the wrong kind of object" rather than "this field inside it is wrong". */
function isShapeIssue(iss: Issue): boolean {
  return (
    iss.path.length === 0 ||
    iss.code === 'unrecognized_keys' ||
    (iss.code === 'invalid_type' && (iss as { input?: unknown }).input === undefined)
  );
}

/**
 * A union ("expr" or "knots" or "preset"; "n" or "x"/"y") fails as a whole; report instead the
 * problems of the alternative the document evidently meant (the one that failed only deeper down),
 * so a bad sample is named as data.train.x[1], not as "data.train: must be ...".
 */
function flatten(iss: Issue, base: readonly PropertyKey[]): Problem[] {
  const at = [...base, ...iss.path];
  if (iss.code === 'invalid_union' && iss.errors.length > 0) {
    const ranked = iss.errors
      .map((errs) => ({ errs, shape: errs.filter(isShapeIssue).length }))
      .sort((a, b) => a.shape - b.shape || a.errs.length - b.errs.length);
    const best = ranked[0]!;
    if (best.shape === 0 && best.errs.length > 0) return best.errs.flatMap((e) => flatten(e, at));
  }
  return [{ path: formatPath(at), message: iss.message, code: iss.code, params: issueParams(iss) }];
}

/** The longest message or path reported: zod quotes unknown keys, which a hostile file makes huge. */
const MAX_MESSAGE = 400;
/** At most this many problems are listed (a 10⁶-sample array of strings would give 10⁶). */
const MAX_PROBLEMS = 20;

export function problemsFromZod(error: z.ZodError): Problem[] {
  const all = error.issues.flatMap((iss) => flatten(iss, []));
  const shown: Problem[] = all.slice(0, MAX_PROBLEMS).map((p) => ({
    ...p,
    path: clip(p.path, MAX_MESSAGE),
    message: clip(p.message, MAX_MESSAGE),
  }));
  if (all.length > MAX_PROBLEMS)
    shown.push({ path: '', message: `… and ${all.length - MAX_PROBLEMS} more problems` });
  return shown;
}

export function formatProblems(problems: readonly Problem[]): string {
  return problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)).join('\n');
}

export function validateExperiment(value: unknown): Validated {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, problems: [{ path: '', message: 'an experiment must be a JSON object' }] };
  let doc = value as Record<string, unknown>;
  const version = doc.relief;
  if (typeof version !== 'number' || !Number.isInteger(version))
    return {
      ok: false,
      problems: [{ path: 'relief', message: `must be the format version ${EXPERIMENT_VERSION}` }],
    };
  if (version > EXPERIMENT_VERSION)
    return {
      ok: false,
      problems: [
        {
          path: 'relief',
          message: `this file is format version ${version}; this Relief reads versions up to ${EXPERIMENT_VERSION}`,
        },
      ],
    };
  for (let v = version; v < EXPERIMENT_VERSION; v++) {
    const m = migrations[v];
    if (!m)
      return { ok: false, problems: [{ path: 'relief', message: `unknown format version ${version}` }] };
    doc = { ...m(doc), relief: v + 1 };
  }
  const r = experimentSchema.safeParse(doc, { reportInput: true });
  return r.success ? { ok: true, experiment: r.data } : { ok: false, problems: problemsFromZod(r.error) };
}

/** JSON text, with a leading UTF-8 byte-order mark (as some Windows editors save) ignored. */
export function parseJsonText(text: string): unknown {
  return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * V8's JSON.parse message without the excerpt of the text it quotes ('Unexpected token 'h', "hello
 * wor"... is not valid JSON'): a file that is not JSON may be anything (a key, a password file), and
 * its content is never echoed back, only where it went wrong.
 */
export function jsonErrorWithoutContent(e: unknown): string {
  const m = (e as Error).message ?? String(e);
  return clip(m.replace(/,\s*".*is not valid JSON$/s, ' (not JSON)'), 120);
}

export function parseExperimentText(text: string): Validated {
  let value: unknown;
  try {
    value = parseJsonText(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '', message: `not valid JSON: ${jsonErrorWithoutContent(e)}` }] };
  }
  return validateExperiment(value);
}
