/** Registries are built explicitly from a list, in one place each, and refuse duplicates. */
export function buildRegistry<T>(
  items: readonly T[],
  key: (t: T) => string,
  what: string,
): ReadonlyMap<string, T> {
  const m = new Map<string, T>();
  for (const it of items) {
    const k = key(it);
    if (m.has(k)) throw new Error(`duplicate ${what} '${k}'`);
    m.set(k, it);
  }
  return m;
}
