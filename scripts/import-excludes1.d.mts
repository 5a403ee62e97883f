// Types for the parts of import-excludes1.mjs that tests use.
export function parseCsv(text: string): Record<string, string>[];
export function ownerOf(row: Record<string, string>): string;
export function toNotes(rows: readonly Record<string, string>[]): [string, string, string][];
