/**
 * The Electron main process: wiring only. Security settings, IPC handlers, files, recovery and menus
 * live in plain Node modules under node/ (tested without Electron); this file connects them to
 * Electron's objects. See docs/architecture.md.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, type WebContents } from 'electron';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MenuCommand } from '../preload/api';
import { INVOKE_CHANNELS, SEND_CHANNELS, type EventChannel } from '../preload/channels';
import { appFilePath, contentType } from './node/appFiles';
import { CONTENT_SECURITY_POLICY } from './node/csp';
import { documentTitle } from './node/documentTitle';
import { guarded, isTrustedRendererUrl, type IpcEventLike } from './node/ipcGuard';
import { createIpcHandlers, type Dialogs } from './node/ipcHandlers';
import { mainLanguage, mainStrings, type MainStrings } from './node/mainStrings';
import { menuTemplate } from './node/menuTemplate';
import { RecentFiles } from './node/recentFiles';
import { RecoveryStore } from './node/recovery';
import { WINDOW_OPTIONS } from './node/windowOptions';
import { createElectronPool } from './pool/electronPool';

const SCHEME = 'relief';
const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;

// Must happen before `ready`: the app's own pages load from relief://app/, a secure standard scheme.
protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);
app.enableSandbox();

interface WindowState {
  name: string;
  dirty: boolean;
  closeAfterSave: boolean;
  forceClose: boolean;
}

let mainWindow: BrowserWindow | null = null;
const states = new Map<number, WindowState>();
const pool = createElectronPool();
const recent = new RecentFiles(join(app.getPath('userData'), 'recent-files.json'));
const recovery = new RecoveryStore(join(app.getPath('userData'), 'recovery.json'));

const emit = (senderId: number, channel: EventChannel, ...args: unknown[]) => {
  const wc = BrowserWindow.getAllWindows().find((w) => w.webContents.id === senderId)?.webContents;
  wc?.send(channel, ...args);
};

/** Menus and dialogs in the renderer's language (read from the page once it has loaded). */
let strings: MainStrings = mainStrings(mainLanguage(null, app.getLocale()));

const dialogs: Dialogs = {
  async chooseOpenPath() {
    const r = await dialog.showOpenDialog(mainWindow!, {
      title: strings.openTitle,
      properties: ['openFile'],
      filters: [{ name: strings.experimentFilter, extensions: ['json'] }],
    });
    return r.canceled ? null : (r.filePaths[0] ?? null);
  },
  async chooseSavePath(defaultName, filter) {
    const r = await dialog.showSaveDialog(mainWindow!, {
      defaultPath: defaultName,
      filters:
        filter === 'experiment'
          ? [{ name: strings.experimentFilter, extensions: ['json'] }]
          : [
              { name: 'JSON', extensions: ['json'] },
              { name: 'CSV', extensions: ['csv'] },
            ],
    });
    if (r.canceled || !r.filePath) {
      // A save cancelled from the close prompt cancels the close too.
      for (const st of states.values()) st.closeAfterSave = false;
      return null;
    }
    return r.filePath;
  },
  async showOpenProblems(message) {
    await dialog.showMessageBox(mainWindow!, {
      type: 'error',
      title: strings.cannotOpen,
      message,
      buttons: [strings.ok],
    });
  },
};

const handlers = createIpcHandlers({
  pool,
  recent,
  recovery,
  dialogs,
  emit,
  setDocument(senderId, name, dirty) {
    const win = BrowserWindow.getAllWindows().find((w) => w.webContents.id === senderId);
    const state = states.get(senderId);
    if (!win || !state) return;
    Object.assign(state, { name, dirty });
    win.setTitle(documentTitle(name, dirty));
    if (process.platform === 'darwin') win.setDocumentEdited(dirty);
    if (!dirty && state.closeAfterSave) win.close();
  },
  recentChanged: () => buildMenu(),
});

