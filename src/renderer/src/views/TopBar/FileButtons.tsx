/** New / Open / Save of the experiment file, through the Platform (an invalid file names its fields). */
import { useTranslation } from 'react-i18next';
import { newDocument, openDocument, saveDocument } from '../../io/documentActions';
import { getPlatform } from '../../platform';
import { useApp } from '../../state/AppContext';

export function FileButtons() {
  const { t } = useTranslation();
  const stores = useApp();
  return (
    <>
      <button
        type="button"
        className="btn"
        title={t('file.newHelp')}
        onClick={() => newDocument(stores, getPlatform())}
      >
        {t('file.new')}
      </button>
      <button
        type="button"
        className="btn"
        title={t('file.openHelp')}
        data-testid="open"
        onClick={() => void openDocument(stores, getPlatform())}
      >
        {t('file.open')}
      </button>
      <button
        type="button"
        className="btn"
        title={t('file.saveHelp')}
        data-testid="save"
        onClick={() => void saveDocument(stores, getPlatform())}
      >
        {t('file.save')}
      </button>
    </>
  );
}
