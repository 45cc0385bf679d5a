/** The export menu: JSON of the experiment with results, CSV of curves/paths/grid, PNG of any view, CLI. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cliCommand } from '../../lib/cliCommand';
import { exportBase, exportFileName, pngFileName } from '../../lib/exportNames';
import { experimentWithResults, gridCsv, pathsCsv } from '../../lib/exportData';
import { downloadFile } from '../../io/download';
import { getPlatform } from '../../platform';
import { useApp, useDoc, useResults } from '../../state/AppContext';
import { dataUrlToBlob, exportNames, pngOf } from '../common/exportRegistry';

export function ExportMenu() {
  const { t } = useTranslation();
  const { doc, results } = useApp();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  const hasSlice = useResults((s) => s.slice !== null);
  const fileName = useDoc((s) => s.fileName);
  const base = exportBase(fileName, doc.get().draft.name);
  const item = (key: string, testId: string, action: () => void, disabled = false) => (
    <button
      type="button"
      role="menuitem"
      disabled={disabled}
      data-testid={testId}
      title={t(`export.${key}Help`)}
      onClick={() => {
        action();
        setOpen(false);
      }}
    >
      {t(`export.${key}`)}
    </button>
  );
  return (
    <div className="menu">
      <button
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        data-testid="export-menu"
        title={t('export.menuHelp')}
        onClick={() => setOpen(!open)}
      >
        {t('export.menu')} ▾
      </button>
      {open ? (
        <div className="menu-list" role="menu" onMouseLeave={() => setOpen(false)}>
          {item('json', 'export-json', () => {
            const r = results.get();
            void getPlatform().exportText(
              exportFileName(base, 'results'),
              experimentWithResults(doc.get().draft, r.runs, r.slice),
            );
          })}
          {item(
            'experiment',
            'export-experiment',
            () =>
              void getPlatform().exportText(
                exportFileName(base, 'experiment'),
                JSON.stringify(doc.get().draft, null, 2),
              ),
          )}
          {item(
            'paths',
            'export-paths',
            () =>
              void getPlatform().exportText(
                exportFileName(base, 'paths'),
                pathsCsv(results.get().slice!, results.get().runs),
              ),
            !hasSlice,
          )}
          {item(
            'grid',
            'export-grid',
            () => void getPlatform().exportText(exportFileName(base, 'grid'), gridCsv(results.get().slice!)),
            !hasSlice,
          )}
          <hr />
          {exportNames().map((n) => (
            <button
              key={n}
              type="button"
              role="menuitem"
              data-testid={`export-png-${n}`}
              onClick={() => {
                const url = pngOf(n);
                if (url) downloadFile(pngFileName(base, n), dataUrlToBlob(url));
                setOpen(false);
              }}
            >
              {t('export.pngOf', { view: t(`views.${n}`) })}
            </button>
          ))}
          <hr />
          <button
            type="button"
            role="menuitem"
            data-testid="copy-cli"
            title={t('export.cliHelp')}
            onClick={() => {
              // The file Save writes (or the one open): the command runs exactly that file.
              const cmd = cliCommand(fileName ?? exportFileName(base, 'experiment'));
              void navigator.clipboard?.writeText(cmd).catch(() => undefined);
              (window as unknown as { __reliefLastCli?: string }).__reliefLastCli = cmd;
              setCopied(true);
              setTimeout(() => setCopied(false), 1500);
            }}
          >
            {copied ? t('export.copied') : t('export.cli')}
          </button>
        </div>
      ) : null}
    </div>
  );
}
