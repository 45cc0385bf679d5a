/**
 * Every IPC channel, in one place: the preload uses these names and the main process's IPC wrapper
 * accepts nothing else.
 */
export const INVOKE_CHANNELS = [
  'job:run',
  'file:open',
  'file:openPath',
  'file:openDropped',
  'file:save',
  'file:export',
  'file:recent',
  'recovery:write',
  'recovery:clear',
  'recovery:pending',
] as const;

export const SEND_CHANNELS = ['job:cancel', 'window:setDocument'] as const;

/** Main -> renderer. */
export const EVENT_CHANNELS = ['job:progress', 'file:opened', 'menu:command'] as const;

export type InvokeChannel = (typeof INVOKE_CHANNELS)[number];
export type SendChannel = (typeof SEND_CHANNELS)[number];
export type EventChannel = (typeof EVENT_CHANNELS)[number];
