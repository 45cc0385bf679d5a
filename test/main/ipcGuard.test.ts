import { describe, expect, it } from 'vitest';
import { checkSender, guarded, isTrustedRendererUrl } from '../../src/main/node/ipcGuard';

const event = (url: string, parent: unknown = null) => ({ sender: { id: 9 }, senderFrame: { url, parent } });

describe('the IPC gate', () => {
  it('accepts allowed channels from the top frame of the app protocol', () => {
    expect(checkSender('job:run', event('relief://app/index.html'))).toEqual({ senderId: 9 });
    expect(checkSender('window:setDocument', event('relief://app/'))).toEqual({ senderId: 9 });
  });

  it('rejects channels off the allow-list, including main-to-renderer event channels', () => {
    expect(() => checkSender('shell:exec', event('relief://app/index.html'))).toThrow(/not allowed/);
    expect(() => checkSender('job:progress', event('relief://app/index.html'))).toThrow(/not allowed/);
  });

  it('rejects foreign pages, subframes and vanished frames', () => {
    for (const url of [
      'https://example.com/',
      'file:///work/main/out/renderer/index.html',
      'relief://evil/index.html',
      'http://localhost:5173/',
      'not a url',
    ])
      expect(() => checkSender('job:run', event(url))).toThrow(/untrusted/);
    expect(() => checkSender('job:run', event('relief://app/index.html', {}))).toThrow(/subframe/);
    expect(() => checkSender('job:run', { sender: { id: 1 }, senderFrame: null })).toThrow(/no longer/);
  });

  it('trusts the dev server only when one is configured, and only its origin', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/src/x', 'http://localhost:5173')).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/')).toBe(false);
  });

  it('guarded() runs the handler only after the gate passed', () => {
    let calls = 0;
    const h = guarded('file:recent', (ctx, a) => {
      calls++;
      return [ctx.senderId, a];
    });
    expect(h(event('relief://app/index.html'), 'x')).toEqual([9, 'x']);
    expect(() => h(event('https://example.com/'), 'x')).toThrow();
    expect(calls).toBe(1);
  });
});
