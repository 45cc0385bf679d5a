/**
 * The main window's options: one constant, so a test can check every security setting Electron's
 * checklist asks for (https://www.electronjs.org/docs/latest/tutorial/security).
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Built next to the main bundle by electron-vite: out/main/index.js -> out/preload/index.cjs. */
export const PRELOAD_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'preload', 'index.cjs');

export const WINDOW_OPTIONS = {
  width: 1440,
  height: 900,
  minWidth: 960,
  minHeight: 600,
  show: false,
  backgroundColor: '#111418',
  title: 'Relief',
  webPreferences: {
    preload: PRELOAD_PATH,
    // The renderer's JavaScript runs in its own world, apart from the preload's.
    contextIsolation: true,
    // OS-level sandbox for the renderer; the preload is CommonJS so it can run sandboxed.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    // Middle-click (auxclick) could open links in new windows.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: false,
  },
} as const satisfies BrowserWindowConstructorOptions;
