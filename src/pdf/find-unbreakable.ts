// Phrases a reader must see on one line: a line break inside a phone number, a date or a number and its unit
// splits what the reader has to copy or compare.

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan\\.|Feb\\.|Mar\\.|Apr\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.';
const SPANISH_MONTHS =
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre';
const UNITS =
  'units?|minutes?|min|hours?|days?|weeks?|months?|years?|sessions?|visits?|times|points?|degrees?|lb|kg|mg|ml|cm|mm';
const NUMBER = '\\d+(?:[.,]\\d+)?';

const PATTERNS = [
  // (415) 555-0133, 415-555-0133, 415.555.0133, +1 415 555 0133, with an extension
  /(?:\+1[ .-]?)?(?:\(\d{3}\)|\d{3})[ .-]\d{3}[ .-]\d{4}(?: (?:ext\.?|x) ?\d+)?/g,
  // November 20, 2026 · Nov. 20 · 20 November 2026
  new RegExp(`\\b(?:${MONTHS}) \\d{1,2}(?:, \\d{4})?|\\b\\d{1,2} (?:${MONTHS}) \\d{4}`, 'g'),
  // 1 de diciembre de 2026
  new RegExp(`\\b\\d{1,2} de (?:${SPANISH_MONTHS})(?: de \\d{4})?`, 'gi'),
  // 97140 × 2 units, 2 units, 45 minutes, 7 sessions a week
  new RegExp(`(?:\\b[A-Z0-9]{4,7}(?:-[A-Z0-9]{2})? × )?\\b${NUMBER} (?:${UNITS})\\b`, 'g'),
  // CPT 97124, NPI 1558598797, 29 CFR 2560.503-1, § 2560.503-1
  /\b(?:CPT|HCPCS|NPI|ICD-10-CM|ICD-10) [A-Z0-9][\w.-]*|\b\d+ (?:CFR|U\.S\.C\.) [\d.-]+|§ ?[\d.()-]+\w*/g,
];

/**
 * The [start, end) ranges of text that a line must not break inside, merged where they overlap.
 * @example
 * findUnbreakable('Call (415) 555-0133.'); // [[5, 19]]
 */
export function findUnbreakable(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  for (const pattern of PATTERNS) {
    for (const match of text.matchAll(pattern)) ranges.push([match.index, match.index + match[0].length]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
