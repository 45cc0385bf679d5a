/** Atomic writes, the app protocol's file lookup, the recent list, the title and the menu. */
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appFilePath } from '../../src/main/node/appFiles';
import { writeFileAtomic } from '../../src/node/atomicWrite';
import { documentTitle } from '../../src/main/node/documentTitle';
import { menuTemplate } from '../../src/main/node/menuTemplate';
import { RecentFiles } from '../../src/main/node/recentFiles';
import type { MenuCommand } from '../../src/preload/api';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'relief-files-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the content and leaves no temp file', async () => {
    const p = join(dir, 'a.json');
    await writeFile(p, 'old');
    await writeFileAtomic(p, 'new');
    expect(await readFile(p, 'utf8')).toBe('new');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
  it('on failure keeps what was there and cleans up', async () => {
    const target = join(dir, 'adir');
    await mkdir(target);
    await writeFile(join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, 'new')).rejects.toThrow();
    expect(await readFile(join(target, 'keep'), 'utf8')).toBe('x');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
  });
});

describe('appFilePath', () => {
  const root = '/opt/relief/renderer';
  it('maps URL paths inside the renderer folder', () => {
    expect(appFilePath(root, '/')).toBe('/opt/relief/renderer/index.html');
    expect(appFilePath(root, '/assets/index-1.js')).toBe('/opt/relief/renderer/assets/index-1.js');
  });
  it('never leaves it', () => {
    for (const p of [
      '/../main/index.js',
      '/assets/../../secret',
      '/%2e%2e/%2e%2e/x',
      '/..%2f..%2fetc/passwd',
    ]) {
      const f = appFilePath(root, p);
      expect(f === null || f.startsWith(`${root}/`), `${p} -> ${f}`).toBe(true);
    }
    expect(appFilePath(root, '/a%00b')).toBeNull();
    expect(appFilePath(root, '/%E0%A4%A')).toBeNull();
  });
});

describe('RecentFiles', () => {
  it('keeps the most recent first, without duplicates, at most max, across loads', async () => {
    const store = join(dir, 'recent.json');
    const r = new RecentFiles(store, 3);
    for (const p of ['/a.json', '/b.json', '/a.json', '/c.json', '/d.json']) await r.add(p);
    expect(r.entries.map((e) => e.path)).toEqual(['/d.json', '/c.json', '/a.json']);
    const again = new RecentFiles(store, 3);
    await again.load();
    expect(again.entries).toEqual(r.entries);
    await writeFile(store, '{not json');
    await again.load();
    expect(again.entries).toEqual([]);
  });
});

describe('window title and menu', () => {
  it('title shows the file name and an unsaved marker', () => {
    expect(documentTitle('a.json', false)).toBe('a.json — Relief');
    expect(documentTitle('a.json', true)).toBe('a.json • — Relief');
  });

  it('File has New, Open, Open Recent, Save, Save As and Export with accelerators; Edit, View, Lessons, Help', () => {
    const sent: MenuCommand[] = [];
    const opened: string[] = [];
    const t = menuTemplate(
      { command: (c) => sent.push(c), openRecent: (p) => opened.push(p), clearRecent: () => {} },
      [{ path: '/x/e.json', name: 'e.json' }],
      'linux',
    );
    expect(t.map((m) => m.label)).toEqual(['&File', '&Edit', '&View', '&Lessons', '&Help']);
    const file = t[0]!.submenu as Electron.MenuItemConstructorOptions[];
    const item = (label: string) => file.find((i) => i.label === label)!;
    expect(item('New Experiment').accelerator).toBe('CmdOrCtrl+N');
    expect(item('Open…').accelerator).toBe('CmdOrCtrl+O');
    expect(item('Save').accelerator).toBe('CmdOrCtrl+S');
    expect(item('Save As…').accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(item('Export Results…').accelerator).toBe('CmdOrCtrl+E');
    for (const label of ['New Experiment', 'Open…', 'Save', 'Save As…', 'Export Results…'])
      (item(label).click as () => void)();
    expect(sent).toEqual(['new', 'open', 'save', 'save-as', 'export']);
    const recent = item('Open Recent').submenu as Electron.MenuItemConstructorOptions[];
    (recent[0]!.click as () => void)();
    expect(opened).toEqual(['/x/e.json']);
    const view = t[2]!.submenu as Electron.MenuItemConstructorOptions[];
    const accelerators = view.map((i) => i.accelerator).filter(Boolean);
    expect(accelerators).toContain('CmdOrCtrl+Enter');
    expect(accelerators).not.toContain('Escape');
    expect((t[4]!.submenu as Electron.MenuItemConstructorOptions[])[0]!.role).toBe('about');
    const mac = menuTemplate(
      { command: () => {}, openRecent: () => {}, clearRecent: () => {} },
      [],
      'darwin',
    );
    expect(mac[0]!.role).toBe('appMenu');
  });
});
