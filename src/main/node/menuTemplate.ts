/**
 * The application menu as data (Electron builds it with Menu.buildFromTemplate). Accelerators use
 * CmdOrCtrl so one template serves macOS, Windows and Linux.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, RecentFile } from '../../preload/api';

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
        { label: 'Clear Recent', click: () => actions.clearRecent() },
      ]
    : [{ label: 'No Recent Files', enabled: false }];

  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: '&File',
      submenu: [
        cmd('New Experiment', 'new', 'CmdOrCtrl+N'),
        cmd('Open…', 'open', 'CmdOrCtrl+O'),
        { label: 'Open Recent', submenu: recentItems },
        { type: 'separator' },
        cmd('Save', 'save', 'CmdOrCtrl+S'),
        cmd('Save As…', 'save-as', 'CmdOrCtrl+Shift+S'),
        cmd('Export Results…', 'export', 'CmdOrCtrl+E'),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit', accelerator: 'Ctrl+Q' },
      ],
    },
    {
      label: '&Edit',
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
      label: '&View',
      submenu: [
        cmd('Run', 'run', 'CmdOrCtrl+Enter'),
        // Not Escape: a menu accelerator would take that key from every text field and dialog.
        cmd('Cancel Run', 'cancel', 'CmdOrCtrl+.'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(dev ? [{ role: 'toggleDevTools' } satisfies MenuItemConstructorOptions] : []),
      ],
    },
    { label: '&Lessons', submenu: [cmd('Show Lessons…', 'lessons')] },
    // role 'about': the native about panel (a message box on Windows).
    { label: '&Help', role: 'help', submenu: [{ role: 'about' }] },
  ];
}
