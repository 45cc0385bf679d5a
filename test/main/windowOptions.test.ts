/** The window's security settings, as Electron's security checklist asks; and the CSP. */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/main/node/csp';
import { WINDOW_OPTIONS } from '../../src/main/node/windowOptions';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

describe('main window options', () => {
  const w = WINDOW_OPTIONS.webPreferences;
  it('isolates and sandboxes the renderer, without Node', () => {
    expect(w.contextIsolation).toBe(true);
    expect(w.sandbox).toBe(true);
    expect(w.nodeIntegration).toBe(false);
    expect(w.nodeIntegrationInWorker).toBe(false);
    expect(w.nodeIntegrationInSubFrames).toBe(false);
  });
  it('keeps web security on and experimental or risky features off', () => {
    expect(w.webSecurity).toBe(true);
    expect(w.allowRunningInsecureContent).toBe(false);
    expect(w.experimentalFeatures).toBe(false);
    expect(w.webviewTag).toBe(false);
    expect(w.navigateOnDragDrop).toBe(false);
    expect(Object.keys(w)).not.toContain('enableBlinkFeatures');
    expect(w.disableBlinkFeatures).toBe('Auxclick');
  });
  it('loads a CommonJS preload (the only kind a sandboxed renderer runs)', () => {
    expect(w.preload).toMatch(/[/\\]preload[/\\]index\.cjs$/);
  });
});

describe('Content-Security-Policy', () => {
  for (const [where, csp] of [
    ['main process (app protocol header)', CONTENT_SECURITY_POLICY],
    ['index.html meta tag', ''],
  ] as const)
    it(`has no unsafe-eval (WebAssembly compilation only) and scripts from the app only: ${where}`, async () => {
      let policy = csp;
      if (!policy) {
        const html = await readFile(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
        policy = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
      }
      const d = directives(policy);
      // 'wasm-unsafe-eval' lets the worker compile Relief's WebAssembly kernels and nothing else:
      // strings are still never evaluated as script.
      expect(policy).not.toMatch(/'unsafe-eval'/);
      expect(d.get('default-src')).toEqual(["'self'"]);
      expect(d.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
      for (const values of d.values()) for (const v of values) expect(v).not.toMatch(/^(https?:|\*)/);
    });
});
