/**
 * The figures a reliability suite prints: how many hostile cases it tried, how many were handled as
 * specified, and what it measured on the way (seconds to refuse a formula, bytes written, ...).
 * Each test file keeps one tally and prints it after its last test.
 */
import { afterAll } from 'vitest';

export interface Tally {
  /** Counts one case; `ok` is whether it behaved as specified (the test's expect decides pass/fail). */
  record(name: string, ok: boolean, figure?: string): void;
}

export function tally(suite: string): Tally {
  const rows: { name: string; ok: boolean; figure?: string }[] = [];
  afterAll(() => {
    const passed = rows.filter((r) => r.ok).length;
    const lines = rows.map((r) => `  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name}${r.figure ? `: ${r.figure}` : ''}`);
    console.log(`reliability · ${suite}: ${rows.length} cases tried, ${passed} passed\n${lines.join('\n')}`);
  });
  return {
    record(name, ok, figure) {
      rows.push({ name, ok, ...(figure ? { figure } : {}) });
    },
  };
}

/** The stderr block `validate` wrote for one file of a batch ("relief: FILE: ..." up to the next one). */
export function blockFor(stderr: string, file: string): string {
  return stderr.split(/^relief: /m).find((b) => b.startsWith(`${file}:`)) ?? '';
}
