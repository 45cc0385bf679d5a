/**
 * Whether the lesson start screen is open: view-only state shared by the Lessons button, the Lessons menu
 * command and the screen itself (one window, one page, so one store).
 */
import { createStore } from '../state/createStore';

export const startScreen = createStore<{ open: boolean }>({ open: false });

export const openStartScreen = () => startScreen.set({ open: true });
export const closeStartScreen = () => startScreen.set({ open: false });

/**
 * The start screen opens by itself at launch in the desktop app, or in a browser when the address asks
 * for it (…/?lessons or …/#lessons: a link a teacher hands out).
 */
export function opensAtLaunch(
  platformKind: 'electron' | 'web',
  location: { search: string; hash: string },
): boolean {
  return (
    platformKind === 'electron' ||
    new URLSearchParams(location.search).has('lessons') ||
    location.hash === '#lessons'
  );
}
