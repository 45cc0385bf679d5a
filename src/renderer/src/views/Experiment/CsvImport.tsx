/** CSV import: columns x,y (one input) or x1,x2,y (two inputs) become the explicit training samples. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CsvError, parseSamplesCsv, type CsvSamples } from '../../../../core/data/samplesCsv';
import { useApp, useDoc } from '../../state/AppContext';
import { defaultExperiment } from '../../state/defaultExperiment';

export function CsvImport() {
  const { t } = useTranslation();
  const { doc } = useApp();
  const explicit = useDoc((s) => 'x' in s.net!.data.train);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="csv-import">
      <label className="btn" title={t('target.csvHelp')}>
        {t('target.csv')}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          className="sr-only"
          data-testid="csv-input"
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            let samples: CsvSamples;
            try {
              samples = parseSamplesCsv(await file.text());
            } catch (err) {
              if (!(err instanceof CsvError)) throw err;
              setMessage(`${t('target.csvBad')} (${err.message})`);
              e.target.value = '';
              return;
            }
            doc.edit((d) => {
              d.model.inputs = samples.inputs;
              d.data.train = { x: samples.x, y: samples.y };
              delete d.data.test;
              // The samples are the data now: no formula or preset is drawn or highlighted beside them.
              delete d.data.target;
            });
            setMessage(t('target.csvLoaded', { n: samples.y.length, name: file.name }));
            e.target.value = '';
          }}
        />
      </label>
      {explicit ? (
        <button
          type="button"
          className="link"
          onClick={() =>
            doc.edit((d) => {
              const fresh = defaultExperiment().data!;
              d.data.train = fresh.train!;
              d.data.target ??= fresh.target!;
            })
          }
        >
          {t('target.csvClear')}
        </button>
      ) : null}
      {message ? <span className="muted">{message}</span> : null}
    </div>
  );
}
