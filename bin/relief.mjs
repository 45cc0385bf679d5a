#!/usr/bin/env node
// `relief` (npx relief, npm run relief): runs the built CLI in out/cli, building it first when a
// source changed since the last build (scripts/cliBuild.mjs), so no TypeScript is compiled at run time.
import { pathToFileURL } from 'node:url';
import { ensureCliBuilt } from '../scripts/cliBuild.mjs';

const entry = await ensureCliBuilt();
await import(pathToFileURL(entry).href);
