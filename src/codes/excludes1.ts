// ICD-10-CM Excludes1 notes that matter for manual-therapy letters (DOMAIN §1.4, rule
// [ICD-6]): the two conditions are mutually exclusive, so a letter should not report both.
// Patterns are written as in the tabular list: `M54.5-` and `M50.-` are prefixes, `G56–G58`
// is a range of prefixes, and a bare code also covers any codes below it.
import { isIcdCodeFormat, toDisplay, toDotless } from './icd10cm.js';

export interface Excludes1Rule {
  /** Codes carrying the note. */
  codes: readonly string[];
  /** Codes that must not be reported with them. */
  excludes: readonly string[];
  /** Our own paraphrase of the note. */
  reason: string;
  /** Only a current injury is excluded: a sequela (7th character S) goes with its residual condition. */
  currentInjuryOnly?: boolean;
}

/** One pair of codes in a list that should not appear together. */
export interface Excludes1Conflict {
  /** The code that comes first in the list, in display form. */
  first: string;
  second: string;
  reason: string;
}

export const EXCLUDES1_RULES: readonly Excludes1Rule[] = [
  {
    codes: ['M54.5-'],
    excludes: ['S39.012-'],
    reason: 'Low back pain from a low back strain is coded to the strain only.',
  },
  {
    codes: ['M54.5-'],
    excludes: ['M51.2-'],
    reason: 'Low back pain from a displaced lumbar disc is coded to the disc disorder only.',
  },
  {
    codes: ['M54.5-'],
    excludes: ['M54.4-'],
    reason: 'Low back pain with sciatica is one code, lumbago with sciatica (M54.4-).',
  },
  {
    codes: ['M54.5-'],
    excludes: ['M51.360', 'M51.370'],
    reason: 'The disc degeneration code with discogenic back pain already includes the low back pain.',
  },
  {
    codes: ['M54.4-'],
    excludes: ['M51.1-'],
    reason:
      'Lumbago with sciatica from a disc disorder with radiculopathy is coded to the disc disorder only.',
  },
  {
    codes: ['M54.4-'],
    excludes: ['M51.362', 'M51.372'],
    reason: 'The disc degeneration code with back and leg pain already includes the lumbago with sciatica.',
  },
  {
    codes: ['M54.3-'],
    excludes: ['G57.0-'],
    reason: 'Sciatica from a lesion of the sciatic nerve is coded to the nerve lesion only.',
  },
  {
    codes: ['M54.3-'],
    excludes: ['M51.1-'],
    reason: 'Sciatica from a disc disorder is coded to the disc disorder with radiculopathy only.',
  },
  {
    codes: ['M54.3-'],
    excludes: ['M54.4-'],
    reason: 'Sciatica with low back pain is one code, lumbago with sciatica (M54.4-).',
  },
  {
    codes: ['M54.3-'],
    excludes: ['M51.361', 'M51.371'],
    reason: 'The disc degeneration code with leg pain already includes the sciatica.',
  },
  {
    codes: ['M54.2'],
    excludes: ['M50.-'],
    reason: 'Neck pain from a cervical disc disorder is coded to the disc disorder only.',
  },
  {
    codes: ['M54.1-'],
    excludes: ['M50.1-', 'M51.1-'],
    reason: 'Radiculopathy from a disc disorder is coded to the disc disorder with radiculopathy only.',
  },
  {
    codes: ['M54.1-'],
    excludes: ['M47.2-'],
    reason: 'Radiculopathy from spondylosis is coded to spondylosis with radiculopathy only.',
  },
  {
    codes: ['M54.1-'],
    excludes: ['M79.2'],
    reason: 'Radiculopathy and neuralgia or neuritis NOS name the same nerve pain: choose one.',
  },
  {
    codes: ['M54.6'],
    excludes: ['M51.-'],
    reason: 'Thoracic spine pain from a disc disorder is coded to the disc disorder only.',
  },
  {
    codes: ['M62.-'],
    excludes: ['M79.1-', 'R25.2'],
    reason: 'A muscle disorder such as spasm is not coded with myalgia or with cramp and spasm: choose one.',
  },
  {
    codes: ['M79.1-'],
    excludes: ['M79.7', 'M60.-'],
    reason: 'Fibromyalgia and myositis already include the muscle pain; myalgia is not added.',
  },
  {
    codes: ['M79.2'],
    excludes: ['M54.3–M54.4', 'G56–G58'],
    reason:
      'Neuralgia or neuritis NOS is not used when the nerve pain has its own code (sciatica, a mononeuropathy).',
  },
  {
    codes: ['M72.8-'],
    excludes: ['M67.A0-'],
    reason:
      'Plantar fasciitis has its own codes (M67.A0-) and is not coded as another fibroblastic disorder.',
  },
  {
    codes: ['M75.1-'],
    excludes: ['S46.01-'],
    reason: 'A rotator cuff tear is either non-traumatic or a traumatic injury, never both.',
  },
  // The M50–M54 block excludes a current injury; we compare by spine region, since a
  // dorsopathy of one region may be coded beside an injury of another.
  {
    codes: [
      'M50.-',
      'M53.0–M53.1',
      'M53.2X1–M53.2X3',
      'M53.81–M53.83',
      'M54.01–M54.03',
      'M54.11–M54.13',
      'M54.2',
    ],
    excludes: ['S12.0–S12.6', 'S12.9', 'S13.0–S13.2', 'S13.4-', 'S14.1–S14.2', 'S16.1-'],
    reason:
      'A current neck injury is coded to the injury (for example S13.4XX- or S16.1XX- for whiplash), not to a dorsopathy.',
    currentInjuryOnly: true,
  },
  {
    codes: [
      'M51.04–M51.05',
      'M51.14–M51.15',
      'M51.24–M51.25',
      'M51.34–M51.35',
      'M51.44–M51.45',
      'M51.84–M51.85',
      'M53.2X4–M53.2X5',
      'M53.84–M53.85',
      'M54.04–M54.05',
      'M54.14–M54.15',
      'M54.6',
    ],
    excludes: ['S22.0-', 'S23.0–S23.1', 'S23.3-', 'S24.1–S24.2', 'S29.012-'],
    reason:
      'A current thoracic spine injury is coded to the injury (for example S23.3XX-), not to a dorsopathy.',
    currentInjuryOnly: true,
  },
  {
    codes: [
      'M51.06–M51.07',
      'M51.16–M51.17',
      'M51.26–M51.27',
      'M51.36–M51.37',
      'M51.46–M51.47',
      'M51.86–M51.87',
      'M51.A-',
      'M53.2X6–M53.2X8',
      'M53.3',
      'M53.86–M53.88',
      'M54.06–M54.08',
      'M54.16–M54.18',
      'M54.3–M54.5',
    ],
    excludes: ['S32.0–S32.1', 'S33.0–S33.1', 'S33.5–S33.6', 'S34.1–S34.2', 'S39.012-'],
    reason:
      'A current low back injury is coded to the injury (for example S39.012- or S33.5XX-), not to a dorsopathy.',
    currentInjuryOnly: true,
  },
];

