/**
 * Progress on stderr: a redrawn bar per task on a terminal, otherwise a line each time a task passes
 * another 25% or every 10 s, so logs stay short and a long run still shows it is moving. Each line
 * says the step (when the task has a step count) and the time left, from the rate so far.
 */
export interface ProgressReporter {
  /** `total`: the task's step count, to show "step k/total". */
  update(task: string, fraction: number, total?: number): void;
  done(task: string, note: string): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressReporter {
  const tasks = new Map<string, number>();
  const started = new Map<string, number>();
  const totals = new Map<string, number>();
  const lastLine = new Map<string, number>();
  /** " step 370/1000, 12 s left" (the ETA once there is a rate to go by). */
  const detail = (task: string, f: number) => {
    const total = totals.get(task);
    const step = total ? ` step ${Math.floor(f * total)}/${total}` : '';
    const elapsed = (Date.now() - (started.get(task) ?? Date.now())) / 1000;
    const left = f > 0.001 && f < 1 && elapsed > 1 ? `, ${formatSeconds((elapsed * (1 - f)) / f)} left` : '';
    return `${step}${left}`;
  };
  const tty = stream.isTTY === true;
  let drawn = 0;
  let lastDraw = 0;
  const bar = (f: number) => {
    const w = 24;
    const full = Math.round(f * w);
    return `[${'#'.repeat(full)}${'.'.repeat(w - full)}] ${(f * 100).toFixed(0).padStart(3)}%`;
  };
  const redraw = (force = false) => {
    const now = Date.now();
    if (!force && now - lastDraw < 100) return;
    lastDraw = now;
    if (drawn) stream.write(`\x1b[${drawn}A`);
    for (const [t, f] of tasks)
      stream.write(`\x1b[2K${t.padEnd(16).slice(0, 16)} ${bar(f)}${detail(t, f)}\n`);
    drawn = tasks.size;
  };
  return {
    update(task, fraction, total) {
      if (quiet) return;
      const now = Date.now();
      if (!started.has(task)) started.set(task, now);
      if (total !== undefined) totals.set(task, total);
      const prev = tasks.get(task) ?? -1;
      tasks.set(task, fraction);
      if (tty) redraw();
      else if (
        Math.floor(fraction * 4) > Math.floor(prev * 4) ||
        now - (lastLine.get(task) ?? now) >= 10_000
      ) {
        lastLine.set(task, now);
        stream.write(`${task}: ${(fraction * 100).toFixed(0)}%${detail(task, fraction)}\n`);
      }
    },
    done(task, note) {
      if (quiet) return;
      tasks.set(task, 1);
      if (tty) redraw(true);
      stream.write(`${task}: ${note}\n`);
      if (tty) drawn = 0;
    },
    finish() {
      if (tty && !quiet) redraw(true);
    },
  };
}

function formatSeconds(s: number): string {
  if (s < 90) return `${Math.ceil(s)} s`;
  if (s < 5400) return `${Math.round(s / 60)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}
