/** The editor JSON Schema, generated from the one zod schema (the source of truth). */
import { z } from 'zod';
import { experimentSchema } from '../src/core/experiment/schema';

export const SCHEMA_ID = 'https://relief.invalid/schema/experiment-1.json';

export function experimentJsonSchemaText(): string {
  const schema = z.toJSONSchema(experimentSchema, { io: 'input', unrepresentable: 'any', reused: 'inline' });
  return `${JSON.stringify({ ...schema, $id: SCHEMA_ID, title: 'Relief experiment, format version 1' }, null, 2)}\n`;
}
