/**
 * The application menu as data (Electron builds it with Menu.buildFromTemplate). Accelerators use
 * CmdOrCtrl so one template serves macOS, Windows and Linux.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../../preload/api';
import { mainStrings, type MainStrings } from './mainStrings';

export interface MenuActions {
  /** Commands the renderer carries out (it holds the document). */
  command(command: MenuCommand): void;
  openRecent(path: string): void;
  clearRecent(): void;
}

export function menuTemplate(
  actions: MenuActions,
  recent: readonly RecentFile[],
  platform: NodeJS.Platform = process.platform,
  dev = false,
  s: MainStrings = mainStrings('en'),
): MenuItemConstructorOptions[] {
  const cmd = (label: string, command: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.command(command),
  });
  const mac = platform === 'darwin';
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? [
        ...recent.map((r) => ({ label: r.name, sublabel: r.path, click: () => actions.openRecent(r.path) })),
        { type: 'separator' },
        { label: s.clearRecent, click: () => actions.clearRecent() },
      ]
    : [{ label: s.noRecent, enabled: false }];

  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: s.file,
      submenu: [
        cmd(s.newExperiment, 'new', 'CmdOrCtrl+N'),
        cmd(s.open, 'open', 'CmdOrCtrl+O'),
        { label: s.openRecent, submenu: recentItems },
        { type: 'separator' },
        cmd(s.save, 'save', 'CmdOrCtrl+S'),
        cmd(s.saveAs, 'save-as', 'CmdOrCtrl+Shift+S'),
        cmd(s.exportResults, 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: s.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: s.view,
      submenu: [
        cmd(s.run, 'run', 'CmdOrCtrl+Enter'),
        // Not Escape: a menu accelerator would take that key from every text field and dialog.
        cmd(s.cancelRun, 'cancel', 'CmdOrCtrl+.'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(dev ? [{ role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
      ],
    },
    { label: s.lessons, submenu: [cmd(s.showLessons, 'lessons')] },
    // role 'about': the native about panel (a message box on Windows).
    { label: s.help, role: 'help', submenu: [{ role: 'about' }] },
  ];
}
