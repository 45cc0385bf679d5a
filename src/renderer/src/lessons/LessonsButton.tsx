/** The top bar's way to the lessons (the desktop app also has the Lessons menu). */
import { useLessonsT } from './i18n';
import { openStartScreen } from './startScreenStore';

export function LessonsButton() {
  const { t } = useLessonsT();
  return (
    <button
      type="button"
      className="btn"
      title={t('ui.startIntro')}
      onClick={openStartScreen}
      data-testid="lessons-button"
    >
      {t('ui.menu')}
    </button>
  );
}
