// The CLI and its pool worker as built JavaScript: two single-file bundles (vite, the project's
// bundler), out/cli/relief.mjs and out/cli/jobWorker.mjs, so no TypeScript is compiled when a command
// or a worker starts. `ensureCliBuilt()` is the cache: it rebuilds only when a source the bundles come
// from changed (a fingerprint of paths, sizes and mtimes, a few milliseconds to check), and it is what
// `npm install` (prepare), `npm run relief`, `npx relief` and the test setup call.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(fileURLToPath(import.meta.url), '../..');
export const cliOutDir = join(root, 'out', 'cli');
export const cliEntry = join(cliOutDir, 'relief.mjs');
export const workerEntry = join(cliOutDir, 'jobWorker.mjs');
const stampFile = join(cliOutDir, 'build-stamp.json');

/** What the bundles are made of: a change to any of these means a rebuild. */
const SOURCE_DIRS = ['src/core', 'src/node', 'src/cli'];
const SOURCE_FILES = ['package.json', 'package-lock.json', 'scripts/cliBuild.mjs', 'tsconfig.base.json'];

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** Paths, sizes and modification times of every source; null when there are no sources (installed copy). */
export function sourceFingerprint() {
  const files = [];
  for (const d of SOURCE_DIRS) walk(join(root, d), files);
  if (files.length === 0) return null;
  for (const f of SOURCE_FILES) files.push(join(root, f));
  files.sort();
  const h = createHash('sha256');
  for (const f of files) {
    try {
      const st = statSync(f);
      h.update(`${relative(root, f)}\0${st.size}\0${st.mtimeMs}\n`);
    } catch {
      h.update(`${relative(root, f)}\0missing\n`);
    }
  }
  return h.digest('hex');
}

function builtFingerprint() {
  try {
    return JSON.parse(readFileSync(stampFile, 'utf8')).fingerprint;
  } catch {
    return undefined;
  }
}

export function cliIsFresh() {
  if (!existsSync(cliEntry) || !existsSync(workerEntry)) return false;
  const now = sourceFingerprint();
  return now === null || now === builtFingerprint();
}

/** One Node bundle with everything inlined (dependencies too: one file loads faster than hundreds). */
async function bundle(build, input, name, outDir) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    mode: 'production',
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      sourcemap: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: { [name]: input },
        output: { format: 'es', entryFileNames: '[name].mjs', codeSplitting: false },
      },
    },
  });
}

/** Builds both bundles into a private folder, then moves them into place (each move is atomic). */
export async function buildCli({ quiet = false } = {}) {
  const started = Date.now();
  const fingerprint = sourceFingerprint();
  const { build } = await import('vite');
  const tmp = join(root, 'out', `.cli-build-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    await bundle(build, join(root, 'src/cli/main.ts'), 'relief', tmp);
    await bundle(build, join(root, 'src/node/pool/jobWorker.ts'), 'jobWorker', tmp);
    mkdirSync(cliOutDir, { recursive: true });
    renameSync(join(tmp, 'jobWorker.mjs'), workerEntry);
    renameSync(join(tmp, 'relief.mjs'), cliEntry);
    writeFileSync(stampFile, `${JSON.stringify({ fingerprint, built: new Date().toISOString() })}\n`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!quiet)
    process.stderr.write(
      `relief: built the CLI into out/cli in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
}

/** The built CLI's entry, rebuilt first if a source changed since the last build. */
export async function ensureCliBuilt(opts = {}) {
  if (!cliIsFresh()) await buildCli(opts);
  return cliEntry;
}

// `node scripts/cliBuild.mjs` (npm's prepare step): build if stale; `--force` always.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--force')) await buildCli();
  else await ensureCliBuilt();
}
