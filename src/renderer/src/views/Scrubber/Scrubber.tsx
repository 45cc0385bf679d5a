/** The step scrubber: play/pause, step back/forward, a slider over all steps and the playback speed. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { maxStep } from '../../state/resultsStore';
import { useApp, useResults, useView } from '../../state/AppContext';
import { Select } from '../common/controls';
import { BackIcon, ForwardIcon, PauseIcon, PlayIcon } from '../common/icons';

const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;
/** At 1x a whole run plays in this many seconds. */
const SECONDS_AT_1X = 8;

export function Scrubber() {
  const { t } = useTranslation();
  const { view, results } = useApp();
  const last = useResults((s) => maxStep(s.runs));
  const step = useView((s) => s.step);
  const playing = useView((s) => s.playing);
  const speed = useView((s) => s.speed);
  const shown = step ?? last;

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    let prev = performance.now();
    let pos = view.get().step ?? 0;
    const end = maxStep(results.get().runs);
    if (pos >= end) pos = 0;
    const tick = (now: number) => {
      pos += ((now - prev) / 1000) * speed * (end / SECONDS_AT_1X);
      prev = now;
      if (pos >= end) {
        view.set({ step: end, playing: false });
        return;
      }
      view.set({ step: Math.floor(pos) });
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, [playing, speed, view, results]);

  const set = (s: number) => view.set({ step: Math.max(0, Math.min(last, s)), playing: false });
  return (
    <div className="scrubber" role="group" aria-label={t('scrub.label')}>
      <button
        type="button"
        className="icon-btn"
        title={t('scrub.backHelp')}
        aria-label={t('scrub.back')}
        onClick={() => set(shown - Math.max(1, Math.round(last / 100)))}
      >
        <BackIcon />
      </button>
      <button
        type="button"
        className="icon-btn play"
        data-testid="play"
        title={t('scrub.playHelp')}
        aria-label={playing ? t('scrub.pause') : t('scrub.play')}
        onClick={() =>
          view.set({
            playing: !playing,
            step: playing ? view.get().step : step === null || step >= last ? 0 : step,
          })
        }
      >
        {playing ? <PauseIcon /> : <PlayIcon />}
      </button>
      <button
        type="button"
        className="icon-btn"
        title={t('scrub.forwardHelp')}
        aria-label={t('scrub.forward')}
        onClick={() => set(shown + Math.max(1, Math.round(last / 100)))}
      >
        <ForwardIcon />
      </button>
      <input
        type="range"
        min={0}
        max={Math.max(1, last)}
        value={shown}
        aria-label={t('scrub.slider')}
        title={t('scrub.sliderHelp')}
        data-testid="scrubber"
        onChange={(e) => set(Number(e.target.value))}
      />
      <span className="scrub-step" data-testid="scrub-step">
        {t('scrub.step', { step: shown, last })}
      </span>
      <Select
        label={t('scrub.speed')}
        help={t('scrub.speedHelp')}
        value={speed}
        options={SPEEDS.map((v) => ({ value: v, label: `${v}×` }))}
        onChange={(v) => view.set({ speed: v })}
      />
    </div>
  );
}
