/**
 * Progress on stderr: a redrawn bar per task on a terminal, otherwise a line each time a task passes
 * another 25%, so logs stay short.
 */
export interface ProgressReporter {
  update(task: string, fraction: number): void;
  done(task: string, note: string): void;
  finish(): void;
}

export function createProgress(stream: NodeJS.WriteStream = process.stderr, quiet = false): ProgressReporter {
  const tasks = new Map<string, number>();
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
    for (const [t, f] of tasks) stream.write(`\x1b[2K${t.padEnd(16).slice(0, 16)} ${bar(f)}\n`);
    drawn = tasks.size;
  };
  return {
    update(task, fraction) {
      if (quiet) return;
      const prev = tasks.get(task) ?? -1;
      tasks.set(task, fraction);
      if (tty) redraw();
      else if (Math.floor(fraction * 4) > Math.floor(prev * 4))
        stream.write(`${task}: ${(fraction * 100).toFixed(0)}%\n`);
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
