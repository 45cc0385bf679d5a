/** The top bar: document title, Run / Cancel, plane choice, auto-recompute, export, theme and language. */
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../i18n';
import { LessonsButton } from '../../lessons/LessonsButton';
import { useApp, useDoc, useResults, useView } from '../../state/AppContext';
import { defaultOf } from '../../../../core/experiment/defaults';
import { landscapeSchema } from '../../../../core/experiment/landscapeSchema';
import type { PlaneKind } from '../../../../core/pipeline/plan';
import { planeKindOf, setPlaneKind } from '../../jobs/landscapeEdits';
import { Select, Toggle } from '../common/controls';
import { MoonIcon, SunIcon } from '../common/icons';
import { ExportMenu } from './ExportMenu';
import { useStale } from '../common/useStale';
import { FileButtons } from './FileButtons';

const PLANES: readonly PlaneKind[] = ['random', 'pca', 'hessian', 'interpolate', 'axes', 'explicit'];

export function TopBar() {
  const { t, i18n } = useTranslation();
  const { view, runner, results, doc } = useApp();
  const name = useDoc((s) => s.fileName ?? s.draft.name ?? t('app.untitled'));
  const dirty = useDoc((s) => s.dirty);
  const valid = useDoc((s) => s.experiment !== null);
  // An analytic surface is sliced on its own (a, b) plane: there is no direction to choose.
  const isSurface = useDoc((s) => s.draft.model?.kind === 'surface');
  const progress = useResults((s) => s.progress);
  const error = useResults((s) => s.error);
  const plane = useDoc((s) => planeKindOf(s.experiment));
  const autoRun = useView((s) => s.autoRun);
  const theme = useView((s) => s.theme);
  const stale = useStale();
  return (
    <header className="topbar">
      <div className="brand">
        <span className="logo" aria-hidden>
          ◭
        </span>
        <h1>
          Relief{' '}
          <span className="doc-name">
            — {name}
            {dirty ? ' •' : ''}
          </span>
        </h1>
      </div>
      <div className="actions">
        <FileButtons />
        <button
          type="button"
          className="btn primary"
          disabled={!valid}
          onClick={() => runner.run()}
          title={t('top.runHelp')}
          data-testid="run"
        >
          ▶ {t('top.run')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={!progress}
          onClick={() => runner.cancel()}
          title={t('top.cancelHelp')}
          data-testid="cancel"
        >
          ■ {t('top.cancel')}
        </button>
        {stale.results || stale.slice ? (
          <span
            className="stale-chip"
            role="status"
            data-testid="stale"
            title={valid ? (autoRun ? t('top.staleAuto') : t('top.staleManual')) : t('top.staleInvalid')}
          >
            {t('top.stale')}
          </span>
        ) : null}
        <Toggle
          label={t('top.auto')}
          help={t('top.autoHelp')}
          checked={autoRun}
          onChange={(v) => view.set({ autoRun: v })}
        />
        {isSurface ? (
          <Select<'parameters'>
            label={t('top.plane')}
            help={t('top.planeSurfaceHelp')}
            value="parameters"
            options={[{ value: 'parameters', label: t('plane.parameters') }]}
            onChange={() => undefined}
            testId="plane"
            disabled
          />
        ) : (
          <Select<PlaneKind>
            label={t('top.plane')}
            help={`${t('top.planeHelp')} ${t(`glossary.plane.${plane}`, { defaultValue: '' })}`}
            value={plane ?? defaultOf(landscapeSchema.shape.directions)!.kind}
            options={PLANES.map((p) => ({ value: p, label: t(`plane.${p}`) }))}
            onChange={(v) => {
              // The plane is the document's (landscape.directions): an edit, then the slice again.
              setPlaneKind(doc, v);
              runner.reslice();
            }}
            testId="plane"
          />
        )}
        <ExportMenu />
        <LessonsButton />
      </div>
      <span className="progress-status" role="status" data-testid="progress-status">
        {progress ? `${t(`progress.${progress.label}`)} ${Math.round(progress.fraction * 100)}%` : ''}
      </span>
      <div className="prefs">
        <button
          type="button"
          className="icon-btn"
          title={t('top.themeHelp')}
          aria-label={t('top.theme')}
          onClick={() => view.set({ theme: theme === 'dark' ? 'light' : 'dark' })}
        >
          {theme === 'dark' ? <SunIcon /> : <MoonIcon />}
        </button>
        <button
          type="button"
          className="icon-btn"
          title={t('top.languageHelp')}
          aria-label={t('top.language')}
          onClick={() => setLanguage(i18n.language === 'zh' ? 'en' : 'zh')}
        >
          {i18n.language === 'zh' ? 'EN' : '中'}
        </button>
        <button
          type="button"
          className="icon-btn"
          title={t('shortcuts.title')}
          aria-label={t('shortcuts.title')}
          onClick={() => view.set({ showShortcuts: true })}
        >
          ?
        </button>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={t('top.progress')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={progress ? Math.round(progress.fraction * 100) : 100}
        data-testid="progress"
      >
        <div
          className="progress-fill"
          style={{ width: progress ? `${Math.max(2, progress.fraction * 100)}%` : '0%' }}
        />
      </div>
      {error ? (
        <div className="error-banner" role="alert" data-testid="error">
          {error}
          <button
            type="button"
            className="link close"
            aria-label={t('top.dismiss')}
            onClick={() => results.set({ error: null })}
          >
            ×
          </button>
        </div>
      ) : null}
    </header>
  );
}
