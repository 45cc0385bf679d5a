/** The left panel: target, data and model (or an analytic surface), and the runs of the Experiment. */
import { useTranslation } from 'react-i18next';
import { problemText } from '../../i18n/problemText';
import { gallery } from '../../../../core/surface/gallery';
import { useApp, useDoc } from '../../state/AppContext';
import { CsvImport } from './CsvImport';
import { DataSection } from './DataSection';
import { ExpressionField } from './ExpressionField';
import { KnotEditor } from './KnotEditor';
import { ModelSection } from './ModelSection';
import { PresetGallery } from './PresetGallery';
import { RunsSection } from './RunsSection';
import { SurfaceSection } from './SurfaceSection';

export function ExperimentPanel() {
  const { t } = useTranslation();
  const problems = useDoc((s) => s.problems);
  const isNetwork = useDoc((s) => s.net !== null);
  return (
    <aside className="panel experiment-panel" aria-label={t('experiment.title')}>
      {isNetwork ? (
        <NetworkSections />
      ) : (
        <section>
          <h3>{t('experiment.surface')}</h3>
          <SurfaceSection />
        </section>
      )}
      <section>
        <h3>{t('experiment.runs')}</h3>
        <RunsSection />
      </section>
      {problems.length > 0 ? (
        <section className="problems" aria-live="polite" data-testid="problems">
          <h3>{t('experiment.problems', { count: problems.length })}</h3>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.path || '/'}</code> {problemText(p)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}

function NetworkSections() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const first = [...gallery.values()][0];
  return (
    <>
      <section>
        <h3>{t('experiment.target')}</h3>
        <PresetGallery />
        <ExpressionField />
        <KnotEditor />
        <CsvImport />
        {first ? (
          <button
            type="button"
            className="link"
            title={t('surfaceModel.switchHelp')}
            data-testid="use-surface"
            onClick={() =>
              doc.replace({
                ...doc.get().draft,
                name: first.name,
                model: { kind: 'surface', preset: first.name },
                data: undefined,
                // Steps small enough for the gallery's steep valleys.
                runs: [
                  { name: 'gd', optimizer: { type: 'sgd', lr: 0.001 }, steps: 500, color: '#d55e00' },
                  {
                    name: 'momentum',
                    optimizer: { type: 'sgd', lr: 0.0005, momentum: 0.9 },
                    steps: 500,
                    color: '#009e73',
                  },
                  { name: 'adam', optimizer: { type: 'adam', lr: 0.05 }, steps: 500, color: '#3b6fd8' },
                ],
              } as never)
            }
          >
            {t('surfaceModel.switch')}
          </button>
        ) : null}
      </section>
      <section>
        <h3>{t('experiment.data')}</h3>
        <DataSection />
      </section>
      <section>
        <h3>{t('experiment.model')}</h3>
        <ModelSection />
      </section>
    </>
  );
}
