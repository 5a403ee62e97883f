// docs/findings.md, written from the catalogue by `npm run docs`; a test fails when the page is stale.
import type { FindingEntry, Source } from './catalogue.js';
import { FINDINGS } from './index.js';

const LEVELS = ['error', 'warning', 'info'] as const;

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('\n', ' ');
}

function link(source: Source): string {
  const name = source.section === undefined ? source.document : `${source.document} ${source.section}`;
  return `[${cell(name)}](${source.url})`;
}

/**
 * The catalogue page: every finding by level, with what it means, what to do and its sources.
 * @example
 * writeFileSync('docs/findings.md', renderFindingsPage());
 */
export function renderFindingsPage(): string {
  const entries = Object.entries(FINDINGS as Record<string, FindingEntry<unknown>>);
  const lines = [
    '# Findings',
    '',
    '<!-- Generated from src/letters/findings/ by `npm run docs`; do not edit by hand. -->',
    '',
    'Every finding lmnkit can report, with its level, what it means, what to do about it and the',
    'primary sources it rests on. Errors stop the letter unless forced; warnings and info travel with',
    'the result. Each finding the API, CLI and service return carries the sources that applied to it.',
    '',
  ];
  for (const level of LEVELS) {
    const ofLevel = entries
      .filter(([, entry]) => entry.level === level)
      .sort(([a], [b]) => a.localeCompare(b));
    lines.push(`## ${level[0]?.toUpperCase() ?? ''}${level.slice(1)}s (${ofLevel.length})`, '');
    lines.push('| code | meaning | what to do | sources |', '| --- | --- | --- | --- |');
    for (const [code, entry] of ofLevel) {
      const sources = entry.sources.length === 0 ? '—' : entry.sources.map(link).join('<br>');
      lines.push(`| \`${code}\` | ${cell(entry.title)} | ${cell(entry.fix)} | ${sources} |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}
