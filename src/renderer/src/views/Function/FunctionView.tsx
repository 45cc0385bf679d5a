/** The fitted-function panel: header with toggles and exports, the 1-D or 2-D plot, a key. */
import { useTranslation } from 'react-i18next';
import { toCsv } from '../../lib/csv';
import { getPlatform } from '../../platform';
import { useApp, useDoc, useView } from '../../state/AppContext';
import { Toggle } from '../common/controls';
import { exportFileName } from '../../lib/exportNames';
import { ExportPngButton } from '../common/ExportPngButton';
import { useExportBase } from '../common/useExportBase';
import { Function1d } from './Function1d';
import { Function2d } from './Function2d';
import { SurfaceFormula } from './SurfaceFormula';
import { useFunctionData, type FunctionData } from './useFunctionData';

function functionCsv(d: FunctionData): string {
  const n = d.target.length;
  const header =
    d.inputs === 1
      ? ['x', 'target', ...d.curves.map((c) => c.name)]
      : ['x', 'y', 'target', ...d.curves.map((c) => c.name)];
  const rows: (number | string)[][] = [];
  for (let i = 0; i < n; i++) {
    const xs = d.inputs === 1 ? [d.xs[i]!] : [d.xs[2 * i]!, d.xs[2 * i + 1]!];
    rows.push([...xs, d.target[i]!, ...d.curves.map((c) => c.y[i]!)]);
  }
  return toCsv(header, rows);
}

export function FunctionView() {
  const { t } = useTranslation();
  const { view } = useApp();
  const data = useFunctionData();
  const base = useExportBase();
  const experiment = useDoc((s) => s.experiment);
  const showKinks = useView((s) => s.showKinks);
  const showUnits = useView((s) => s.showUnits);
  const hover = useView((s) => s.hover);
  const pinned = useView((s) => s.pinned);
  const step = useView((s) => s.step);
  // A loss formula has no units, kinks or sampled function to export: only its PNG applies.
  const surfaceModel = experiment?.model.kind === 'surface' ? experiment.model : null;
  const isSurface = surfaceModel !== null;
  return (
    <section className="panel function-panel" aria-label={t('function.title')}>
      <header className="panel-head">
        <h2>
          {isSurface ? t('function.formulaTitle') : t('function.title')}{' '}
          <span className="muted" data-testid="function-source">
            {hover
              ? t('function.atCursor')
              : pinned
                ? t('function.atPinned')
                : step === null
                  ? t('function.atEnd')
                  : t('function.atStep', { step })}
          </span>
        </h2>
        <div className="toolbar">
          {isSurface ? null : (
            <Toggle
              label={t('function.kinks')}
              help={t('function.kinksHelp')}
              checked={showKinks}
              onChange={(v) => view.set({ showKinks: v })}
            />
          )}
          {data?.inputs === 1 ? (
            <Toggle
              label={t('function.units')}
              help={t('function.unitsHelp')}
              checked={showUnits}
              onChange={(v) => view.set({ showUnits: v })}
              testId="toggle-units"
            />
          ) : null}
          {isSurface ? null : (
            <button
              type="button"
              className="icon-btn"
              title={t('export.csvHelp')}
              data-testid="csv-function"
              disabled={!data}
              onClick={() =>
                data && void getPlatform().exportText(exportFileName(base, 'function'), functionCsv(data))
              }
            >
              CSV
            </button>
          )}
          <ExportPngButton name="function" />
        </div>
      </header>
      {data ? (
        data.inputs === 1 ? (
          <Function1d data={data} />
        ) : (
          <Function2d data={data} />
        )
      ) : surfaceModel ? (
        <SurfaceFormula model={surfaceModel} />
      ) : (
        <div className="empty">{t('function.invalid')}</div>
      )}
      {data ? (
        <footer className="key">
          <span className="key-item">
            <i className="swatch target" /> {t('function.target')}
          </span>
          <span className="key-item">
            <i className="swatch points" /> {t('function.points')}
          </span>
          {data.curves.map((c) => (
            <span key={c.name} className="key-item">
              <i className={`swatch${c.focus ? ' dashed' : ''}`} style={{ background: c.color }} />{' '}
              {c.focus ? t(`function.${c.name}`) : c.name}
            </span>
          ))}
        </footer>
      ) : null}
    </section>
  );
}
