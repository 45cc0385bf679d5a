/**
 * Writes a file atomically: a temp file in the same folder (so the rename stays on one file system),
 * every byte written (a short write is retried, no progress is an error: a full disk never passes as
 * success), flushed to disk, then renamed over the target. Any failure removes the temp file and leaves
 * the previous file as it was. Temp files are named `.NAME.<pid>.<ms>-<n>.tmp`; those left by a process
 * that no longer exists (kill -9 during a write) are removed on the next write to the same path.
 */
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

let sequence = 0;

/** Where the next atomic write of `path` puts its temp file (same folder, so the rename is atomic). */
export function tempPath(path: string): string {
  sequence += 1;
  return join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}-${sequence}.tmp`);
}

function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temp files of `path` left by processes that are gone; never fails the write itself. */
export function removeStrayTemps(path: string): string[] {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.`;
  const removed: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
    const m = /^(\d+)\.[0-9-]+\.tmp$/.exec(name.slice(prefix.length));
    if (!m || processAlive(Number(m[1]))) continue;
    try {
      rmSync(join(dir, name), { force: true });
      removed.push(name);
    } catch {
      // Someone else's file we may not remove: leave it.
    }
  }
  return removed;
}

function noProgress(path: string, written: number, total: number): Error {
  const err: NodeJS.ErrnoException = new Error(
    `${path}: wrote only ${written} of ${total} bytes (disk full?)`,
  );
  err.code = 'ENOSPC';
  return err;
}

/** The synchronous form (CLI): throws with the previous file untouched on any failure. */
export function writeFileAtomicSync(path: string, text: string): void {
  removeStrayTemps(path);
  const tmp = tempPath(path);
  const bytes = Buffer.from(text, 'utf8');
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      let done = 0;
      while (done < bytes.length) {
        const n = writeSync(fd, bytes, done, bytes.length - done);
        if (n <= 0) throw noProgress(path, done, bytes.length);
        done += n;
      }
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** The asynchronous form (main process): same guarantees, without blocking the event loop. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  removeStrayTemps(path);
  const tmp = tempPath(path);
  const bytes = Buffer.from(text, 'utf8');
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      let done = 0;
      while (done < bytes.length) {
        const { bytesWritten } = await fh.write(bytes, done, bytes.length - done);
        if (bytesWritten <= 0) throw noProgress(path, done, bytes.length);
        done += bytesWritten;
      }
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}
