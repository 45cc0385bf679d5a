/**
 * Issue 17, item 9 (desktop): every IPC message is parsed by its channel's schema before its handler
 * runs; `file:openPath` opens only files the user chose (a dialog, Open Recent, this window's own), a
 * file that is not JSON is reported without echoing its content, and a path opened that way cannot be
 * saved over by a page that names it. Real IPC handlers, real files, a real worker pool.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createIpcHandlers } from '../../src/main/node/ipcHandlers';
import { RecentFiles } from '../../src/main/node/recentFiles';
import { RecoveryStore } from '../../src/main/node/recovery';
import { createNodePool } from '../../src/node/pool/nodePool';
import { INVOKE_CHANNELS, SEND_CHANNELS } from '../../src/preload/channels';
import { tally } from './tally';

const pool = createNodePool(1);
afterAll(() => pool.close());

const good = {
  relief: 1,
  data: { target: { expr: 'sin(3*x)' }, train: { n: 20 } },
  model: { inputs: 1, hidden: [3] },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.1 }, steps: 3 }],
};

async function setUp() {
  const dir = await mkdtemp(join(tmpdir(), 'relief-ipc-rel-'));
  const problems: string[] = [];
  let chosen: string | null = null;
  const h = createIpcHandlers({
    pool,
    recent: new RecentFiles(join(dir, 'recent.json')),
    recovery: new RecoveryStore(join(dir, 'recovery.json'), () => {}),
    dialogs: {
      chooseOpenPath: async () => chosen,
      chooseSavePath: async () => null,
      showOpenProblems: async (m) => void problems.push(m),
    },
    emit: () => {},
    setDocument: () => {},
  });
  return { h, dir, problems, choose: (p: string) => (chosen = p) };
}

const ctx = { senderId: 1 };

/** [channel, arguments that do not fit its schema]. */
const badArgs: [string, unknown[]][] = [
  ['job:run', [{ id: 1 }, 'train', {}]],
  ['job:run', ['../x', 'train', {}]],
  ['file:open', ['/tmp/x.json']],
  ['file:openPath', [42]],
  ['file:openPath', ['relative.json']],
  ['file:openPath', ['/etc/passwd']],
  ['file:openPath', ['/tmp/a.json', 'extra']],
  ['file:save', [5, null]],
  ['file:save', [good, '/tmp/not-json.txt']],
  ['file:export', ['', 'text']],
  ['file:export', ['x.csv', 7]],
  ['file:recent', [1]],
  ['recovery:write', [good, 'n'.repeat(300)]],
  ['recovery:write', [null, 'draft']],
  ['recovery:pending', ['x']],
  ['recovery:clear', [1]],
  ['job:cancel', [null]],
  ['window:setDocument', ['name', 'yes']],
  ['window:setDocument', ['name']],
];

describe('reliability: IPC arguments and file access', () => {
  const t = tally('IPC');

  it('every channel has a schema, and arguments that do not fit it are refused', async () => {
    const { h } = await setUp();
    const channels = [...INVOKE_CHANNELS, ...SEND_CHANNELS];
    for (const [channel, args] of badArgs) {
      const handler =
        (h.invoke as Record<string, (...a: unknown[]) => unknown>)[channel] ??
        (h.send as Record<string, (...a: unknown[]) => unknown>)[channel];
      let refused = false;
      let message = '';
      try {
        await handler!(ctx, ...args);
      } catch (e) {
        refused = true;
        message = (e as Error).message;
      }
      t.record(`${channel}(${JSON.stringify(args).slice(0, 40)})`, refused && message.length < 500);
      expect(refused, `${channel} ${JSON.stringify(args).slice(0, 60)}`).toBe(true);
      expect(message.length).toBeLessThan(500);
    }
    expect(new Set(badArgs.map(([c]) => c)).size).toBe(channels.length - 1); // all but file:openDropped
  });

  it('openPath opens only chosen files; a non-JSON file is reported without its content', async () => {
    const { h, dir, problems, choose } = await setUp();
    const secret = join(dir, 'secret.json');
    await writeFile(secret, 'password=hunter2-very-secret-content');
    await expect(h.invoke['file:openPath']!(ctx, secret)).rejects.toThrow(/only files in Open Recent/);
    const saveOver = h.invoke['file:save']!(ctx, good, secret);
    await expect(saveOver).rejects.toThrow(/opened or saved/);
    choose(secret);
    const r = await h.invoke['file:open']!(ctx);
    expect(r).toMatchObject({ ok: false });
    const shown = problems.join('\n') + JSON.stringify(r);
    t.record('a page-named path is refused', true);
    t.record(
      'a non-JSON file: no content in the error',
      !shown.includes('hunter2') && !shown.includes('password'),
    );
    expect(shown).toContain('not valid JSON');
    expect(shown).not.toContain('hunter2');
    expect(shown).not.toContain('password');
  });

  it('a file chosen in the dialog can be opened again by path and saved without a dialog', async () => {
    const { h, dir, choose } = await setUp();
    const file = join(dir, 'chosen.json');
    await writeFile(file, JSON.stringify(good));
    choose(file);
    expect(await h.invoke['file:open']!(ctx)).toMatchObject({ ok: true });
    expect(await h.invoke['file:openPath']!(ctx, file)).toMatchObject({ ok: true });
    expect(await h.invoke['file:save']!(ctx, good, file)).toMatchObject({ ok: true });
    expect(await h.invoke['file:openPath']!({ senderId: 2 }, file)).toMatchObject({ ok: true }); // recent
    t.record('a chosen file: reopened, saved, in Open Recent', true);
  });
});
