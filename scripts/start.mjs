// npm start: build and open the desktop app. Where Electron cannot start (no binary can be had, as
// on machines without network access to its download), say so in one line and serve the web build
// instead. `--web` (npm run web) goes straight to the web build. Ctrl-C stops.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './serveStatic.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const webOnly = process.argv.includes('--web');
const portArg = process.argv.find((a) => a.startsWith('--port='));
const port = portArg ? Number(portArg.slice('--port='.length)) : 5178;

/** The Electron binary's path, asked in a child process so a failed lazy download stays quiet. */
function electronBinary() {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: root,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return r.status === 0 && r.stdout ? r.stdout : null;
}

function nodeAtLeast(major, minor) {
  const [a, b] = process.versions.node.split('.').map(Number);
  return a > major || (a === major && b >= minor);
}

async function buildWeb() {
  const { build } = await import('vite');
  await build({ configFile: resolve(root, 'vite.web.config.ts'), logLevel: 'warn', mode: 'production' });
}

async function serveWeb() {
  await buildWeb();
  const server = await serveStatic(resolve(root, 'dist-web'), port);
  console.log(`Relief (web) at ${server.url}  (Ctrl-C stops)`);
  const stop = () => server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (webOnly) {
  await serveWeb();
} else {
  // electron 45 and its installer declare Node >= 22.12: say so in one line, then try (its own binary
  // carries its own Node; where it cannot be had, the web version is served below as always).
  if (!nodeAtLeast(22, 12))
    console.log(`The desktop app needs Node.js 22.12 or newer (this is ${process.version}); trying anyway.`);
  const { build } = await import('electron-vite');
  await build({ root, logLevel: 'warn' });
  const binary = electronBinary();
  if (!binary) {
    console.log(
      'Electron cannot start here (its binary is missing and cannot be downloaded); serving the web version instead.',
    );
    await serveWeb();
  } else {
    const child = spawn(binary, [root], { stdio: 'inherit' });
    const forward = (sig) => child.kill(sig);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('exit', (code) => process.exit(code ?? 0));
  }
}
