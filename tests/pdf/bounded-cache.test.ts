import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../src/pdf/bounded-cache.js';

describe('BoundedCache', () => {
  it('returns what was stored', () => {
    const cache = new BoundedCache<string, number>(10);
    cache.set('a', 1);
    expect(cache.get('a')).toBe(1);
    expect(cache.get('b')).toBeUndefined();
  });

  it('never holds more than twice its limit, however many keys it meets', () => {
    const cache = new BoundedCache<number, number>(100);
    for (let key = 0; key < 10_000; key++) {
      cache.set(key, key);
      expect(cache.size).toBeLessThanOrEqual(200);
    }
    expect(cache.get(0)).toBeUndefined();
    expect(cache.get(9_999)).toBe(9_999);
  });

  it('keeps an entry that is used while new keys keep arriving', () => {
    const cache = new BoundedCache<string, string>(50);
    cache.set('kept', 'value');
    for (let key = 0; key < 5_000; key++) {
      cache.set(`new ${key}`, 'x');
      expect(cache.get('kept')).toBe('value');
    }
  });
});
