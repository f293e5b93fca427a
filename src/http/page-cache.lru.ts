/**
 * A map bounded by the bytes of what it holds, least recently used first out. A JavaScript Map
 * keeps insertion order, so moving an entry to the end on each read makes its first key the
 * least recently used one.
 */
export interface LruBytes<V> {
  get(key: string): V | undefined;
  /** Stores `value` costing `bytes`; a value larger than the whole bound is not stored. */
  set(key: string, value: V, bytes: number): void;
  delete(key: string): void;
  dropWhere(test: (value: V) => boolean): void;
  clear(): void;
  readonly size: number;
  readonly bytes: number;
}

export function createLruBytes<V>(maxBytes: number): LruBytes<V> {
  const map = new Map<string, { value: V; bytes: number }>();
  let total = 0;
  const remove = (key: string) => {
    const e = map.get(key);
    if (!e) return;
    map.delete(key);
    total -= e.bytes;
  };
  return {
    get(key) {
      const e = map.get(key);
      if (!e) return undefined;
      map.delete(key);
      map.set(key, e);
      return e.value;
    },
    set(key, value, bytes) {
      remove(key);
      if (bytes > maxBytes) return;
      while (total + bytes > maxBytes) remove(map.keys().next().value!);
      map.set(key, { value, bytes });
      total += bytes;
    },
    delete: remove,
    dropWhere(test) {
      for (const [key, e] of map) if (test(e.value)) remove(key);
    },
    clear() {
      map.clear();
      total = 0;
    },
    get size() {
      return map.size;
    },
    get bytes() {
      return total;
    },
  };
}
