/**
 * Defaults live in the schema only. `withDefaults(draft)` fills every field a draft leaves out with the
 * default its zod schema declares, recursively (model, data, each run and its optimizer, landscape, ...),
 * and keeps every value the draft has, valid or not: a view shows what the user typed where there is
 * something, and otherwise exactly what a run would use, without restating a default of its own.
 * Unions are resolved the way the schema reads them: by a literal discriminator (`kind`, `type`) where the
 * options have one, else by the first object option whose fields include all the value's keys.
 */
import type { z } from 'zod';
import { experimentSchema, type Experiment, type ExperimentInput } from './schema';

/** The subset of zod's internal definition the walk reads (zod 4: `schema._zod.def`). */
interface Def {
  type: string;
  defaultValue?: unknown;
  innerType?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  items?: z.ZodType[];
  options?: z.ZodType[];
  in?: z.ZodType;
  values?: unknown[];
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The literal a field of an object option is pinned to (through optional/default), if any. */
function literalOf(s: z.ZodType): unknown[] | null {
  const d = defOf(s);
  if (d.type === 'literal') return d.values ?? null;
  if ((d.type === 'optional' || d.type === 'default') && d.innerType) return literalOf(d.innerType);
  return null;
}

function objectShape(s: z.ZodType): Record<string, z.ZodType> | null {
  const d = defOf(s);
  if (d.type === 'object') return d.shape ?? null;
  if (d.type === 'pipe' && d.in) return objectShape(d.in);
  return null;
}

/** The union option `value` belongs to, or null when none fits. */
function pickOption(options: readonly z.ZodType[], value: unknown): z.ZodType | null {
  if (!isRecord(value)) return null;
  const keys = Object.keys(value);
  for (const o of options) {
    const shape = objectShape(o);
    if (!shape) continue;
    const pinned = Object.entries(shape).every(([k, f]) => {
      const lit = literalOf(f);
      return lit === null || value[k] === undefined || lit.includes(value[k]);
    });
    const hasPinnedKey = Object.entries(shape).some(
      ([k, f]) => literalOf(f) !== null && value[k] !== undefined,
    );
    if (pinned && (hasPinnedKey || keys.every((k) => k in shape))) return o;
  }
  return null;
}

/** A fresh copy of a default (plain JSON data), so filling never shares the schema's object. */
function cloneJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(cloneJson);
  if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cloneJson(x)]));
  return v;
}

/** `value` with every missing field that has a default in `schema` filled in (recursively); never mutates. */
export function fillDefaults<S extends z.ZodType>(schema: S, value: unknown): unknown {
  const d = defOf(schema);
  switch (d.type) {
    case 'default':
    case 'prefault':
      return fillDefaults(d.innerType!, value === undefined ? cloneJson(d.defaultValue) : value);
    case 'optional':
    case 'nullable':
    case 'readonly':
    case 'nonoptional':
      return value === undefined || value === null ? value : fillDefaults(d.innerType!, value);
    case 'pipe':
      return fillDefaults(d.in!, value);
    case 'object': {
      if (!isRecord(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const [k, f] of Object.entries(d.shape ?? {})) {
        const v = fillDefaults(f, value[k]);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array':
      return Array.isArray(value) ? value.map((v) => fillDefaults(d.element!, v)) : value;
    case 'tuple':
      return Array.isArray(value)
        ? value.map((v, i) => (d.items?.[i] ? fillDefaults(d.items[i], v) : v))
        : value;
    case 'union': {
      const o = pickOption(d.options ?? [], value);
      return o ? fillDefaults(o, value) : value;
    }
    default:
      return value;
  }
}

/** The default a schema declares (what zod fills in for a missing value), or undefined. */
export function defaultOf<S extends z.ZodType>(schema: S): z.output<S> | undefined {
  return fillDefaults(schema, undefined) as z.output<S> | undefined;
}

/** `value` (a draft of `schema`'s input) with the schema's defaults filled in, typed as the schema's output. */
export function withSchemaDefaults<S extends z.ZodType>(schema: S, value: z.input<S>): z.output<S> {
  return fillDefaults(schema, value) as z.output<S>;
}

/**
 * The draft with the schema's defaults filled in. Its type is the Experiment's: where the draft is valid
 * the values are those `validateExperiment` gives; an invalid value the draft holds is passed through.
 */
export function withDefaults(draft: ExperimentInput): Experiment {
  return fillDefaults(experimentSchema, draft) as Experiment;
}
