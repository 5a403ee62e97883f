import { describe, expect, it } from 'vitest';
import { EXCLUDES1_RULES, findExcludes1Conflicts } from '../../src/codes/excludes1.js';

function pairs(codes: string[]): [string, string][] {
  return findExcludes1Conflicts(codes).map(({ first, second }) => [first, second]);
}

describe('findExcludes1Conflicts', () => {
  it('flags low back pain with a low back strain, with our reason', () => {
    expect(findExcludes1Conflicts(['M54.50', 'S39.012A'])).toEqual([
      {
        first: 'M54.50',
        second: 'S39.012A',
        reason: 'Low back pain from a low back strain is coded to the strain only.',
      },
    ]);
  });

  it('works in either order and keeps the list order in the result', () => {
    expect(pairs(['S39.012D', 'M54.59'])).toEqual([['S39.012D', 'M54.59']]);
  });

  it('normalizes the codes it reports', () => {
    expect(pairs([' m5450', 's39012a'])).toEqual([['M54.50', 'S39.012A']]);
  });

  it.each([
    ['M54.50', 'M51.26', 'disc displacement'],
    ['M54.51', 'M54.41', 'lumbago with sciatica'],
    ['M54.50', 'M51.360', 'disc degeneration with back pain'],
    ['M54.42', 'M51.16', 'disc disorder with radiculopathy'],
    ['M54.40', 'M51.372', 'disc degeneration with back and leg pain'],
    ['M54.31', 'G57.01', 'sciatic nerve lesion'],
    ['M54.32', 'M51.17', 'disc disorder with radiculopathy'],
    ['M54.30', 'M54.41', 'lumbago with sciatica'],
    ['M54.31', 'M51.361', 'disc degeneration with leg pain'],
    ['M54.2', 'M50.20', 'cervical disc disorder (M50.-)'],
    ['M54.12', 'M50.11', 'cervical disc with radiculopathy'],
    ['M54.16', 'M47.26', 'spondylosis with radiculopathy'],
    ['M54.12', 'M79.2', 'neuralgia NOS'],
    ['M54.6', 'M51.24', 'thoracic disc'],
    ['M62.830', 'M79.18', 'myalgia'],
    ['M62.838', 'R25.2', 'cramp and spasm'],
    ['M79.10', 'M79.7', 'fibromyalgia'],
    ['M79.12', 'M60.9', 'myositis'],
    ['M79.2', 'M54.31', 'sciatica (range M54.3–M54.4)'],
    ['M79.2', 'M54.42', 'lumbago with sciatica (range M54.3–M54.4)'],
    ['M79.2', 'G56.01', 'carpal tunnel (range G56–G58)'],
    ['M79.2', 'G57.02', 'sciatic nerve lesion (range G56–G58)'],
    ['M79.2', 'G58.0', 'intercostal neuropathy (range G56–G58)'],
    ['M72.8', 'M67.A01', 'plantar fasciitis'],
    ['M75.101', 'S46.011A', 'traumatic rotator cuff injury'],
    ['M54.2', 'S13.4XXA', 'whiplash sprain, initial encounter'],
    ['M54.2', 'S16.1XXD', 'neck strain, subsequent encounter'],
    ['M54.6', 'S23.3XXA', 'thoracic sprain'],
    ['M53.86', 'S33.5XXD', 'lumbar sprain'],
    ['M50.20', 'S13.4XXD', 'cervical disc with whiplash'],
    ['M54.16', 'S39.012A', 'lumbar radiculopathy with low back strain'],
    ['M54.50', 'S33.5XXA', 'low back pain with lumbar sprain'],
    ['M54.5', 'S33.6XXA', 'low back pain (header) with sacroiliac sprain'],
  ])('flags %s with %s (%s)', (code, other) => {
    expect(pairs([code, other])).toEqual([[code, other]]);
  });

  it.each([
    ['M54.50', 'M54.2', 'low back and neck pain'],
    ['M54.50', 'M62.830', 'low back pain and back spasm'],
    ['M79.2', 'G59', 'just outside the range G56–G58'],
    ['M79.2', 'G55', 'just outside the range G56–G58'],
    ['M54.2', 'S13.4XXS', 'sequela with its residual condition'],
    ['M54.50', 'S33.6XXS', 'sequela with its residual condition'],
    ['M54.2', 'S13.5XXA', 'thyroid region sprain is not a spine injury'],
    ['M54.2', 'S39.012A', 'neck pain beside a low back strain'],
    ['M54.6', 'S13.4XXA', 'thoracic pain beside a neck sprain'],
    ['M54.9', 'S33.5XXA', 'dorsalgia of no stated region'],
    ['M79.7', 'M62.830', 'fibromyalgia and spasm'],
    ['M54.50', 'M54.50', 'a repeated code'],
  ])('does not flag %s with %s (%s)', (code, other) => {
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

describe('EXCLUDES1_RULES', () => {
  it('write every reason in a sentence of our own', () => {
    for (const rule of EXCLUDES1_RULES) {
      expect(rule.reason).toMatch(/^[A-Z].*\.$/);
      expect(rule.codes.length).toBeGreaterThan(0);
      expect(rule.excludes.length).toBeGreaterThan(0);
    }
  });
});
