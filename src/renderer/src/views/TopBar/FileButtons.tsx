/** New / Open / Save of the experiment file. Opening validates; an invalid file names its fields. */
import { useTranslation } from 'react-i18next';
import { formatProblems, parseExperimentText } from '../../../../core/experiment/validate';
import { downloadFile } from '../../io/download';
import { defaultExperiment } from '../../state/defaultExperiment';
import { useApp } from '../../state/AppContext';

export function FileButtons() {
  const { t } = useTranslation();
  const { doc, results } = useApp();
  return (
    <>
      <button
        type="button"
        className="btn"
        title={t('file.newHelp')}
        onClick={() => doc.replace(defaultExperiment())}
      >
        {t('file.new')}
      </button>
      <label className="btn" title={t('file.openHelp')}>
        {t('file.open')}
        <input
          type="file"
          accept=".json,application/json"
          className="sr-only"
          data-testid="open-file"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (!file) return;
            const v = parseExperimentText(await file.text());
            if (!v.ok) {
              results.set({
                error: t('file.invalid', { name: file.name, problems: formatProblems(v.problems) }),
              });
              return;
            }
            results.set({ error: null });
            doc.replace(JSON.parse(await file.text()), file.name);
          }}
        />
      </label>
      <button
        type="button"
        className="btn"
        title={t('file.saveHelp')}
        data-testid="save"
        onClick={() => {
          const s = doc.get();
          const name =
            s.fileName ?? `${(s.draft.name ?? 'experiment').replace(/[^\w.-]+/g, '-')}.relief.json`;
          downloadFile(name, JSON.stringify(s.draft, null, 2), 'application/json');
          doc.set({ dirty: false, fileName: name });
        }}
      >
        {t('file.save')}
      </button>
    </>
  );
}
