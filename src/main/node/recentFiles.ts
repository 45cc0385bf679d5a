/** The Open Recent list: most recent first, no duplicates, at most `max`, kept in a small JSON file. */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { RecentFile } from '../../preload/api';
import { writeFileAtomic } from '../../node/atomicWrite';

export class RecentFiles {
  private list: string[] = [];

  constructor(
    private readonly storePath: string,
    private readonly max = 10,
  ) {}

  async load(): Promise<void> {
    try {
      const v: unknown = JSON.parse(await readFile(this.storePath, 'utf8'));
      this.list = Array.isArray(v)
        ? v.filter((p): p is string => typeof p === 'string').slice(0, this.max)
        : [];
    } catch {
      this.list = [];
    }
  }

  get entries(): RecentFile[] {
    return this.list.map((path) => ({ path, name: basename(path) }));
  }

  has(path: string): boolean {
    return this.list.includes(path);
  }

  async add(path: string): Promise<void> {
    this.list = [path, ...this.list.filter((p) => p !== path)].slice(0, this.max);
    await this.persist();
  }

  async remove(path: string): Promise<void> {
    this.list = this.list.filter((p) => p !== path);
    await this.persist();
  }

  private persist(): Promise<void> {
    return writeFileAtomic(this.storePath, JSON.stringify(this.list));
  }
}
