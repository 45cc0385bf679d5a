/**
 * The basins tab (surface models): the basins job's map, each start of an 81 x 81 grid over the window
 * coloured by the critical point the chosen method ends at (core computes; this view only draws), with the
 * points marked by their classification and each basin's share of the window listed.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RUN_PALETTE } from '../../lib/runColors';
import { formatNumber } from '../../lib/format';
import { useApp, useDoc, useResults } from '../../state/AppContext';
import { axisTicks, drawXAxis, drawYAxis } from '../common/canvasAxes';
import { usePlotCanvas } from '../common/useCanvas';
import { criticalSymbol, drawSymbol } from '../Surface/textSprite';

const NONE = '#c8ccd4';
const DIVERGED = '#3a3f4b';
const NEWTON = '';

/** One colour per critical point: the run palette, then two more, so Himmelblau's nine all differ. */
const BASIN_PALETTE = [...RUN_PALETTE, '#7f3c8d', '#3969ac'];
const basinColor = (label: number) =>
  label === -1 ? NONE : label < 0 ? DIVERGED : BASIN_PALETTE[label % BASIN_PALETTE.length]!;

export function BasinMap() {
  const { t } = useTranslation();
  const { runner } = useApp();
  const surface = useDoc((s) => s.draft.model.kind === 'surface');
  const runNames = useDoc((s) => s.draft.runs.map((r) => r.name).join('\n'));
  const basins = useResults((s) => s.basins);
  const [method, setMethod] = useState<string>(NEWTON);
  const { ref, size, colors, begin } = usePlotCanvas('basins');
  const shares = useMemo(() => {
    if (!basins) return [];
    const counts = new Map<number, number>();
    for (const l of basins.label) counts.set(l, (counts.get(l) ?? 0) + 1);
    return [...counts.entries()]
      .sort((x, y) => y[1] - x[1])
      .map(([l, c]) => ({ l, share: c / basins.label.length }));
  }, [basins]);

  useEffect(() => {
    const ctx = begin();
    if (!ctx || !basins) return;
    const L = 40;
    const T = 8;
    const B = 30;
    const side = Math.max(10, Math.min(size.w - L - 8, size.h - T - B));
    const { n, window: w } = basins;
    const px = (a: number) => L + ((a - w.a[0]) / (w.a[1] - w.a[0])) * side;
    const py = (b: number) => T + side - ((b - w.b[0]) / (w.b[1] - w.b[0])) * side;
    const cell = side / n;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        ctx.fillStyle = basinColor(basins.label[i * n + j]!);
        // row i is b from low to high: drawn bottom-up
        ctx.fillRect(L + j * cell, T + side - (i + 1) * cell, Math.ceil(cell), Math.ceil(cell));
      }
    const box = { x: L, y: T, w: side, h: side };
    drawXAxis(ctx, box, axisTicks(w.a[0], w.a[1], side, 60), px, colors, false);
    drawYAxis(ctx, box, axisTicks(w.b[0], w.b[1], side, 40), py, colors, false);
    basins.points.forEach((p) => {
      const kind = p.kind as 'minimum' | 'saddle' | 'maximum' | 'degenerate';
      drawSymbol(ctx, criticalSymbol(kind), px(p.at[0]), py(p.at[1]), 6, '#ffffff');
    });
  }, [basins, size, colors, begin]);

  if (!surface) return <p className="muted analysis-body">{t('basins.surfaceOnly')}</p>;
  const label = (l: number) => {
    if (l === -1) return t('basins.none');
    if (l < 0) return t('basins.diverged');
    const p = basins!.points[l]!;
    return t('basins.point', {
      kind: t(`critical.${p.kind}`),
      a: formatNumber(p.at[0]),
      b: formatNumber(p.at[1]),
    });
  };
  return (
    <div className="analysis-body" data-testid="basins-tab">
      <div className="row">
        <label className="muted" title={t('basins.methodHelp')}>
          {t('basins.method')}{' '}
          <select value={method} data-testid="basins-method" onChange={(e) => setMethod(e.target.value)}>
            <option value={NEWTON}>{t('basins.newton')}</option>
            {runNames.split('\n').map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="btn"
          data-testid="basins-run"
          title={t('basins.runHelp')}
          onClick={() => runner.basins(method === NEWTON ? null : method)}
        >
          {t('basins.run')}
        </button>
        {basins ? (
          <span className="muted" data-testid="basins-summary">
            {t('basins.summary', { n: basins.n, method: basins.run ?? t('basins.newton') })}
          </span>
        ) : null}
      </div>
      {/* The map beside its key: a square map needs the panel's height, the key a column of its own. */}
      <div style={{ display: 'flex', flex: 1, minHeight: 0, gap: 8 }}>
        <div className="plot-host" style={{ minHeight: 120 }}>
          <canvas ref={ref} role="img" aria-label={t('basins.label')} />
        </div>
        {basins ? (
          <div
            className="key"
            data-testid="basins-key"
            style={{
              flexDirection: 'column',
              flexWrap: 'nowrap',
              overflowY: 'auto',
              maxWidth: '45%',
              gap: 4,
            }}
          >
            {shares.map(({ l, share }) => (
              <span key={l} className="key-item">
                <i className="swatch" style={{ background: basinColor(l), width: 10, height: 10 }} />{' '}
                {label(l)} · {Math.round(share * 100)}%
              </span>
            ))}
          </div>
        ) : (
          <p className="muted">{t('basins.empty')}</p>
        )}
      </div>
    </div>
  );
}
