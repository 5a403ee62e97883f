// The overlay merged over what the Bundle gave: objects member by member, arrays item by item,
// anything else replaced; `null` removes a member. Every value it sets is traced to `overlay.<path>`.

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Own-property assignment: a `__proto__` key stays a key (and the schema then refuses it). */
function put(target: Json | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function dropSources(sources: Map<string, string>, path: string): void {
  for (const key of sources.keys()) if (key === path || key.startsWith(`${path}.`)) sources.delete(key);
}

function traceLeaves(value: unknown, path: string, sources: Map<string, string>): void {
  if (isObject(value) || Array.isArray(value)) {
    for (const [key, item] of Object.entries(value))
      traceLeaves(item, path === '' ? key : `${path}.${key}`, sources);
  } else sources.set(path, `overlay.${path}`);
}

function mergeValue(base: unknown, over: unknown, path: string, sources: Map<string, string>): unknown {
  if (isObject(base) && isObject(over)) {
    const merged: Json = { ...base };
    for (const [key, value] of Object.entries(over)) {
      const at = path === '' ? key : `${path}.${key}`;
      if (value === null) dropSources(sources, at);
      else put(merged, key, mergeValue(merged[key], value, at, sources));
    }
    // `null` removes a member (as in JSON Merge Patch, RFC 7396 §2).
    return Object.fromEntries(Object.entries(merged).filter(([key]) => over[key] !== null));
  }
  if (Array.isArray(base) && Array.isArray(over)) {
    const merged: unknown[] = base.slice();
    over.forEach((value, index) =>
      put(merged, index, mergeValue(merged[index], value, `${path}.${index}`, sources)),
    );
    return merged;
  }
  // Only a list or object replaced has sources below it to drop.
  if (isObject(base) || Array.isArray(base)) dropSources(sources, path);
  traceLeaves(over, path, sources);
  return over;
}

/**
 * Merges `overlay` over `input` without changing either; `sources` (input path → origin) is
 * updated for every value the overlay sets or removes.
 * @example
 * mergeOverlay({ a: { b: 1 } }, { a: { c: 2 } }, new Map()); // { a: { b: 1, c: 2 } }
 */
export function mergeOverlay(input: Json, overlay: Json, sources: Map<string, string>): Json {
  return mergeValue(input, overlay, '', sources) as Json;
}
