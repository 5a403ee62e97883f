// The primary sources findings cite, each written once and shared by the entries that rely on it.
import type { Source } from './catalogue.js';

export const SOURCES = {} satisfies Record<string, Source>;
