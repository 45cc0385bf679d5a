/** The left panel: target, data, model and runs of the Experiment document. */
import { useTranslation } from 'react-i18next';
import { useDoc } from '../../state/AppContext';
import { CsvImport } from './CsvImport';
import { DataSection } from './DataSection';
import { ExpressionField } from './ExpressionField';
import { KnotEditor } from './KnotEditor';
import { ModelSection } from './ModelSection';
import { PresetGallery } from './PresetGallery';
import { RunsSection } from './RunsSection';

export function ExperimentPanel() {
  const { t } = useTranslation();
  const problems = useDoc((s) => s.problems);
  return (
    <aside className="panel experiment-panel" aria-label={t('experiment.title')}>
      <section>
        <h3>{t('experiment.target')}</h3>
        <PresetGallery />
        <ExpressionField />
        <KnotEditor />
        <CsvImport />
      </section>
      <section>
        <h3>{t('experiment.data')}</h3>
        <DataSection />
      </section>
      <section>
        <h3>{t('experiment.model')}</h3>
        <ModelSection />
      </section>
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
                <code>{p.path || '/'}</code> {p.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </aside>
  );
}
