/** The list of keyboard shortcuts (opened with ? or the ? button). */
import { useTranslation } from 'react-i18next';
import { useApp, useView } from '../../state/AppContext';
import { SHORTCUTS } from './shortcuts';

export function ShortcutsDialog() {
  const { t } = useTranslation();
  const { view } = useApp();
  const open = useView((s) => s.showShortcuts);
  if (!open) return null;
  return (
    <div className="dialog-backdrop" onClick={() => view.set({ showShortcuts: false })}>
      <div
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('shortcuts.title')}
        onClick={(e) => e.stopPropagation()}
      >
        <h2>{t('shortcuts.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.id}>
                <td>
                  <kbd>{s.keys}</kbd>
                </td>
                <td>{t(`shortcuts.${s.id}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="button" className="btn" onClick={() => view.set({ showShortcuts: false })} autoFocus>
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
