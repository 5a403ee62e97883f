// The curated ICD-10-CM pick-list for massage / manual therapy letters, embedded so the
// library reads no file at run time. Titles are official ICD-10-CM titles (public domain).
// Data copied from data/icd10cm/curated-manual-therapy.csv; tests/codes keeps it in sync.
import { toDotless } from './icd10cm.js';
import { keywordsFor } from './icd10cm-keywords.js';

/** One row of the built-in table. */
export interface IcdEntry {
  /** Display form, e.g. `M54.50`. */
  code: string;
  title: string;
  /** Valid for claims in FY2027 (dates of service 2026-10-01 to 2027-09-30); false = header. */
  billable: boolean;
  /** Our own grouping for pick-lists, not an official field. */
  group: IcdGroup;
}

let byCode: ReadonlyMap<string, IcdEntry> | undefined;

/**
 * The built-in entry for a code, in either form.
 * @example
 * lookupIcd('m5450')?.title; // 'Low back pain, unspecified'
 */
export function lookupIcd(code: string): IcdEntry | undefined {
  byCode ??= new Map(ICD10CM_TABLE.map((entry) => [toDotless(entry.code), entry]));
  return byCode.get(toDotless(code));
}

/**
 * Entries for a type-ahead: those whose code starts with the query (dot optional), or whose
 * title, group and everyday words (icd10cm-keywords.ts) contain every word of the query as the
 * start of a word (case-insensitive).
 * Billable codes come first; then code matches, whole title words, word starts; then by code.
 * @example
 * searchIcd('low back').map((entry) => entry.code); // ['M54.50', 'M54.51', 'M54.59', …]
 * searchIcd('M54.4'); // M54.40, M54.41, M54.42
 */
export function searchIcd(query: string, limit = 10): IcdEntry[] {
  const words = splitWords(query);
  if (words.length === 0 || limit <= 0) return [];
  const codePrefix = toDotless(query);
  return ICD10CM_TABLE.map((entry) => ({ entry, rank: rankMatch(entry, codePrefix, words) }))
    .filter((match): match is { entry: IcdEntry; rank: number } => match.rank !== undefined)
    .sort(
      (a, b) =>
        Number(b.entry.billable) - Number(a.entry.billable) ||
        a.rank - b.rank ||
        compareCodes(a.entry.code, b.entry.code),
    )
    .slice(0, limit)
    .map(({ entry }) => entry);
}

/** 0 code prefix, 1 whole title words, 2 starts of title or group words; undefined: no match. */
function rankMatch(entry: IcdEntry, codePrefix: string, queryWords: readonly string[]): number | undefined {
  if (toDotless(entry.code).startsWith(codePrefix)) return 0;
  const titleWords = splitWords(entry.title);
  if (queryWords.every((queryWord) => titleWords.includes(queryWord))) return 1;
  const entryWords = [...titleWords, ...splitWords(entry.group), ...splitWords(keywordsFor(entry.code))];
  if (queryWords.every((queryWord) => entryWords.some((word) => word.startsWith(queryWord)))) return 2;
  return undefined;
}

