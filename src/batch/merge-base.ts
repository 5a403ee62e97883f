function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A row over the base: objects merge field by field, anything else (text, numbers, lists) from the row
 * replaces the base's. Neither argument is changed.
 * @example
 * mergeBase({ provider: practiceProvider }, { patient }); // { provider: …, patient: … }
 */
export function mergeBase(base: unknown, row: unknown): unknown {
  if (!isRecord(base) || !isRecord(row)) return row === undefined ? base : row;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(row)) {
    // defineProperty: a "__proto__" key from JSON stays a field (for the schema to refuse), not a prototype.
    const own = Object.hasOwn(base, key) ? base[key] : undefined;
    Object.defineProperty(merged, key, {
      value: mergeBase(own, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}
