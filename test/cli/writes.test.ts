/**
 * Result files are written whole or not at all, through the real built CLI (issue 17, "Writes"):
 * a full disk or a file-size limit fails the command and keeps the previous file byte for byte;
 * temp files of dead processes are removed by the next write; an --out that cannot be written or is
 * an input is refused before any work starts (exit 2, the path named).
 *
 * A full disk is a 64 KiB tmpfs when this process may mount one (root with CAP_SYS_ADMIN, as on the
 * development machine); a file-size limit (`ulimit -f`, SIGXFSZ ignored so write() returns a short
 * count and then EFBIG) needs no privilege and always runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../../scripts/cliBuild.mjs';
import { runCli, type CliOutcome } from './cliHarness';

const surface = (resolution: number) => ({
  relief: 1,
  name: 'himmelblau slice',
  model: { kind: 'surface', preset: 'himmelblau', start: [0.5, -0.5] },
  runs: [{ name: 'gd', optimizer: { type: 'sgd', lr: 0.01 }, steps: 20 }],
  landscape: {
    center: [0, 0],
    directions: { kind: 'explicit', d1: [1, 0], d2: [0, 1] },
    normalization: 'none',
    alpha: [-5, 5],
    beta: [-5, 5],
    resolution: [resolution, resolution],
  },
});

let dir = '';
let small = '';
let big = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'relief-writes-'));
  small = join(dir, 'small.json');
  big = join(dir, 'big.json');
  writeFileSync(small, JSON.stringify(surface(11)));
  writeFileSync(big, JSON.stringify(surface(101)));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const temps = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

/** The CLI under `ulimit -f KiB` with SIGXFSZ ignored (inherited through exec), as a shell user would. */
function runLimited(kib: number, args: string[]): Promise<CliOutcome> {
  const quoted = [process.execPath, cliEntry, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['-c', `ulimit -f ${kib}; trap '' XFSZ; exec ${quoted}`], {
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

/** Writes a good small slice to `out`, then tries the big one where it cannot fit. */
async function expectPreviousKept(out: string, attempt: () => Promise<CliOutcome>) {
  const first = await runCli(['landscape', small, '--out', out, '--quiet']);
  expect(first.code, first.stderr).toBe(0);
  const before = readFileSync(out);
  const r = await attempt();
  console.log(`exit ${r.code}: ${r.stderr.trim().split('\n').at(-1)}`);
  expect(r.code).toBe(1);
  expect(r.stderr).not.toMatch(/^wrote /m);
  expect(r.stderr).toContain(`cannot write ${out}`);
  expect(r.stderr).toContain('previous file there is unchanged');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(readFileSync(out).equals(before)).toBe(true);
  expect(JSON.parse(before.toString()).kind).toBe('slice');
  expect(temps(join(out, '..'))).toEqual([]);
}

describe('a write that does not fit', () => {
  it('under a file-size limit: exit 1, the previous file kept, no temp file left', async () => {
    const out = join(dir, 'limited.json');
    await expectPreviousKept(out, () => runLimited(48, ['landscape', big, '--out', out, '--quiet']));
  });

  const mnt = join(tmpdir(), `relief-tmpfs-${process.pid}`);
  mkdirSync(mnt, { recursive: true });
  const mounted =
    process.platform === 'linux' &&
    spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mnt]).status === 0;
  afterAll(() => {
    if (mounted) spawnSync('umount', [mnt]);
    rmSync(mnt, { recursive: true, force: true });
  });
  it.skipIf(!mounted)(
    'on a full 64 KiB tmpfs: exit 1, the previous file kept, no temp file left',
    async () => {
      const out = join(mnt, 'slice.json');
      await expectPreviousKept(out, () => runCli(['landscape', big, '--out', out, '--quiet']));
    },
  );
  if (!mounted)
    console.log('no tmpfs could be mounted here: the full-disk case is covered by the file-size limit');
});

describe('temp files of dead processes', () => {
  it('are removed by the next write to the same path; a live process keeps its own', async () => {
    const out = join(dir, 'strays.json');
    // 4194305 is above Linux's largest pid (2^22), so no process has it.
    const dead = `.strays.json.4194305.1733300000000-1.tmp`;
    const live = `.strays.json.${process.pid}.1733300000000-1.tmp`;
    const other = `.other.json.4194305.1733300000000-1.tmp`;
    for (const f of [dead, live, other]) writeFileSync(join(dir, f), 'partial');
    const r = await runCli(['landscape', small, '--out', out, '--quiet']);
    expect(r.code, r.stderr).toBe(0);
    const left = temps(dir);
    console.log('temp files left:', left);
    expect(left).not.toContain(dead);
    expect(left).toContain(live);
    expect(left).toContain(other);
    for (const f of left) rmSync(join(dir, f));
  });
});

describe('an --out that cannot be written is refused before any work (exit 2, the path named)', () => {
  const cases: [string, () => string, string][] = [
    ['the input itself', () => small, 'is also an input'],
    ['the input by another spelling', () => join(dir, '.', 'small.json'), 'is also an input'],
    ['in a missing folder', () => join(dir, 'no-such-folder', 'out.json'), 'does not exist'],
    ['a folder', () => dir, 'is a folder'],
    ['empty', () => '', 'the path is empty'],
    ['under /proc', () => '/proc/relief-out.json', 'cannot create a file'],
    ['under a file', () => join(small, 'out.json'), 'is not a folder'],
  ];
  for (const [what, path, message] of cases) {
    it(what, async () => {
      const out = path();
      const before = existsSync(small) ? readFileSync(small) : null;
      const r = await runCli(['run', small, '--out', out]);
      console.log(`${what}: exit ${r.code}: ${r.stderr.trim()}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      if (out) expect(r.stderr).toContain(out);
      expect(r.stderr).not.toMatch(/train|gd:|\n\s+at /);
      expect(readFileSync(small).equals(before!)).toBe(true);
    });
  }

  it('a read-only folder (a read-only tmpfs when mounts are allowed; root ignores permission bits)', async () => {
    const ro = join(tmpdir(), `relief-ro-${process.pid}`);
    mkdirSync(ro, { recursive: true });
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=16k', 'tmpfs', ro]).status === 0;
    if (!mounted) chmodSync(ro, 0o555);
    try {
      const probe = spawnSync('sh', ['-c', `touch '${ro}/x' 2>/dev/null && rm '${ro}/x'`]);
      if (probe.status === 0) {
        console.log(
          'this user can write to a read-only folder (root without mount rights): case not testable here',
        );
        return;
      }
      const out = join(ro, 'out.json');
      const r = await runCli(['run', small, '--out', out]);
      console.log(`read-only: exit ${r.code}: ${r.stderr.trim()}`);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(out);
      expect(r.stderr).toContain('cannot create a file');
    } finally {
      if (mounted) spawnSync('umount', [ro]);
      rmSync(ro, { recursive: true, force: true });
    }
  });

  it('merge: an --out that is one of the shards', async () => {
    const shard = join(dir, 'shard.json');
    writeFileSync(shard, '{"kind":"census-shard"}');
    const r = await runCli(['merge', shard, '--out', shard]);
    console.log(`merge: exit ${r.code}: ${r.stderr.trim()}`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is also an input');
    expect(readFileSync(shard, 'utf8')).toBe('{"kind":"census-shard"}');
  });
});
