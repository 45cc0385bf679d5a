/**
 * Whether the lesson start screen is open: view-only state shared by the Lessons button, the Lessons menu
 * command and the screen itself (one window, one page, so one store).
 */
import { createStore } from '../state/createStore';

export const startScreen = createStore<{ open: boolean }>({ open: false });

export const openStartScreen = () => startScreen.set({ open: true });
export const closeStartScreen = () => startScreen.set({ open: false });

const VISITED_KEY = 'relief.visited';

/** True the first time the app runs in this browser profile (then remembered). */
export function firstVisit(): boolean {
  try {
    const first = localStorage.getItem(VISITED_KEY) === null;
    localStorage.setItem(VISITED_KEY, '1');
    return first;
  } catch {
    return false;
  }
}

/**
 * The start screen opens by itself at launch in the desktop app, on a first visit in a browser, or when
 * the address asks for it (…/?lessons or …/#lessons: a link a teacher hands out).
 */
export function opensAtLaunch(
  platformKind: 'electron' | 'web',
  location: { search: string; hash: string },
  first = false,
): boolean {
  return (
    platformKind === 'electron' ||
    first ||
    new URLSearchParams(location.search).has('lessons') ||
    location.hash === '#lessons'
  );
}
