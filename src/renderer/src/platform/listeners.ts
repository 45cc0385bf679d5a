/** A tiny listener set: add returns its own remover. */
export function createListeners<T>() {
  const set = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(value: T): void {
      for (const l of set) l(value);
    },
  };
}
