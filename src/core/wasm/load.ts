/**
 * Instantiating the generated WebAssembly kernels from core code. Core is plain ES2022 (no DOM or
 * Node typings), so the few WebAssembly calls used are typed here and reached through globalThis;
 * where WebAssembly or its SIMD instructions are missing, loading returns null and callers keep their
 * JavaScript kernels.
 */

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports?: object) => { exports: Record<string, unknown> };
}

/** Bytes per WebAssembly memory page. */
export const WASM_PAGE = 65536;

function bytesOfHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return bytes;
}

/** Compiled modules by their bytes (null: this runtime refused the module). One compile per thread. */
const modules = new Map<string, object | null>();

/**
 * The exports of a fresh instance of the module whose bytes are `hex`, or null when this runtime
 * cannot run it. Synchronous: the modules are a few kilobytes.
 */
export function instantiateWasm(hex: string): Record<string, unknown> | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  let module = modules.get(hex);
  if (module === undefined) {
    try {
      module = new api.Module(bytesOfHex(hex));
    } catch {
      module = null;
    }
    modules.set(hex, module);
  }
  if (!module) return null;
  try {
    return new api.Instance(module).exports;
  } catch {
    // No memory for one more instance (each reserves address space): the caller's JavaScript path.
    return null;
  }
}
