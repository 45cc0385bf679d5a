/**
 * Loss curves (uPlot): every run against step, evaluations or seconds; log axis; test loss dashed; with the bce
 * loss each run's accuracy dotted on a right-hand [0, 1] axis.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { toCsv } from '../../lib/csv';
import { THEME_COLORS } from '../../lib/themeColors';
import { getPlatform } from '../../platform';
import { useApp, useResults, useView } from '../../state/AppContext';
import type { CurveAxis } from '../../state/viewStore';
import { Segmented, Toggle } from '../common/controls';
import { canvasPng, registerExport } from '../common/exportRegistry';
import { exportFileName } from '../../lib/exportNames';
import { ExportPngButton } from '../common/ExportPngButton';
import { useExportBase } from '../common/useExportBase';
import { niceAxis } from '../common/uplotTicks';
import { Scrubber } from '../Scrubber/Scrubber';
import { curveTables } from './curveTables';

export function LossCurvesView() {
  const { t } = useTranslation();
  const { view, results } = useApp();
  const base = useExportBase();
  const axis = useView((s) => s.curveAxis);
  const log = useView((s) => s.curveLog);
  const theme = useView((s) => s.theme);
  const hidden = useView((s) => s.hiddenRuns);
  const allRuns = useResults((s) => s.runs);
  const runs = useMemo(() => allRuns.filter((r) => !hidden.includes(r.name)), [allRuns, hidden]);
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const colors = THEME_COLORS[theme];
  // The plot's width in pixels bounds the points drawn (two per pixel column).
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(el.clientWidth));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  const wanted = log;
  const tables = useMemo(
    () => curveTables(runs, axis, wanted, Math.max(50, width - 70)),
    [runs, axis, wanted, width],
  );
  // Log only where every value drawn is positive; otherwise the axis is linear and says why.
  const logOn = tables.log;
  const shape = tables.series.map((s) => `${s.run}:${s.test}:${s.accuracy}:${s.color}`).join('|');
  const hasAccuracy = tables.series.some((s) => s.accuracy);

  // (Re)create the chart when its series, axis, scale or theme change; otherwise only setData.
  const ready = tables.data[0].length >= 2;
  useEffect(() => {
    const el = host.current;
    if (!el || !ready) return;
    const axisStyle = {
      stroke: colors.muted,
      grid: { stroke: colors.grid, width: 1 },
      ticks: { stroke: colors.grid },
    };
    const opts: uPlot.Options = {
      width: Math.max(100, el.clientWidth),
      height: Math.max(80, el.clientHeight),
      legend: { show: false },
      // Dragging would zoom; a click instead moves the scrubber to that step (see below).
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false },
        y: logOn ? { distr: 3 } : {},
        ...(hasAccuracy ? { acc: { range: [0, 1] as [number, number] } } : {}),
      },
      axes: [
        { ...axisStyle, label: t(`curves.axis.${axis}`), labelSize: 18, size: 36, ...niceAxis(false, 70) },
        // Nice ticks in one format (lib/ticks); on a log axis only decades, the 2..9 clutter a small chart.
        { ...axisStyle, size: 62, ...niceAxis(logOn, 28) },
        ...(hasAccuracy
          ? [
              {
                ...axisStyle,
                scale: 'acc',
                side: 1,
                size: 40,
                grid: { show: false },
                label: t('curves.accuracy'),
                labelSize: 18,
              },
            ]
          : []),
      ],
      series: [
        {},
        ...tables.series.map((s) => ({
          label: s.accuracy
            ? `${s.run} (${t('curves.accuracy')})`
            : s.test
              ? `${s.run} (${t('curves.test')})`
              : s.run,
          stroke: s.color,
          width: s.test || s.accuracy ? 1.5 : 2,
          dash: s.accuracy ? [2, 3] : s.test ? [6, 4] : undefined,
          ...(s.accuracy ? { scale: 'acc' } : {}),
          spanGaps: true,
          points: { show: false },
        })),
      ],
      hooks: {
        draw: [
          (u) => {
            const st = view.get().step;
            if (st === null || axis !== 'step') return;
            const x = u.valToPos(st, 'x', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = theme === 'dark' ? '#ffffffaa' : '#1d2330aa';
            ctx.lineWidth = 1.5 * devicePixelRatio;
            ctx.beginPath();
            ctx.moveTo(x, u.bbox.top);
            ctx.lineTo(x, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    };
    const p = new uPlot(opts, tables.data as uPlot.AlignedData, el);
    plot.current = p;
    if (axis === 'step')
      p.over.addEventListener('click', () => {
        const left = p.cursor.left;
        if (left === undefined || left < 0) return;
        view.set({ step: Math.max(0, Math.round(p.posToVal(left, 'x'))), playing: false });
      });
    p.over.title = axis === 'step' ? t('curves.clickHelp') : '';
    const ro = new ResizeObserver(() =>
      p.setSize({ width: Math.max(100, el.clientWidth), height: Math.max(80, el.clientHeight) }),
    );
    ro.observe(el);
    const key = tables.series.map((s) => ({
      label: s.accuracy
        ? `${s.run} (${t('curves.accuracy')})`
        : s.test
          ? `${s.run} (${t('curves.test')})`
          : s.run,
      color: s.color,
      dash: s.test || s.accuracy === true,
    }));
    const unregister = registerExport('curves', () =>
      canvasPng(p.ctx.canvas, colors.plotBg, { key, text: colors.text }),
    );
    return () => {
      unregister();
      ro.disconnect();
      p.destroy();
      plot.current = null;
    };
  }, [shape, axis, logOn, theme, ready, hasAccuracy]);

  useEffect(() => {
    if (ready) plot.current?.setData(tables.data as uPlot.AlignedData);
  }, [tables, ready]);

  // Redraw the step cursor when scrubbing.
  useEffect(() => {
    let last = view.get().step;
    return view.subscribe(() => {
      const step = view.get().step;
      if (step === last) return;
      last = step;
      plot.current?.redraw(false, false);
    });
  }, [view]);

  const exportCsv = () => {
    const rs = results.get().runs;
    const n = Math.max(0, ...rs.map((r) => r.filled));
    const header = ['step'];
    for (const r of rs)
      header.push(`${r.name}_loss`, `${r.name}_test_loss`, `${r.name}_evals`, `${r.name}_time_s`);
    const rows: number[][] = [];
    for (let k = 0; k < n; k++) {
      const row = [k];
      for (const r of rs) {
        const res = r.result;
        row.push(
          k < r.filled ? r.loss[k]! : NaN,
          res?.testLoss[k] ?? NaN,
          res ? res.evals.loss[k]! + res.evals.grad[k]! : NaN,
          res ? res.timeMs[k]! / 1000 : NaN,
        );
      }
      rows.push(row);
    }
    void getPlatform().exportText(exportFileName(base, 'curves'), toCsv(header, rows));
  };

  return (
    <section className="panel curves-panel" aria-label={t('curves.title')}>
      <header className="panel-head">
        <h2>{t('curves.title')}</h2>
        <div className="toolbar">
          <Segmented<CurveAxis>
            label={t('curves.axisLabel')}
            value={axis}
            onChange={(v) => view.set({ curveAxis: v })}
            options={(['step', 'evals', 'time'] as const).map((v) => ({
              value: v,
              label: t(`curves.axisShort.${v}`),
              help: t(`curves.axisHelp.${v}`),
            }))}
          />
          <Toggle
            label={t('curves.log')}
            help={log && !logOn ? t('curves.logOffNonPositive') : t('curves.logHelp')}
            checked={logOn}
            onChange={(v) => view.set({ curveLog: v })}
          />
          <button
            type="button"
            className="icon-btn"
            title={t('export.csvHelp')}
            data-testid="csv-curves"
            onClick={exportCsv}
          >
            CSV
          </button>
          <ExportPngButton name="curves" />
        </div>
      </header>
      {tables.diverged.length > 0 || (log && !logOn) ? (
        <div className="curves-notes" role="status" data-testid="curves-notes">
          {tables.diverged.map((d) => (
            <span key={d.run} className="diverged-note">
              {t('curves.divergedAt', { run: d.run, step: d.step })}
            </span>
          ))}
          {log && !logOn ? <span className="muted">{t('curves.logOffNonPositive')}</span> : null}
        </div>
      ) : null}
      <div className="plot-host uplot-host" ref={host} data-testid="loss-curves" />
      <Scrubber />
    </section>
  );
}
