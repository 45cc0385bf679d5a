/**
 * The layer rules of eslint.config.js fire: the project's own ESLint configuration lints small sources
 * as if they lived in each folder, and an import across a forbidden boundary must be an error.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd });

async function importErrors(file: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${cwd}/${file}` });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layer imports', () => {
  const cases: [file: string, source: string, allowed: boolean][] = [
    ['src/cli/x.ts', "import { a } from '../main/node/args';\nexport const b = a;\n", false],
    ['src/cli/x.ts', "import { app } from 'electron';\nexport const b = app;\n", false],
    [
      'src/cli/commands/x.ts',
      "import { a } from '../../main/pool/electronPool';\nexport const b = a;\n",
      false,
    ],
    ['src/cli/x.ts', "import { a } from '../node/pool/workerPool';\nexport const b = a;\n", true],
    ['src/node/x.ts', "import { app } from 'electron';\nexport const b = app;\n", false],
    ['src/node/pool/x.ts', "import { a } from '../../main/node/args';\nexport const b = a;\n", false],
    ['src/node/x.ts', "import { a } from '../cli/cliError';\nexport const b = a;\n", false],
    ['src/node/x.ts', "import { a } from '../core/rng';\nexport const b = a;\n", true],
    ['src/main/x.ts', "import { a } from '../cli/cliError';\nexport const b = a;\n", false],
    ['src/main/x.ts', "import { a } from '../node/atomicWrite';\nexport const b = a;\n", true],
    ['src/core/x.ts', "import { a } from '../node/atomicWrite';\nexport const b = a;\n", false],
  ];
  for (const [file, source, allowed] of cases) {
    it(`${file}: ${source.split('\n')[0]} is ${allowed ? 'allowed' : 'refused'}`, async () => {
      const errors = await importErrors(file, source);
      console.log(file, errors.length ? errors : 'no import error');
      expect(errors.length === 0).toBe(allowed);
    });
  }
});