function compareCodes(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function splitWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

export type IcdGroup =
  | 'aftercare'
  | 'back-other'
  | 'chiropractic-segmental'
  | 'chronic-pain'
  | 'disc'
  | 'elbow-wrist-hand'
  | 'external-cause'
  | 'foot-ankle'
  | 'function'
  | 'headache'
  | 'headache-neck'
  | 'hip-knee-leg'
  | 'joint-pain'
  | 'limb-pain'
  | 'low-back'
  | 'lymphedema-edema'
  | 'mid-back'
  | 'migraine'
  | 'muscle'
  | 'myalgia-fibromyalgia'
  | 'neck'
  | 'nerve'
  | 'osteoarthritis'
  | 'pelvis-si'
  | 'sciatica-radicular'
  | 'shoulder'
  | 'soft-tissue'
  | 'spine-degenerative'
  | 'spine-other'
  | 'stress-anxiety'
  | 'symptom'
  | 'tmj'
  | 'whiplash-sprain-strain';

export const ICD10CM_TABLE: readonly IcdEntry[] = [
  { code: 'M54.50', title: 'Low back pain, unspecified', billable: true, group: 'low-back' },
  { code: 'M54.51', title: 'Vertebrogenic low back pain', billable: true, group: 'low-back' },
  { code: 'M54.59', title: 'Other low back pain', billable: true, group: 'low-back' },
  { code: 'M54.5', title: 'Low back pain', billable: false, group: 'low-back' },
  { code: 'M54.2', title: 'Cervicalgia', billable: true, group: 'neck' },
  { code: 'M54.6', title: 'Pain in thoracic spine', billable: true, group: 'mid-back' },
  { code: 'M54.89', title: 'Other dorsalgia', billable: true, group: 'back-other' },
  { code: 'M54.9', title: 'Dorsalgia, unspecified', billable: true, group: 'back-other' },
  { code: 'M54.81', title: 'Occipital neuralgia', billable: true, group: 'headache-neck' },
  { code: 'M54.30', title: 'Sciatica, unspecified side', billable: true, group: 'sciatica-radicular' },
  { code: 'M54.31', title: 'Sciatica, right side', billable: true, group: 'sciatica-radicular' },
  { code: 'M54.32', title: 'Sciatica, left side', billable: true, group: 'sciatica-radicular' },
  {
    code: 'M54.40',
    title: 'Lumbago with sciatica, unspecified side',
    billable: true,
    group: 'sciatica-radicular',
  },
  { code: 'M54.41', title: 'Lumbago with sciatica, right side', billable: true, group: 'sciatica-radicular' },
  { code: 'M54.42', title: 'Lumbago with sciatica, left side', billable: true, group: 'sciatica-radicular' },
  { code: 'M54.10', title: 'Radiculopathy, site unspecified', billable: true, group: 'sciatica-radicular' },
  { code: 'M54.12', title: 'Radiculopathy, cervical region', billable: true, group: 'sciatica-radicular' },
  {
    code: 'M54.13',
    title: 'Radiculopathy, cervicothoracic region',
    billable: true,
    group: 'sciatica-radicular',
  },
  { code: 'M54.14', title: 'Radiculopathy, thoracic region', billable: true, group: 'sciatica-radicular' },
  { code: 'M54.16', title: 'Radiculopathy, lumbar region', billable: true, group: 'sciatica-radicular' },
  { code: 'M54.17', title: 'Radiculopathy, lumbosacral region', billable: true, group: 'sciatica-radicular' },
  {
    code: 'M50.10',
    title: 'Cervical disc disorder with radiculopathy, unspecified cervical region',
    billable: true,
    group: 'disc',
  },
  { code: 'M50.120', title: 'Mid-cervical disc disorder, unspecified level', billable: true, group: 'disc' },
  {
    code: 'M50.20',
    title: 'Other cervical disc displacement, unspecified cervical region',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M50.30',
    title: 'Other cervical disc degeneration, unspecified cervical region',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.16',
    title: 'Intervertebral disc disorders with radiculopathy, lumbar region',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.17',
    title: 'Intervertebral disc disorders with radiculopathy, lumbosacral region',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.26',
    title: 'Other intervertebral disc displacement, lumbar region',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.27',
    title: 'Other intervertebral disc displacement, lumbosacral region',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.36',
    title: 'Other intervertebral disc degeneration, lumbar region',
    billable: false,
    group: 'disc',
  },
  {
    code: 'M51.360',
    title: 'Other intervertebral disc degeneration, lumbar region with discogenic back pain only',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.361',
    title: 'Other intervertebral disc degeneration, lumbar region with lower extremity pain only',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.362',
    title:
      'Other intervertebral disc degeneration, lumbar region with discogenic back pain and lower extremity pain',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.369',
    title:
      'Other intervertebral disc degeneration, lumbar region without mention of lumbar back pain or lower extremity pain',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.370',
    title: 'Other intervertebral disc degeneration, lumbosacral region with discogenic back pain only',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M51.372',
    title:
      'Other intervertebral disc degeneration, lumbosacral region with discogenic back pain and lower extremity pain',
    billable: true,
    group: 'disc',
  },
  {
    code: 'M47.812',
    title: 'Spondylosis without myelopathy or radiculopathy, cervical region',
    billable: true,
    group: 'spine-degenerative',
  },
  {
    code: 'M47.816',
    title: 'Spondylosis without myelopathy or radiculopathy, lumbar region',
    billable: true,
    group: 'spine-degenerative',
  },
  {
    code: 'M47.817',
    title: 'Spondylosis without myelopathy or radiculopathy, lumbosacral region',
    billable: true,
    group: 'spine-degenerative',
  },
  { code: 'M48.02', title: 'Spinal stenosis, cervical region', billable: true, group: 'spine-degenerative' },
  {
    code: 'M48.061',
    title: 'Spinal stenosis, lumbar region without neurogenic claudication',
    billable: true,
    group: 'spine-degenerative',
  },
  {
    code: 'M48.062',
    title: 'Spinal stenosis, lumbar region with neurogenic claudication',
    billable: true,
    group: 'spine-degenerative',
  },
  { code: 'M41.9', title: 'Scoliosis, unspecified', billable: true, group: 'spine-other' },
  { code: 'M43.6', title: 'Torticollis', billable: true, group: 'neck' },
  { code: 'M46.1', title: 'Sacroiliitis, not elsewhere classified', billable: true, group: 'pelvis-si' },
  { code: 'M53.0', title: 'Cervicocranial syndrome', billable: true, group: 'neck' },
  { code: 'M53.1', title: 'Cervicobrachial syndrome', billable: true, group: 'neck' },
  {
    code: 'M53.3',
    title: 'Sacrococcygeal disorders, not elsewhere classified',
    billable: true,
    group: 'pelvis-si',
  },
  { code: 'M53.82', title: 'Other specified dorsopathies, cervical region', billable: true, group: 'neck' },
  { code: 'M53.86', title: 'Other specified dorsopathies, lumbar region', billable: true, group: 'low-back' },
  {
    code: 'M99.00',
    title: 'Segmental and somatic dysfunction of head region',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.01',
    title: 'Segmental and somatic dysfunction of cervical region',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.02',
    title: 'Segmental and somatic dysfunction of thoracic region',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.03',
    title: 'Segmental and somatic dysfunction of lumbar region',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.04',
    title: 'Segmental and somatic dysfunction of sacral region',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.05',
    title: 'Segmental and somatic dysfunction of pelvic region',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.06',
    title: 'Segmental and somatic dysfunction of lower extremity',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.07',
    title: 'Segmental and somatic dysfunction of upper extremity',
    billable: true,
    group: 'chiropractic-segmental',
  },
  {
    code: 'M99.08',
    title: 'Segmental and somatic dysfunction of rib cage',
    billable: true,
    group: 'chiropractic-segmental',
  },
  { code: 'M62.830', title: 'Muscle spasm of back', billable: true, group: 'muscle' },
  { code: 'M62.831', title: 'Muscle spasm of calf', billable: true, group: 'muscle' },
  { code: 'M62.838', title: 'Other muscle spasm', billable: true, group: 'muscle' },
  { code: 'M62.83', title: 'Muscle spasm', billable: false, group: 'muscle' },
  { code: 'M62.81', title: 'Muscle weakness (generalized)', billable: true, group: 'muscle' },
  {
    code: 'M62.85',
    title: 'Dysfunction of the multifidus muscles, lumbar region',
    billable: true,
    group: 'muscle',
  },
  { code: 'M62.89', title: 'Other specified disorders of muscle', billable: true, group: 'muscle' },
  { code: 'M79.10', title: 'Myalgia, unspecified site', billable: true, group: 'myalgia-fibromyalgia' },
  { code: 'M79.11', title: 'Myalgia of mastication muscle', billable: true, group: 'myalgia-fibromyalgia' },
  {
    code: 'M79.12',
    title: 'Myalgia of auxiliary muscles, head and neck',
    billable: true,
    group: 'myalgia-fibromyalgia',
  },
  { code: 'M79.18', title: 'Myalgia, other site', billable: true, group: 'myalgia-fibromyalgia' },
  { code: 'M79.1', title: 'Myalgia', billable: false, group: 'myalgia-fibromyalgia' },
  { code: 'M79.7', title: 'Fibromyalgia', billable: true, group: 'myalgia-fibromyalgia' },
  { code: 'M79.2', title: 'Neuralgia and neuritis, unspecified', billable: true, group: 'nerve' },
  { code: 'M79.89', title: 'Other specified soft tissue disorders', billable: true, group: 'soft-tissue' },
  { code: 'M79.601', title: 'Pain in right arm', billable: true, group: 'limb-pain' },
  { code: 'M79.602', title: 'Pain in left arm', billable: true, group: 'limb-pain' },
  { code: 'M79.604', title: 'Pain in right leg', billable: true, group: 'limb-pain' },
  { code: 'M79.605', title: 'Pain in left leg', billable: true, group: 'limb-pain' },
  { code: 'M79.641', title: 'Pain in right hand', billable: true, group: 'limb-pain' },
  { code: 'M79.642', title: 'Pain in left hand', billable: true, group: 'limb-pain' },
  { code: 'M79.671', title: 'Pain in right foot', billable: true, group: 'limb-pain' },
  { code: 'M79.672', title: 'Pain in left foot', billable: true, group: 'limb-pain' },
  { code: 'M25.511', title: 'Pain in right shoulder', billable: true, group: 'joint-pain' },
  { code: 'M25.512', title: 'Pain in left shoulder', billable: true, group: 'joint-pain' },
  { code: 'M25.551', title: 'Pain in right hip', billable: true, group: 'joint-pain' },
  { code: 'M25.552', title: 'Pain in left hip', billable: true, group: 'joint-pain' },
  { code: 'M25.561', title: 'Pain in right knee', billable: true, group: 'joint-pain' },
  { code: 'M25.562', title: 'Pain in left knee', billable: true, group: 'joint-pain' },
  { code: 'M75.01', title: 'Adhesive capsulitis of right shoulder', billable: true, group: 'shoulder' },
  { code: 'M75.02', title: 'Adhesive capsulitis of left shoulder', billable: true, group: 'shoulder' },
  { code: 'M75.41', title: 'Impingement syndrome of right shoulder', billable: true, group: 'shoulder' },
  { code: 'M75.42', title: 'Impingement syndrome of left shoulder', billable: true, group: 'shoulder' },
  {
    code: 'S46.011A',
    title: 'Strain of muscle(s) and tendon(s) of the rotator cuff of right shoulder, initial encounter',
    billable: true,
    group: 'shoulder',
  },
  {
    code: 'S46.012A',
    title: 'Strain of muscle(s) and tendon(s) of the rotator cuff of left shoulder, initial encounter',
    billable: true,
    group: 'shoulder',
  },
  { code: 'M77.01', title: 'Medial epicondylitis, right elbow', billable: true, group: 'elbow-wrist-hand' },
  { code: 'M77.11', title: 'Lateral epicondylitis, right elbow', billable: true, group: 'elbow-wrist-hand' },
  { code: 'M77.12', title: 'Lateral epicondylitis, left elbow', billable: true, group: 'elbow-wrist-hand' },
  {
    code: 'M65.4',
    title: 'Radial styloid tenosynovitis [de Quervain]',
    billable: true,
    group: 'elbow-wrist-hand',
  },
  { code: 'G56.00', title: 'Carpal tunnel syndrome, unspecified upper limb', billable: true, group: 'nerve' },
  { code: 'G56.01', title: 'Carpal tunnel syndrome, right upper limb', billable: true, group: 'nerve' },
  { code: 'G56.02', title: 'Carpal tunnel syndrome, left upper limb', billable: true, group: 'nerve' },
  { code: 'G56.03', title: 'Carpal tunnel syndrome, bilateral upper limbs', billable: true, group: 'nerve' },
  { code: 'G54.0', title: 'Brachial plexus disorders', billable: true, group: 'nerve' },
  {
    code: 'G57.00',
    title: 'Lesion of sciatic nerve, unspecified lower limb',
    billable: true,
    group: 'nerve',
  },
  { code: 'G57.01', title: 'Lesion of sciatic nerve, right lower limb', billable: true, group: 'nerve' },
  { code: 'G57.02', title: 'Lesion of sciatic nerve, left lower limb', billable: true, group: 'nerve' },
  { code: 'M70.61', title: 'Trochanteric bursitis, right hip', billable: true, group: 'hip-knee-leg' },
  { code: 'M70.62', title: 'Trochanteric bursitis, left hip', billable: true, group: 'hip-knee-leg' },
  { code: 'M76.31', title: 'Iliotibial band syndrome, right leg', billable: true, group: 'hip-knee-leg' },
  { code: 'M76.32', title: 'Iliotibial band syndrome, left leg', billable: true, group: 'hip-knee-leg' },
  { code: 'M76.61', title: 'Achilles tendinitis, right leg', billable: true, group: 'foot-ankle' },
  { code: 'M76.62', title: 'Achilles tendinitis, left leg', billable: true, group: 'foot-ankle' },
  { code: 'M72.2', title: 'Plantar fascial fibromatosis', billable: false, group: 'foot-ankle' },
  {
    code: 'M72.20',
    title: 'Plantar fascial fibromatosis, unspecified foot',
    billable: true,
    group: 'foot-ankle',
  },
  { code: 'M67.A01', title: 'Plantar fasciitis, right foot', billable: true, group: 'foot-ankle' },
  { code: 'M67.A02', title: 'Plantar fasciitis, left foot', billable: true, group: 'foot-ankle' },
  { code: 'M67.A09', title: 'Plantar fasciitis, unspecified foot', billable: true, group: 'foot-ankle' },
  {
    code: 'S93.401A',
    title: 'Sprain of unspecified ligament of right ankle, initial encounter',
    billable: true,
    group: 'foot-ankle',
  },
  {
    code: 'S93.402A',
    title: 'Sprain of unspecified ligament of left ankle, initial encounter',
    billable: true,
    group: 'foot-ankle',
  },
  {
    code: 'M16.0',
    title: 'Bilateral primary osteoarthritis of hip',
    billable: true,
    group: 'osteoarthritis',
  },
  {
    code: 'M16.11',
    title: 'Unilateral primary osteoarthritis, right hip',
    billable: true,
    group: 'osteoarthritis',
  },
  {
    code: 'M16.12',
    title: 'Unilateral primary osteoarthritis, left hip',
    billable: true,
    group: 'osteoarthritis',
  },
  { code: 'M16.9', title: 'Osteoarthritis of hip, unspecified', billable: true, group: 'osteoarthritis' },
  {
    code: 'M17.0',
    title: 'Bilateral primary osteoarthritis of knee',
    billable: true,
    group: 'osteoarthritis',
  },
  {
    code: 'M17.11',
    title: 'Unilateral primary osteoarthritis, right knee',
    billable: true,
    group: 'osteoarthritis',
  },
  {
    code: 'M17.12',
    title: 'Unilateral primary osteoarthritis, left knee',
    billable: true,
    group: 'osteoarthritis',
  },
  { code: 'M17.9', title: 'Osteoarthritis of knee, unspecified', billable: true, group: 'osteoarthritis' },
  {
    code: 'M17.1',
    title: 'Unilateral primary osteoarthritis of knee',
    billable: false,
    group: 'osteoarthritis',
  },
  { code: 'M15.0', title: 'Primary generalized (osteo)arthritis', billable: true, group: 'osteoarthritis' },
  {
    code: 'M19.90',
    title: 'Unspecified osteoarthritis, unspecified site',
    billable: true,
    group: 'osteoarthritis',
  },
  {
    code: 'M26.601',
    title: 'Right temporomandibular joint disorder, unspecified',
    billable: true,
    group: 'tmj',
  },
  {
    code: 'M26.602',
    title: 'Left temporomandibular joint disorder, unspecified',
    billable: true,
    group: 'tmj',
  },
  {
    code: 'M26.603',
    title: 'Bilateral temporomandibular joint disorder, unspecified',
    billable: true,
    group: 'tmj',
  },
  {
    code: 'M26.609',
    title: 'Unspecified temporomandibular joint disorder, unspecified side',
    billable: true,
    group: 'tmj',
  },
  { code: 'M26.621', title: 'Arthralgia of right temporomandibular joint', billable: true, group: 'tmj' },
  { code: 'M26.622', title: 'Arthralgia of left temporomandibular joint', billable: true, group: 'tmj' },
  { code: 'M26.623', title: 'Arthralgia of bilateral temporomandibular joint', billable: true, group: 'tmj' },
  {
    code: 'M26.629',
    title: 'Arthralgia of temporomandibular joint, unspecified side',
    billable: true,
    group: 'tmj',
  },
  {
    code: 'M26.69',
    title: 'Other specified disorders of temporomandibular joint',
    billable: true,
    group: 'tmj',
  },
  {
    code: 'S13.4XXA',
    title: 'Sprain of ligaments of cervical spine, initial encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S13.4XXD',
    title: 'Sprain of ligaments of cervical spine, subsequent encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S13.4XXS',
    title: 'Sprain of ligaments of cervical spine, sequela',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S16.1XXA',
    title: 'Strain of muscle, fascia and tendon at neck level, initial encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S16.1XXD',
    title: 'Strain of muscle, fascia and tendon at neck level, subsequent encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S16.1XXS',
    title: 'Strain of muscle, fascia and tendon at neck level, sequela',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S23.3XXA',
    title: 'Sprain of ligaments of thoracic spine, initial encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S29.012A',
    title: 'Strain of muscle and tendon of back wall of thorax, initial encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S33.5XXA',
    title: 'Sprain of ligaments of lumbar spine, initial encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S33.5XXD',
    title: 'Sprain of ligaments of lumbar spine, subsequent encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S33.6XXA',
    title: 'Sprain of sacroiliac joint, initial encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S39.012A',
    title: 'Strain of muscle, fascia and tendon of lower back, initial encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S39.012D',
    title: 'Strain of muscle, fascia and tendon of lower back, subsequent encounter',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S39.012S',
    title: 'Strain of muscle, fascia and tendon of lower back, sequela',
    billable: true,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'S13.4',
    title: 'Sprain of ligaments of cervical spine',
    billable: false,
    group: 'whiplash-sprain-strain',
  },
  {
    code: 'V43.52XA',
    title: 'Car driver injured in collision with other motor vehicle in traffic accident, initial encounter',
    billable: true,
    group: 'external-cause',
  },
  {
    code: 'V89.2XXA',
    title: 'Person injured in unspecified motor-vehicle accident, traffic, initial encounter',
    billable: true,
    group: 'external-cause',
  },
  {
    code: 'Y99.0',
    title: 'Civilian activity done for income or pay',
    billable: true,
    group: 'external-cause',
  },
  { code: 'Y99.8', title: 'Other external cause status', billable: true, group: 'external-cause' },
  {
    code: 'G44.209',
    title: 'Tension-type headache, unspecified, not intractable',
    billable: true,
    group: 'headache',
  },
  {
    code: 'G44.201',
    title: 'Tension-type headache, unspecified, intractable',
    billable: true,
    group: 'headache',
  },
  {
    code: 'G44.219',
    title: 'Episodic tension-type headache, not intractable',
    billable: true,
    group: 'headache',
  },
  {
    code: 'G44.229',
    title: 'Chronic tension-type headache, not intractable',
    billable: true,
    group: 'headache',
  },
  { code: 'G44.221', title: 'Chronic tension-type headache, intractable', billable: true, group: 'headache' },
  { code: 'G44.86', title: 'Cervicogenic headache', billable: true, group: 'headache' },
  {
    code: 'G44.309',
    title: 'Post-traumatic headache, unspecified, not intractable',
    billable: true,
    group: 'headache',
  },
  { code: 'G44.2', title: 'Tension-type headache', billable: false, group: 'headache' },
  { code: 'R51.9', title: 'Headache, unspecified', billable: true, group: 'headache' },
  {
    code: 'G43.009',
    title: 'Migraine without aura, not intractable, without status migrainosus',
    billable: true,
    group: 'migraine',
  },
  {
    code: 'G43.109',
    title: 'Migraine with aura, not intractable, without status migrainosus',
    billable: true,
    group: 'migraine',
  },
  {
    code: 'G43.709',
    title: 'Chronic migraine without aura, not intractable, without status migrainosus',
    billable: true,
    group: 'migraine',
  },
  {
    code: 'G43.719',
    title: 'Chronic migraine without aura, intractable, without status migrainosus',
    billable: true,
    group: 'migraine',
  },
  {
    code: 'G43.909',
    title: 'Migraine, unspecified, not intractable, without status migrainosus',
    billable: true,
    group: 'migraine',
  },
  {
    code: 'G43.919',
    title: 'Migraine, unspecified, intractable, without status migrainosus',
    billable: true,
    group: 'migraine',
  },
  { code: 'G43.9', title: 'Migraine, unspecified', billable: false, group: 'migraine' },
  { code: 'G89.21', title: 'Chronic pain due to trauma', billable: true, group: 'chronic-pain' },
  { code: 'G89.28', title: 'Other chronic postprocedural pain', billable: true, group: 'chronic-pain' },
  { code: 'G89.29', title: 'Other chronic pain', billable: true, group: 'chronic-pain' },
  { code: 'G89.4', title: 'Chronic pain syndrome', billable: true, group: 'chronic-pain' },
  { code: 'R52', title: 'Pain, unspecified', billable: true, group: 'symptom' },
  { code: 'I89.0', title: 'Lymphedema, not elsewhere classified', billable: true, group: 'lymphedema-edema' },
  { code: 'I97.2', title: 'Postmastectomy lymphedema syndrome', billable: true, group: 'lymphedema-edema' },
  { code: 'Q82.0', title: 'Hereditary lymphedema', billable: true, group: 'lymphedema-edema' },
  { code: 'R60.0', title: 'Localized edema', billable: true, group: 'lymphedema-edema' },
  {
    code: 'Z47.1',
    title: 'Aftercare following joint replacement surgery',
    billable: true,
    group: 'aftercare',
  },
  {
    code: 'Z47.82',
    title: 'Encounter for orthopedic aftercare following scoliosis surgery',
    billable: true,
    group: 'aftercare',
  },
  { code: 'Z47.89', title: 'Encounter for other orthopedic aftercare', billable: true, group: 'aftercare' },
  {
    code: 'Z48.89',
    title: 'Encounter for other specified surgical aftercare',
    billable: true,
    group: 'aftercare',
  },
  { code: 'Z51.89', title: 'Encounter for other specified aftercare', billable: true, group: 'aftercare' },
  { code: 'Z96.641', title: 'Presence of right artificial hip joint', billable: true, group: 'aftercare' },
  { code: 'Z96.642', title: 'Presence of left artificial hip joint', billable: true, group: 'aftercare' },
  { code: 'Z96.651', title: 'Presence of right artificial knee joint', billable: true, group: 'aftercare' },
  { code: 'Z96.652', title: 'Presence of left artificial knee joint', billable: true, group: 'aftercare' },
  { code: 'Z98.1', title: 'Arthrodesis status', billable: true, group: 'aftercare' },
  { code: 'Z47', title: 'Orthopedic aftercare', billable: false, group: 'aftercare' },
  {
    code: 'R26.2',
    title: 'Difficulty in walking, not elsewhere classified',
    billable: true,
    group: 'function',
  },
  { code: 'R26.89', title: 'Other abnormalities of gait and mobility', billable: true, group: 'function' },
  { code: 'R29.3', title: 'Abnormal posture', billable: true, group: 'function' },
  { code: 'R25.2', title: 'Cramp and spasm', billable: true, group: 'symptom' },
  { code: 'R20.2', title: 'Paresthesia of skin', billable: true, group: 'symptom' },
  { code: 'F41.1', title: 'Generalized anxiety disorder', billable: true, group: 'stress-anxiety' },
  { code: 'F41.9', title: 'Anxiety disorder, unspecified', billable: true, group: 'stress-anxiety' },
  { code: 'Z73.3', title: 'Stress, not elsewhere classified', billable: true, group: 'stress-anxiety' },
];
