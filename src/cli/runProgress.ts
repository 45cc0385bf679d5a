/** The coordinator's run events as the CLI's progress lines. */
import type { PipelineEvent } from '../core/pipeline/coordinator';
import type { ProgressReporter } from './progress';

/** `steps`: each run's step count, so the lines can say "step k/N". */
export function reportRuns(
  progress: ProgressReporter,
  ev: PipelineEvent,
  steps?: ReadonlyMap<string, number>,
): void {
  if (ev.type === 'run') progress.update(`train ${ev.name}`, ev.fraction, steps?.get(ev.name));
  if (ev.type === 'runFailed') progress.done(`train ${ev.name}`, `failed: ${ev.error.message}`);
  if (ev.type === 'runDone') {
    const r = ev.result;
    progress.done(
      `train ${ev.name}`,
      `${r.status}, ${r.steps} steps, final loss ${r.loss[r.loss.length - 1]?.toPrecision(6)} (${r.engine} engine, ${r.kernel === 'wasm' ? 'WebAssembly' : 'JavaScript'})`,
    );
  }
}
