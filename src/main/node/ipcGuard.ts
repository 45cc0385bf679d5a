/**
 * The one gate every IPC message passes in the main process (Electron's checklist: validate the
 * sender of all IPC messages). A message is handled only if its channel is on the allow-list and it
 * comes from the top frame of a page this app loaded itself; the handler then validates each argument.
 * Structural types only, so this runs (and is tested) without Electron.
 */
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS } from '../../preload/channels';

/** The part of Electron's IpcMainEvent / IpcMainInvokeEvent the gate reads. */
export interface IpcEventLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface SenderContext {
  /** The sending webContents' id: jobs and known paths are kept per window. */
  senderId: number;
}

export class IpcRejected extends Error {
  override name = 'IpcRejected';
}

/** The renderer's own origin: the app:// protocol in a build, the dev server in `electron-vite dev`. */
export const APP_ORIGIN = 'relief://app';

export function isTrustedRendererUrl(url: string, devServerUrl?: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (`${u.protocol}//${u.host}` === APP_ORIGIN) return true;
  if (!devServerUrl) return false;
  return u.origin === new URL(devServerUrl).origin;
}

const allowed = new Set<string>([...INVOKE_CHANNELS, ...SEND_CHANNELS]);

export function checkSender(channel: string, event: IpcEventLike, devServerUrl?: string): SenderContext {
  if (!allowed.has(channel) || (EVENT_CHANNELS as readonly string[]).includes(channel))
    throw new IpcRejected(`IPC channel '${channel}' is not allowed`);
  const frame = event.senderFrame;
  if (!frame) throw new IpcRejected('IPC from a frame that no longer exists');
  if (frame.parent !== null) throw new IpcRejected('IPC from a subframe');
  if (!isTrustedRendererUrl(frame.url, devServerUrl))
    throw new IpcRejected(`IPC from an untrusted page: ${frame.url}`);
  return { senderId: event.sender.id };
}

/** Wraps a handler so it runs only after the gate passed: the form every ipcMain registration uses. */
export function guarded<A extends unknown[], R>(
  channel: string,
  handler: (ctx: SenderContext, ...args: unknown[]) => R,
  devServerUrl?: string,
): (event: IpcEventLike, ...args: A) => R {
  return (event, ...args) => handler(checkSender(channel, event, devServerUrl), ...args);
}
