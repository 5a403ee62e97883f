import type { KindSummary } from '../index.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A short page at / until the web form lands: what the service does and where the API is. */
export function placeholderPage(kinds: KindSummary[]): string {
  const items = kinds
    .map((kind) => `<li><code>${escape(kind.kind)}</code> — ${escape(kind.title)}</li>`)
    .join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>lmnkit</title></head><body>
<h1>lmnkit</h1><p>Letters that get therapeutic care paid for. POST JSON to <code>/v1/letters/:kind</code>.</p>
<ul>${items}</ul><p>Schemas: <code>/v1/kinds/:kind/schema</code>.</p></body></html>`;
}
