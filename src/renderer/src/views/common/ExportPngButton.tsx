/** Saves one registered view as a PNG. */
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../../io/download';
import { pngFileName } from '../../lib/exportNames';
import { dataUrlToBlob, pngOf } from './exportRegistry';
import { useExportBase } from './useExportBase';

export function ExportPngButton({ name }: { name: string }) {
  const { t } = useTranslation();
  const base = useExportBase();
  return (
    <button
      type="button"
      className="icon-btn"
      title={t('export.pngHelp')}
      aria-label={t('export.pngOf', { view: t(`views.${name}`) })}
      data-testid={`png-${name}`}
      onClick={() => {
        const url = pngOf(name);
        if (url) downloadFile(pngFileName(base, name), dataUrlToBlob(url));
      }}
    >
      PNG
    </button>
  );
}
