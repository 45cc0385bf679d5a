/**
 * The worker message protocol, shared by the Node worker_threads host and the browser Web Worker
 * host. No imports: it is the contract both sides compile against. Typed arrays inside `result` and
 * `partial` are transferred, never copied.
 */

export type ToWorker =
  { type: 'run'; id: number; kind: string; payload: unknown } | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'progress'; id: number; fraction: number; partial?: unknown }
  | { type: 'done'; id: number; result: unknown }
  | { type: 'error'; id: number; message: string; invalidInput: boolean };

/** Every ArrayBuffer reachable from a value (typed arrays in results), for postMessage transfer lists. */
export function collectTransferables(
  value: unknown,
  out: ArrayBuffer[] = [],
  seen = new Set<unknown>(),
): ArrayBuffer[] {
  if (value === null || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (ArrayBuffer.isView(value)) {
    const b = value.buffer;
    if (b instanceof ArrayBuffer && !out.includes(b)) out.push(b);
    return out;
  }
  for (const v of Array.isArray(value) ? value : Object.values(value)) collectTransferables(v, out, seen);
  return out;
}