interface CompiledRule {
  codes: readonly string[];
  excludes: readonly string[];
  reason: string;
  currentInjuryOnly: boolean;
}

let compiled: readonly CompiledRule[] | undefined;

/**
 * Pairs of codes in a diagnosis list that an Excludes1 note says not to report together,
 * each once, in list order. Malformed and repeated codes are ignored.
 * @example
 * findExcludes1Conflicts(['M54.50', 'S39.012A']);
 * // [{ first: 'M54.50', second: 'S39.012A', reason: 'Low back pain from a low back strain …' }]
 */
export function findExcludes1Conflicts(codes: readonly string[]): Excludes1Conflict[] {
  compiled ??= EXCLUDES1_RULES.map(compileRule);
  const rules = compiled;
  const list = [...new Set(codes.map(toDotless))].filter((code) => isIcdCodeFormat(toDisplay(code)));
  const conflicts: Excludes1Conflict[] = [];
  list.forEach((first, index) => {
    for (const second of list.slice(index + 1)) {
      const rule = rules.find(
        (candidate) => excludes(candidate, first, second) || excludes(candidate, second, first),
      );
      if (rule) conflicts.push({ first: toDisplay(first), second: toDisplay(second), reason: rule.reason });
    }
  });
  return conflicts;
}

function excludes(rule: CompiledRule, code: string, other: string): boolean {
  return (
    startsWithAny(code, rule.codes) &&
    startsWithAny(other, rule.excludes) &&
    !(rule.currentInjuryOnly && isSequela(other))
  );
}

function startsWithAny(code: string, prefixes: readonly string[]): boolean {
  return prefixes.some((prefix) => code.startsWith(prefix));
}

function isSequela(code: string): boolean {
  return /^[ST]/.test(code) && code.length === 7 && code.endsWith('S');
}

function compileRule(rule: Excludes1Rule): CompiledRule {
  return {
    codes: rule.codes.flatMap(expandPattern),
    excludes: rule.excludes.flatMap(expandPattern),
    reason: rule.reason,
    currentInjuryOnly: rule.currentInjuryOnly ?? false,
  };
}

/** `M54.5-` → ['M545']; `M50.-` → ['M50']; `G56–G58` → ['G56', 'G57', 'G58'] (dotless prefixes). */
function expandPattern(pattern: string): string[] {
  const [from, to, ...rest] = pattern.split('–').map((end) => toDotless(end.replace(/-$/, '')));
  if (from === undefined || rest.length > 0 || !isIcdCodeFormat(toDisplay(from))) {
    throw new RangeError(`not an ICD-10-CM code pattern: ${pattern}`);
  }
  if (to === undefined) return [from];
  const stem = from.slice(0, -1);
  const first = Number(from.slice(-1));
  const last = Number(to.slice(-1));
  if (to.length !== from.length || to.slice(0, -1) !== stem || !(first < last)) {
    throw new RangeError(`not an ICD-10-CM code range: ${pattern}`);
  }
  return Array.from({ length: last - first + 1 }, (_, offset) => `${stem}${first + offset}`);
}
