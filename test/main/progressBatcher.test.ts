import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgressBatcher } from '../../src/main/node/progressBatcher';
import type { ProgressEvent } from '../../src/preload/api';

describe('progress batcher', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends at most one message per 33 ms, in order, dropping nothing', () => {
    const sent: { at: number; events: ProgressEvent[] }[] = [];
    const b = createProgressBatcher((events) => sent.push({ at: Date.now(), events }), 33);
    const start = Date.now();
    // 1,000 reports, one every millisecond of (fake) time.
    for (let i = 0; i < 1000; i++) {
      b.push({ fraction: i / 1000 });
      vi.advanceTimersByTime(1);
    }
    b.flush();
    const all = sent.flatMap((s) => s.events.map((e) => e.fraction));
    expect(all).toEqual(Array.from({ length: 1000 }, (_, i) => i / 1000));
    for (let i = 1; i < sent.length - 1; i++)
      expect(sent[i]!.at - sent[i - 1]!.at).toBeGreaterThanOrEqual(33);
    // ~1 s of reports: about 30 messages (+ the first, sent at once, and the final flush).
    expect(sent.length).toBeLessThanOrEqual(Math.ceil((Date.now() - start) / 33) + 2);
  });

  it('sends the first report at once and flush() empties the queue', () => {
    const sent: ProgressEvent[][] = [];
    const b = createProgressBatcher((e) => sent.push(e), 33);
    b.push({ fraction: 0.1 });
    expect(sent).toHaveLength(1);
    b.push({ fraction: 0.2 });
    b.push({ fraction: 0.3 });
    expect(sent).toHaveLength(1);
    b.flush();
    expect(sent[1]!.map((e) => e.fraction)).toEqual([0.2, 0.3]);
    b.flush();
    expect(sent).toHaveLength(2);
  });
});
