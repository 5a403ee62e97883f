/**
 * A Map bounded to about `limit` entries that keeps the recently used ones: entries live in a current and
 * a previous generation; when the current one is full it becomes the previous one and the oldest
 * generation is dropped. Cheaper than a strict LRU on every hit; never holds more than 2 × limit entries.
 */
export class BoundedCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.current.size + this.previous.size;
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: K, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.limit) {
      this.previous = this.current;
      this.current = new Map();
    }
  }
}
