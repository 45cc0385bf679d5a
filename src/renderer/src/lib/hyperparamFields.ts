/**
 * Form fields generated from an optimizer's zod hyperparameter schema (through its JSON Schema), so a new
 * optimizer in core's registry gets a form with no UI code: numbers with their ranges, integers,
 * booleans, choices (enums, optionally nullable) and fixed-length number tuples such as Adam's betas.
 */
import { z } from 'zod';

type Json = Record<string, unknown>;

export type FieldKind = 'number' | 'integer' | 'boolean' | 'choice' | 'tuple' | 'unsupported';

export interface HyperField {
  readonly key: string;
  readonly kind: FieldKind;
  readonly default: unknown;
  readonly help: string;
  readonly min?: number;
  readonly max?: number;
  /** True when min is exclusive (lr > 0). */
  readonly exclusiveMin?: boolean;
  /** Choices for `choice` (null allowed when nullable). */
  readonly options?: readonly (string | null)[];
  /** Length of a `tuple` of numbers. */
  readonly length?: number;
  /** A number that may also be null (an empty field). */
  readonly nullable?: boolean;
}

function numberBounds(s: Json): Pick<HyperField, 'min' | 'max' | 'exclusiveMin'> {
  const out: { min?: number; max?: number; exclusiveMin?: boolean } = {};
  if (typeof s.minimum === 'number') out.min = s.minimum;
  if (typeof s.exclusiveMinimum === 'number') {
    out.min = s.exclusiveMinimum;
    out.exclusiveMin = true;
  }
  if (typeof s.maximum === 'number' && s.maximum < Number.MAX_SAFE_INTEGER) out.max = s.maximum;
  return out;
}

export function fieldFromJsonSchema(key: string, s: Json): HyperField {
  const help = typeof s.description === 'string' ? s.description : '';
  const base = { key, default: s.default, help };
  if (s.type === 'number') return { ...base, kind: 'number', ...numberBounds(s) };
  if (s.type === 'integer') return { ...base, kind: 'integer', ...numberBounds(s) };
  if (s.type === 'boolean') return { ...base, kind: 'boolean' };
  if (s.type === 'string' && Array.isArray(s.enum))
    return { ...base, kind: 'choice', options: s.enum as string[] };
  if (Array.isArray(s.anyOf)) {
    const alts = s.anyOf as Json[];
    const nonNull = alts.filter((a) => a.type !== 'null');
    if (
      nonNull.length === 1 &&
      alts.length === 2 &&
      (nonNull[0]!.type === 'number' || nonNull[0]!.type === 'integer')
    )
      return {
        ...fieldFromJsonSchema(key, { ...nonNull[0]!, default: s.default, description: s.description }),
        nullable: true,
      };
    const opts: (string | null)[] = [];
    for (const alt of s.anyOf as Json[]) {
      if (alt.type === 'null') opts.push(null);
      else if (Array.isArray(alt.enum)) opts.push(...(alt.enum as string[]));
      else if ('const' in alt) opts.push(alt.const as string);
      else return { ...base, kind: 'unsupported' };
    }
    return { ...base, kind: 'choice', options: opts };
  }
  if (s.type === 'array' && Array.isArray(s.prefixItems)) {
    const items = s.prefixItems as Json[];
    if (items.every((it) => it.type === 'number'))
      return { ...base, kind: 'tuple', length: items.length, ...numberBounds(items[0]!) };
  }
  return { ...base, kind: 'unsupported' };
}

export function hyperFields(schema: z.ZodType): HyperField[] {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Json;
  const props = (js.properties ?? {}) as Record<string, Json>;
  return Object.entries(props).map(([k, s]) => fieldFromJsonSchema(k, s));
}

/** The default hyperparameters of a schema (what a freshly added run starts with). */
export function defaultsOf(fields: readonly HyperField[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.default !== undefined) out[f.key] = structuredClone(f.default);
  return out;
}

/**
 * A short summary of a run's optimizer for its card: the values that differ from the defaults, each
 * under its name as the user reads it (`label`, the key by default).
 */
export function hyperSummary(
  fields: readonly HyperField[],
  values: Record<string, unknown>,
  label: (key: string) => string = (k) => k,
): string {
  const parts: string[] = [];
  for (const f of fields) {
    const v = values[f.key] ?? f.default;
    if (f.key !== 'lr' && JSON.stringify(v) === JSON.stringify(f.default)) continue;
    parts.push(`${label(f.key)} ${Array.isArray(v) ? `(${v.join(', ')})` : String(v)}`);
  }
  return parts.join(' · ');
}
