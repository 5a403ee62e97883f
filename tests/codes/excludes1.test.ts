import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  EXCLUDES1_NOTES,
  EXCLUDES1_PROSE_NOTES,
  findExcludes1Conflicts,
  isSequela,
} from '../../src/codes/excludes1.js';
import { EXCLUDES1_NOTES_FY2027 } from '../../src/codes/data/excludes1-fy2027.js';
import { parseCsv, toNotes } from '../../scripts/import-excludes1.mjs';

function pairs(codes: string[]): [string, string][] {
  return findExcludes1Conflicts(codes).map(({ first, second }) => [first, second]);
}

describe('findExcludes1Conflicts', () => {
  it('flags low back pain with a low back strain, quoting the tabular note', () => {
    expect(findExcludes1Conflicts(['M54.50', 'S39.012A'])).toEqual([
      { first: 'M54.50', second: 'S39.012A', at: 'M54.5', note: 'low back strain (S39.012)' },
    ]);
  });

  it('works in either order and keeps the list order in the result', () => {
    expect(pairs(['S39.012D', 'M54.59'])).toEqual([['S39.012D', 'M54.59']]);
  });

  it('normalizes the codes it reports', () => {
    expect(pairs([' m5450', 's39012a'])).toEqual([['M54.50', 'S39.012A']]);
  });

  // The pairs issue 10 lists as missing from the hand-written list, each from its tabular note.
  it.each([
    ['M54.89', 'M54.50', 'M54.8', 'low back pain (M54.5-)'],
    ['M54.81', 'M54.6', 'M54.8', 'dorsalgia in thoracic region (M54.6)'],
    ['R52', 'M54.2', 'R52', 'spine pain (M54.-)'],
    ['R52', 'M25.511', 'R52', 'joint pain (M25.5-)'],
    ['R52', 'M79.604', 'R52', 'limb pain (M79.6-)'],
    ['R52', 'R51.9', 'R52', 'headache (R51.9)'],
    ['R52', 'G89.29', 'R52', 'acute and chronic pain, not elsewhere classified (G89.-)'],
    ['G44.209', 'R51.9', 'G44', 'headache NOS (R51.9)'],
    ['G89.29', 'G89.4', 'G89.2', 'chronic pain syndrome (G89.4)'],
    ['G43.009', 'G43.709', 'G43.0', 'chronic migraine without aura (G43.7-)'],
    ['M15.0', 'M17.0', 'M15', 'bilateral involvement of single joint (M16-M19)'],
    ['M15.9', 'M19.90', 'M15', 'bilateral involvement of single joint (M16-M19)'],
    ['G54.2', 'M79.2', 'G54', 'neuralgia or neuritis NOS (M79.2)'],
    ['G54.2', 'M54.13', 'G54', 'neuritis or radiculitis brachial NOS (M54.13)'],
    ['G56.01', 'M54.12', 'G50-G59', 'radiculitis NOS (M54.1-)'],
    ['G57.01', 'M79.2', 'G50-G59', 'neuralgia NOS (M79.2)'],
    // M79.2's own note names only G56-G58, but the block note covers every nerve disorder.
    ['G59', 'M79.2', 'G50-G59', 'neuralgia NOS (M79.2)'],
  ])('flags %s with %s (note at %s: %s)', (code, other, at, note) => {
    expect(findExcludes1Conflicts([code, other])).toEqual([{ first: code, second: other, at, note }]);
  });

  it.each([
    ['Z47.89', 'S82.201D', 'aftercare of a healing fracture is the fracture code with D'],
    ['Z47.89', 'S52.501G', 'delayed healing is a subsequent encounter too'],
    ['Z48.89', 'S46.011D', 'aftercare of an injury is the injury code with D'],
    ['Z48.812', 'S13.4XXD', 'surgical aftercare of an injury'],
  ])('flags the aftercare code %s with %s (%s)', (code, other) => {
    expect(pairs([code, other])).toEqual([[code, other]]);
  });

  it.each([
    ['Z47.89', 'S82.201A', 'an initial encounter is active treatment, not aftercare'],
    ['Z48.89', 'S46.011S', 'a sequela is not aftercare'],
    ['Z47.1', 'M54.50', 'not an injury'],
  ])('does not flag the aftercare code %s with %s (%s)', (code, other) => {
    expect(pairs([code, other])).toEqual([]);
  });

  // The pairs the hand-written list had, now derived from the data.
  it.each([
    ['M54.50', 'M51.26'],
    ['M54.51', 'M54.41'],
    ['M54.50', 'M51.360'],
    ['M54.42', 'M51.16'],
    ['M54.40', 'M51.372'],
    ['M54.31', 'G57.01'],
    ['M54.32', 'M51.17'],
    ['M54.30', 'M54.41'],
    ['M54.31', 'M51.361'],
    ['M54.2', 'M50.20'],
    ['M54.12', 'M50.11'],
    ['M54.16', 'M47.26'],
    ['M54.12', 'M79.2'],
    ['M54.6', 'M51.24'],
    ['M62.830', 'M79.18'],
    ['M62.838', 'R25.2'],
    ['M79.10', 'M79.7'],
    ['M79.12', 'M60.9'],
    ['M79.2', 'M54.31'],
    ['M79.2', 'M54.42'],
    ['M79.2', 'G56.01'],
    ['M79.2', 'G58.0'],
    ['M72.8', 'M67.A01'],
    ['M75.101', 'S46.011A'],
    ['M54.2', 'S13.4XXA'],
    ['M54.2', 'S16.1XXD'],
    ['M54.6', 'S23.3XXA'],
    ['M53.86', 'S33.5XXD'],
    ['M50.20', 'S13.4XXD'],
    ['M54.16', 'S39.012A'],
    ['M54.50', 'S33.5XXA'],
    ['M54.5', 'S33.6XXA'],
    ['G56.01', 'S64.01XD'],
  ])('flags %s with %s', (code, other) => {
    expect(pairs([code, other])).toEqual([[code, other]]);
  });

  it.each([
    ['M54.50', 'M54.2', 'low back and neck pain'],
    ['M54.50', 'M62.830', 'low back pain and back spasm'],
    ['M54.2', 'S13.5XXA', 'thyroid region sprain is not a spine injury'],
    ['M54.2', 'S39.012A', 'neck pain beside a low back strain'],
    ['M54.6', 'S13.4XXA', 'thoracic pain beside a neck sprain'],
    ['M54.9', 'S33.5XXA', 'dorsalgia of no stated region'],
    ['M79.7', 'M62.830', 'fibromyalgia and spasm'],
    ['M54.50', 'M54.50', 'a repeated code'],
    ['G43.709', 'G44.209', 'chronic migraine and tension-type headache'],
  ])('does not flag %s with %s (%s)', (code, other) => {
    expect(pairs([code, other])).toEqual([]);
  });

  // Guidelines I.B.10 and I.C.19.a: the residual condition is reported with the sequela code.
  it.each([
    ['M54.2', 'S16.1XXS'],
    ['M54.2', 'S13.4XXS'],
    ['M54.50', 'S39.012S'],
    ['M54.50', 'S33.6XXS'],
    ['M75.101', 'S46.011S'],
  ])('treats a sequela alike in every note: %s with %s is not flagged', (code, other) => {
    expect(pairs([code, other])).toEqual([]);
  });

  it('reports each conflicting pair once, in list order', () => {
    expect(pairs(['M54.2', 'M54.50', 'S39.012A', 'M54.41', 'M79.2'])).toEqual([
      ['M54.50', 'S39.012A'],
      ['M54.50', 'M54.41'],
      ['S39.012A', 'M54.41'],
      ['M54.41', 'M79.2'],
    ]);
  });

  it('ignores malformed codes and empty lists', () => {
    expect(pairs(['', 'hello', 'M54.50'])).toEqual([]);
    expect(pairs([])).toEqual([]);
  });
});

describe('isSequela', () => {
  it('is an injury code with 7th character S', () => {
    expect(isSequela('S39.012S')).toBe(true);
    expect(isSequela('S39.012D')).toBe(false);
    expect(isSequela('M48.40XS')).toBe(false);
  });
});

describe('the Excludes1 data', () => {
  const csv = readFileSync(new URL('../../src/codes/data/fy2027-excludes1.csv', import.meta.url), 'utf8');

  it('is the generated form of the CSV copied from the tabular (npm scripts/import-excludes1.mjs)', () => {
    expect(EXCLUDES1_NOTES_FY2027).toEqual(toNotes(parseCsv(csv)));
  });

  it('reads only prose notes that are in the data', () => {
    for (const [at, text] of EXCLUDES1_PROSE_NOTES) {
      expect(EXCLUDES1_NOTES_FY2027).toContainEqual([at, text, expect.any(String)]);
    }
  });

  it('compiles every pattern', () => {
    expect(EXCLUDES1_NOTES.length).toBeGreaterThan(1900);
    expect(() => findExcludes1Conflicts(['M54.50', 'M54.2'])).not.toThrow();
  });
});
