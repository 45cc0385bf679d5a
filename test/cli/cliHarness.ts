/** Runs the real CLI in a child process: the built bundle (out/cli, made by the test setup), as a user would. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cliEntry } from '../../scripts/cliBuild.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliEntry, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
