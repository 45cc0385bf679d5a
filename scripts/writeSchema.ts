/** npm run schema: regenerate schema/experiment.schema.json (a test checks it is current). */
import { writeFileSync } from 'node:fs';
import { experimentJsonSchemaText } from './experimentJsonSchema';

const out = new URL('../schema/experiment.schema.json', import.meta.url);
writeFileSync(out, experimentJsonSchemaText());
console.log(`wrote ${out.pathname}`);
