/**
 * How the UI gets its Platform: Electron's preload API when `window.relief` exists, else the browser's.
 * One instance per page; dev and e2e builds also expose it as `window.__reliefPlatform` for tests.
 */
import type { ReliefApi } from '../../../preload/api';
import { createElectronPlatform } from './electronPlatform';
import type { Platform } from './types';
import { createWebPlatform } from './webPlatform';

export type * from './types';

declare global {
  interface Window {
    relief?: ReliefApi;
    __reliefPlatform?: Platform;
  }
}

let platform: Platform | undefined;

export function getPlatform(): Platform {
  platform ??= window.relief ? createElectronPlatform(window.relief) : createWebPlatform();
  return platform;
}

if (import.meta.env.DEV || import.meta.env.VITE_RELIEF_TEST_HOOKS === '1') {
  Object.defineProperty(window, '__reliefPlatform', { get: getPlatform, configurable: true });
}
