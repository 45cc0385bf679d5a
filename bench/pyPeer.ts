/** The numpy/torch peer process (bench/peers.py) as a request/reply channel over stdin/stdout lines. */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

export interface PyPeer {
  readonly numpy: string;
  readonly torch: string | null;
  readonly torchThreads: number;
  request<T>(req: object): Promise<T>;
  close(): void;
}

/** A python3 that imports numpy, preferring one that also imports torch; null without one. */
export function findPython(): string | null {
  let fallback: string | null = null;
  for (const py of ['/usr/bin/python3', 'python3']) {
    if (spawnSync(py, ['-c', 'import numpy']).status !== 0) continue;
    if (spawnSync(py, ['-c', 'import torch']).status === 0) return py;
    fallback ??= py;
  }
  return fallback;
}

export async function startPyPeer(
  py: string,
  here: string,
  x: Float64Array,
  y: Float64Array,
  tasks: object[],
): Promise<PyPeer> {
  const child: ChildProcessWithoutNullStreams = spawn(py, [path.join(here, 'peers.py')]);
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout }).on('line', (line) => waiting.shift()?.(line));
  const request = <T>(req: object): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const onExit = () => reject(new Error(`peers.py exited: ${stderr}`));
      child.once('exit', onExit);
      waiting.push((line) => {
        child.off('exit', onExit);
        resolve(JSON.parse(line) as T);
      });
      child.stdin.write(JSON.stringify(req) + '\n');
    });
  const info = await request<{ numpy: string; torch: string | null; threads?: number }>({
    op: 'init',
    x: Array.from(x),
    y: Array.from(y),
    tasks,
  });
  return {
    numpy: info.numpy,
    torch: info.torch,
    torchThreads: info.threads ?? 0,
    request,
    close() {
      child.stdin.write(JSON.stringify({ op: 'exit' }) + '\n');
      child.stdin.end();
    },
  };
}
