/**
 * Keyboard shortcuts as a table (key test -> action), so the help dialog and the handler share one list.
 * Keys typed into form fields are left alone.
 */
import type { AppStores } from '../../state/AppContext';
import { maxStep } from '../../state/resultsStore';

export interface Shortcut {
  readonly id: string;
  readonly keys: string;
  matches(e: KeyboardEvent): boolean;
  run(s: AppStores): void;
}

const scrubBy = (s: AppStores, d: number) => {
  const last = maxStep(s.results.get().runs);
  const cur = s.view.get().step ?? last;
  s.view.set({
    step: Math.max(0, Math.min(last, cur + d * Math.max(1, Math.round(last / 100)))),
    playing: false,
  });
};

export const SHORTCUTS: readonly Shortcut[] = [
  {
    id: 'run',
    keys: 'Ctrl+Enter',
    matches: (e) => (e.ctrlKey || e.metaKey) && e.key === 'Enter',
    run: (s) => s.runner.run(),
  },
  {
    id: 'cancel',
    keys: 'Esc',
    matches: (e) => e.key === 'Escape',
    run: (s) => (s.view.get().showShortcuts ? s.view.set({ showShortcuts: false }) : s.runner.cancel()),
  },
  {
    id: 'play',
    keys: 'Space',
    matches: (e) => e.key === ' ',
    run: (s) => s.view.set({ playing: !s.view.get().playing }),
  },
  { id: 'back', keys: '←', matches: (e) => e.key === 'ArrowLeft', run: (s) => scrubBy(s, -1) },
  { id: 'forward', keys: '→', matches: (e) => e.key === 'ArrowRight', run: (s) => scrubBy(s, 1) },
  {
    id: 'mode',
    keys: 'T',
    matches: (e) => e.key === 't',
    run: (s) => s.view.set({ surfaceMode: s.view.get().surfaceMode === '3d' ? 'top' : '3d' }),
  },
  {
    id: 'log',
    keys: 'L',
    matches: (e) => e.key === 'l',
    run: (s) => s.view.set({ logScale: !s.view.get().logScale }),
  },
  {
    id: 'wireframe',
    keys: 'W',
    matches: (e) => e.key === 'w',
    run: (s) => s.view.set({ wireframe: !s.view.get().wireframe }),
  },
  {
    id: 'contours',
    keys: 'C',
    matches: (e) => e.key === 'c',
    run: (s) => s.view.set({ contours: !s.view.get().contours }),
  },
  { id: 'unpin', keys: 'U', matches: (e) => e.key === 'u', run: (s) => s.view.set({ pinned: null }) },
  {
    id: 'theme',
    keys: 'D',
    matches: (e) => e.key === 'd',
    run: (s) => s.view.set({ theme: s.view.get().theme === 'dark' ? 'light' : 'dark' }),
  },
  { id: 'help', keys: '?', matches: (e) => e.key === '?', run: (s) => s.view.set({ showShortcuts: true }) },
];

function inField(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  return (
    !!el &&
    (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable)
  );
}

export function handleShortcut(e: KeyboardEvent, s: AppStores): void {
  const sc = SHORTCUTS.find((x) => x.matches(e));
  if (!sc) return;
  if (inField(e) && sc.id !== 'run' && sc.id !== 'cancel') return;
  if (e.altKey) return;
  if (!(sc.id === 'run') && (e.ctrlKey || e.metaKey)) return;
  e.preventDefault();
  sc.run(s);
}
