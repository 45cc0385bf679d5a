/**
 * How the UI gets its Engine: over IPC when the preload API (`window.relief`) is there, else on Web
 * Workers in this page. One instance per page. Dev builds and the e2e build (VITE_RELIEF_TEST_HOOKS=1) also expose it as
 * `window.__reliefEngine`, so end-to-end tests can run the Engine contract in a real browser.
 */
import type { ReliefApi } from '../../../preload/api';
import { createIpcEngine } from './ipcEngine';
import type { Engine } from './types';
import { createWebEngine } from './webEngine';

export type { Engine, JobHandle } from './types';

declare global {
  interface Window {
    relief?: ReliefApi;
    __reliefEngine?: Engine;
  }
}

let engine: Engine | undefined;

export function getEngine(): Engine {
  engine ??= window.relief ? createIpcEngine(window.relief) : createWebEngine();
  return engine;
}

if (import.meta.env.DEV || import.meta.env.VITE_RELIEF_TEST_HOOKS === '1') {
  Object.defineProperty(window, '__reliefEngine', { get: getEngine, configurable: true });
}
