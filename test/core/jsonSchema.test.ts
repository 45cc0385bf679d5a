import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experimentJsonSchemaText } from '../../scripts/experimentJsonSchema';

describe('schema/experiment.schema.json', () => {
  it('is current with the zod schema (run `npm run schema` after changing it)', () => {
    const committed = readFileSync(new URL('../../schema/experiment.schema.json', import.meta.url), 'utf8');
    expect(committed).toBe(experimentJsonSchemaText());
  });

  it('carries the fixed field names', () => {
    const s = JSON.parse(experimentJsonSchemaText());
    expect(Object.keys(s.properties)).toEqual(
      expect.arrayContaining(['relief', 'seed', 'data', 'model', 'loss', 'runs']),
    );
    // data is required for network models only (a surface has none): superRefine checks it.
    expect(s.required).toEqual(expect.arrayContaining(['relief', 'model', 'runs']));
  });
});
