/** CSV import: columns x,y (one input) or x1,x2,y (two inputs) become the explicit training samples. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseNumericCsv } from '../../lib/csv';
import { useApp, useDoc } from '../../state/AppContext';

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
            const { rows } = parseNumericCsv(await file.text());
            const width = rows[0]?.length ?? 0;
            if (rows.length === 0 || (width !== 2 && width !== 3) || rows.some((r) => r.length !== width)) {
              setMessage(t('target.csvBad'));
              return;
            }
            doc.edit((d) => {
              d.model.inputs = width === 2 ? 1 : 2;
              d.data.train = {
                x: rows.map((r) => (width === 2 ? r[0]! : ([r[0]!, r[1]!] as [number, number]))) as
                  number[] | [number, number][],
                y: rows.map((r) => r[width - 1]!),
              };
              delete d.data.test;
            });
            setMessage(t('target.csvLoaded', { n: rows.length, name: file.name }));
            e.target.value = '';
          }}
        />
      </label>
      {explicit ? (
        <button
          type="button"
          className="link"
          onClick={() => doc.edit((d) => void (d.data.train = { n: 1000, sampling: 'uniform' }))}
        >
          {t('target.csvClear')}
        </button>
      ) : null}
      {message ? <span className="muted">{message}</span> : null}
    </div>
  );
}
