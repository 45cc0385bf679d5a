/** The coordinator's run events as the CLI's progress lines. */
import type { PipelineEvent } from '../core/pipeline/coordinator';
import type { ProgressReporter } from './progress';

export function reportRuns(progress: ProgressReporter, ev: PipelineEvent): void {
  if (ev.type === 'run') progress.update(`train ${ev.name}`, ev.fraction);
  if (ev.type === 'runDone') {
    const r = ev.result;
    progress.done(
      `train ${ev.name}`,
      `${r.status}, ${r.steps} steps, final loss ${r.loss[r.loss.length - 1]?.toPrecision(6)} (${r.engine} engine, ${r.kernel === 'wasm' ? 'WebAssembly' : 'JavaScript'})`,
    );
  }
}