function buildMenu(): void {
  const send = (command: MenuCommand) => mainWindow?.webContents.send('menu:command', command);
  const template = menuTemplate(
    {
      command: send,
      openRecent: (path) => {
        if (!mainWindow) return;
        const id = mainWindow.webContents.id;
        void handlers.openPath(id, path).then((r) => emit(id, 'file:opened', r));
      },
      clearRecent: () => {
        void Promise.all(recent.entries.map((r) => recent.remove(r.path))).then(buildMenu);
      },
    },
    recent.entries,
    process.platform,
    !app.isPackaged,
    strings,
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function registerIpc(): void {
  for (const channel of INVOKE_CHANNELS)
    ipcMain.handle(channel, guarded(channel, handlers.invoke[channel], devServerUrl) as never);
  for (const channel of SEND_CHANNELS) {
    const handler = guarded(channel, handlers.send[channel], devServerUrl);
    ipcMain.on(channel, (event, ...args) => {
      try {
        handler(event as IpcEventLike, ...args);
      } catch (err) {
        console.warn(`[relief] IPC ${channel} rejected: ${(err as Error).message}`);
      }
    });
  }
}

/** Electron's checklist: no navigation, no new windows, no webviews, no permissions, no remote content. */
function hardenSessions(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith(`${SCHEME}://`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('blob:') ||
      details.url.startsWith('data:') ||
      (devServerUrl !== undefined && isTrustedRendererUrl(details.url.replace(/^ws/, 'http'), devServerUrl));
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e) => e.preventDefault());
    contents.on('will-redirect', (e) => e.preventDefault());
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

function registerAppProtocol(): void {
  protocol.handle(SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' ? appFilePath(rendererDir, url.pathname) : null;
    const headers = {
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
    };
    if (!file) return new Response('not found', { status: 404, headers });
    try {
      return new Response(await readFile(file), {
        headers: { ...headers, 'Content-Type': contentType(file) },
      });
    } catch {
      return new Response('not found', { status: 404, headers });
    }
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(WINDOW_OPTIONS);
  const id = win.webContents.id;
  const state: WindowState = { name: 'Untitled', dirty: false, closeAfterSave: false, forceClose: false };
  states.set(id, state);
  win.once('ready-to-show', () => win.show());
  // The title is the document's (setDocument), not the page's <title>.
  win.on('page-title-updated', (e) => e.preventDefault());
  win.webContents.once('did-finish-load', () => {
    // The renderer keeps the user's language choice; menus and dialogs follow it.
    void win.webContents
      .executeJavaScript("localStorage.getItem('relief.language')")
      .then((saved: unknown) => {
        strings = mainStrings(mainLanguage(saved, app.getLocale()));
        buildMenu();
      })
      .catch(() => undefined);
    const file = process.argv.slice(1).find((a) => /\.json$/i.test(a));
    if (file) void handlers.openPath(id, file).then((r) => emit(id, 'file:opened', r));
  });
  // Unsaved changes: ask before closing; "Save" lets the renderer save, then closes (setDocument).
  win.on('close', (e) => {
    if (!state.dirty || state.forceClose) return;
    e.preventDefault();
    const choice = dialog.showMessageBoxSync(win, {
      type: 'warning',
      title: strings.unsavedTitle,
      message: strings.unsavedMessage(state.name),
      buttons: [strings.save, strings.dontSave, strings.cancel],
      defaultId: 0,
      cancelId: 2,
    });
    if (choice === 0) {
      state.closeAfterSave = true;
      win.webContents.send('menu:command', 'save');
    } else if (choice === 1) {
      state.forceClose = true;
      void recovery.clear().finally(() => win.close());
    }
  });
  win.on('closed', () => {
    handlers.cancelAll(id);
    states.delete(id);
    if (mainWindow === win) mainWindow = null;
  });
  win.webContents.on('render-process-gone', () => handlers.cancelAll(id));
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadURL(`${SCHEME}://app/index.html`);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => void pool.close());
  void app.whenReady().then(async () => {
    hardenSessions();
    app.setAboutPanelOptions({ applicationName: 'Relief', applicationVersion: app.getVersion() });
    registerAppProtocol();
    registerIpc();
    await recent.load();
    buildMenu();
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });
}
