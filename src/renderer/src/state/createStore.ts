/**
 * A tiny external store (no dependency): a value, a setter and subscribers, read in React with
 * useSyncExternalStore so a component re-renders only when the slice it selects changes.
 */
import { useSyncExternalStore } from 'react';

export interface Store<T> {
  get(): T;
  set(patch: Partial<T> | ((s: T) => Partial<T>)): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      const p = typeof patch === 'function' ? patch(state) : patch;
      state = { ...state, ...p };
      for (const l of listeners) l();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

/** Select a slice; the selector must return a stable value (a field, a primitive) for equal states. */
export function useStore<T, S>(store: Store<T>, select: (s: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}

// Subscriptions that hear of changes at most once per animation frame, shared per (store, listener).
const framed = new WeakMap<Store<unknown>, (listener: () => void) => () => void>();

/**
 * Like useStore, but the component re-renders at most once per animation frame however often the
 * store changes: streamed results (a progress message every few milliseconds per run) are drawn once
 * per frame, and a burst of updates never queues a burst of renders.
 */
export function useStoreFramed<T, S>(store: Store<T>, select: (s: T) => S): S {
  let subscribe = framed.get(store as Store<unknown>);
  if (!subscribe) {
    subscribe = (listener) => {
      let frame = 0;
      const unsubscribe = store.subscribe(() => {
        if (frame === 0)
          frame = requestAnimationFrame(() => {
            frame = 0;
            listener();
          });
      });
      return () => {
        unsubscribe();
        if (frame !== 0) cancelAnimationFrame(frame);
      };
    };
    framed.set(store as Store<unknown>, subscribe);
  }
  return useSyncExternalStore(subscribe, () => select(store.get()));
}
