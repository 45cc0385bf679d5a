/**
 * Progress from the worker pool to the renderer: events are queued and sent together at most once
 * per `intervalMs` (33 ms: about 30 messages a second), never dropped, since a train job's progress
 * carries the loss values since its previous report.
 */
import type { ProgressEvent } from '../../preload/api';

export interface ProgressBatcher {
  push(event: ProgressEvent): void;
  /** Sends whatever is queued now (before the result, so progress never arrives after it). */
  flush(): void;
}

export function createProgressBatcher(
  send: (events: ProgressEvent[]) => void,
  intervalMs = 33,
  clock: { now(): number } = Date,
): ProgressBatcher {
  let queue: ProgressEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastSent = -Infinity;
  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    lastSent = clock.now();
    send(events);
  };
  return {
    push(event) {
      queue.push(event);
      if (timer !== undefined) return;
      const wait = lastSent + intervalMs - clock.now();
      if (wait <= 0) flush();
      else timer = setTimeout(flush, wait);
    },
    flush,
  };
}
