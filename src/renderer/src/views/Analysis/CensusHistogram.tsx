/** The census tab: a histogram of final losses (log scale) over seeded starts, stacked by run colour. */
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { niceTicks } from '../../lib/ticks';
import { AXIS_FONT, axisTicks, drawXAxis, drawYAxis } from '../common/canvasAxes';
import { useApp, useResults } from '../../state/AppContext';
import { usePlotCanvas } from '../common/useCanvas';

const BINS = 20;

export function CensusHistogram() {
  const { t } = useTranslation();
  const { runner } = useApp();
  const census = useResults((s) => s.census);
  const runs = useResults((s) => s.runs);
  const { ref, size, colors, begin } = usePlotCanvas('census', {
    key: runs.map((r) => ({ label: r.name, color: r.color })),
  });
  const hist = useMemo(() => {
    if (!census || census.finalLosses.length === 0) return null;
    const logs = census.finalLosses.map((f) => Math.log10(Math.max(f.loss, 1e-300)));
    const lo = Math.min(...logs);
    const hi = Math.max(...logs) + 1e-9;
    const names = runs.map((r) => r.name);
    const counts = Array.from({ length: BINS }, () => new Array(names.length).fill(0) as number[]);
    census.finalLosses.forEach((f, k) => {
      const b = Math.min(BINS - 1, Math.floor(((logs[k]! - lo) / (hi - lo || 1)) * BINS));
      const r = Math.max(0, names.indexOf(f.optimizer));
      counts[b]![r]!++;
    });
    return { lo, hi, counts, max: Math.max(...counts.map((c) => c.reduce((a, v) => a + v, 0))) };
  }, [census, runs]);

  useEffect(() => {
    const ctx = begin();
    if (!ctx) return;
    if (!hist) return;
    const L = 34;
    const T = 8;
    const B = 36;
    const W = size.w - L - 8;
    const H = size.h - T - B;
    const bw = W / BINS;
    ctx.font = '11px system-ui, sans-serif';
    ctx.fillStyle = colors.muted;
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    // Counts are whole numbers: integer 1-2-5 ticks from 0 to the tallest bar.
    const countTicks = niceTicks(0, hist.max, Math.max(2, Math.min(5, Math.floor(H / 24)))).filter((tk) =>
      Number.isInteger(tk.value),
    );
    const py = (n: number) => T + H - (n / hist.max) * (H - 4);
    drawYAxis(ctx, { x: L, y: T, w: W, h: H }, countTicks, py, colors);
    hist.counts.forEach((cs, b) => {
      let y = T + H;
      cs.forEach((n, r) => {
        if (n === 0) return;
        const h = (n / hist.max) * (H - 4);
        ctx.fillStyle = runs[r]?.color ?? '#3b6fd8';
        ctx.fillRect(L + b * bw + bw * 0.1, y - h, bw * 0.8, h);
        y -= h;
      });
    });
    // The bins are even in log10 loss: decade ticks along them.
    const px = (loss: number) => L + ((Math.log10(loss) - hist.lo) / (hist.hi - hist.lo || 1)) * W;
    drawXAxis(
      ctx,
      { x: L, y: T, w: W, h: H },
      axisTicks(10 ** hist.lo, 10 ** hist.hi, W, 60, true),
      px,
      colors,
      false,
    );
    ctx.font = AXIS_FONT;
    ctx.fillStyle = colors.muted;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'center';
    ctx.fillText(t('census.axisShort'), L + W / 2, T + H + 19);
  }, [hist, size, colors, runs, begin, t]);

  return (
    <div className="analysis-body" data-testid="census-tab">
      <div className="row">
        <button type="button" className="btn" title={t('census.runHelp')} onClick={() => runner.census()}>
          {t('census.run')}
        </button>
        {census ? (
          <span className="muted">
            {t('census.summary', {
              n: census.finalLosses.length,
              minima: census.minima ?? '—',
              share: census.bestShare !== undefined ? `${Math.round(census.bestShare * 100)}%` : '—',
            })}
          </span>
        ) : null}
      </div>
      {hist ? (
        <div className="plot-host">
          <canvas ref={ref} role="img" aria-label={t('census.label')} />
        </div>
      ) : (
        <>
          <p className="muted">{t('census.empty')}</p>
          <div className="plot-host">
            <canvas ref={ref} aria-hidden />
          </div>
        </>
      )}
      {hist ? (
        <div className="key">
          {runs.map((r) => (
            <span key={r.name} className="key-item">
              <i className="swatch" style={{ background: r.color }} /> {r.name}
            </span>
          ))}
        </div>
      ) : null}
    </div>
  );
}
