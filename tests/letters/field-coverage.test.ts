// Everything the input says reaches the letter: each leaf of each example and of a maximal input
// per kind is found in the PDF's text (in the letter's words), or is on the reviewed NOT_PRINTED list.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate } from '../../src/index.js';
import { formatLongDate, formatShortDate } from '../../src/calendar.js';
import type { LetterReader } from '../../src/letters/content-rules.js';
import { describeFrequency, SERVICE_NAMES } from '../../src/letters/letter-view.js';
import { nameInstrument } from '../../src/letters/name-instrument.js';
import { notPrintedReason } from '../../src/letters/not-printed.js';
import { CONFIDENTIALITY_NOTICE } from '../../src/letters/letter-view.js';
import { listExamples } from '../support/examples.js';
import { readPdf, TODAY } from '../support/pdf.js';

interface Case {
  name: string;
  kind: string;
  input: Record<string, any>;
}

const FIXTURES = new URL('../fixtures/maximal/', import.meta.url);
const KINDS = ['prior-auth', 'prescription', 'appeal', 'lmn'];

function fixtures(): Case[] {
  return readdirSync(FIXTURES)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.json'.length);
      const kind = KINDS.find((candidate) => name === candidate || name.startsWith(`${candidate}-`)) ?? '';
      return {
        name: `maximal ${name}`,
        kind,
        input: JSON.parse(readFileSync(new URL(file, FIXTURES), 'utf8')) as Record<string, any>,
      };
    });
}

function readerOf(kind: string, input: Record<string, any>): LetterReader {
  if (kind === 'lmn') return input.purpose === 'insurance' ? 'insurance-lmn' : 'hsa-fsa-lmn';
  return kind as LetterReader;
}

type Leaf = [path: string, value: unknown];

function leaves(value: unknown, path: string[] = []): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, [...path, String(index)]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]));
  }
  return [[path.join('.'), value]];
}

const LEVEL_WORDS: Record<string, string> = {
  'first-internal': 'First-Level Internal Appeal',
  'second-internal': 'Second-Level Internal Appeal',
  'external-review': 'Request for External Review',
  expedited: 'Expedited Appeal',
  'medicare-redetermination': 'Request for Redetermination',
};

// Booleans and enums are found by their effect on the letter: the words they make it print.
const EFFECTS: Record<string, (value: any, input: Record<string, any>) => string | undefined> = {
  purpose: (value) =>
    value === 'insurance' ? 'medically necessary for the conditions above' : 'Valid through',
  'treatment.service': (value: keyof typeof SERVICE_NAMES) => SERVICE_NAMES[value],
  'treatment.frequency.count': (_, input) => describeFrequency(input.treatment.frequency),
  'treatment.frequency.per': (_, input) => describeFrequency(input.treatment.frequency),
  'treatment.duration.weeks': (value: number) => `${value} week${value === 1 ? '' : 's'}`,
  'treatment.duration.months': (value: number) => `${value} month${value === 1 ? '' : 's'}`,
  'clinical.symptoms.*.severity': (value: number) => `${value}/10`,
  'clinical.reassessEveryWeeks': (value: number) => `every ${value} week${value === 1 ? '' : 's'}`,
  'provider.signature.mode': (value: string) =>
    value === 'draft' ? 'DRAFT' : value === 'for-signature' ? 'Signature: ___' : 'Electronically signed by',
  'coverage.referralOnFile': (value: boolean) => (value ? 'Referral on file' : undefined),
  'coverage.employerPlan': (value: boolean) => (value ? '29 CFR 2560.503-1' : undefined),
  'denial.level': (value: string) => LEVEL_WORDS[value],
  'denial.finalInternalDenial': (value: boolean) => (value ? 'Internal appeals are exhausted' : undefined),
  'denial.amount': (value: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(value),
  'priorAuth.urgency': (value: string) => (value === 'expedited' ? 'expedited request' : 'standard request'),
  packet: (value: boolean) => (value ? 'Claim packet: what to submit' : undefined),
  coverPage: (value: boolean, input) =>
    value ? (input.language === 'es' ? 'Esta página es para usted' : 'This page is for you') : undefined,
  language: (value: string) => (value === 'es' ? 'Esta página es para usted' : 'This page is for you'),
  // The ID is printed as the last 4 digits the administrator asks for (NOT_PRINTED gives the reason).
};

const IMAGE_FIELDS = new Set(['provider.practice.logo', 'provider.signature.image']);

/** What the letter prints for this leaf; several forms where the letter may use any of them. */
function expectedForms(path: string, value: unknown, input: Record<string, any>): string[] {
  const pattern = path.replace(/\.\d+(?=\.|$)/g, '.*');
  const effect = EFFECTS[pattern];
  if (effect) {
    const words = effect(value, input);
    return words === undefined ? [] : [words];
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return [formatLongDate(value), formatShortDate(value), formatLongDate(value, 'es')];
  }
  if (pattern === 'clinical.outcomeMeasures.*.instrument') {
    return [String(value), nameInstrument(String(value)).full];
  }
  if (typeof value === 'boolean') throw new Error(`${path}: say what this boolean does to the letter`);
  return [String(value)];
}

// Whitespace is where a line wraps, so it is left out on both sides; case is the template's choice.
const squeeze = (text: string) => text.replace(/\s+/g, '').toLowerCase();

/** Leaves out the running header and footer, which a page break puts inside a sentence. */
function withoutRunningText(text: string, input: Record<string, any>): string {
  const { patient } = input;
  const header = `${[patient.firstName, patient.middleName, patient.lastName].filter(Boolean).join(' ')} · DOB ${formatShortDate(patient.dateOfBirth)}`;
  return text
    .split(CONFIDENTIALITY_NOTICE)
    .join(' ')
    .split(header)
    .join(' ')
    .replace(/Page \d+ of \d+/g, ' ');
}

async function missingLeaves({ kind, input }: Case): Promise<string[]> {
  const { pdf } = await generate(kind, input, { today: TODAY, force: true });
  const { text: printed } = await readPdf(pdf);
  const text = squeeze(withoutRunningText(printed, input));
  const reader = readerOf(kind, input);
  return leaves(input).flatMap(([path, value]) => {
    if (notPrintedReason(path, reader) !== undefined) return [];
    if (IMAGE_FIELDS.has(path)) {
      return Buffer.from(pdf).toString('latin1').includes('/Subtype /Image') ? [] : [`${path} (image)`];
    }
    const forms = expectedForms(path, value, input);
    return forms.length === 0 || forms.some((form) => text.includes(squeeze(form))) ? [] : [path];
  });
}

describe('every field the input gives reaches the letter, or is on the NOT_PRINTED list', () => {
  it.each([...listExamples(), ...fixtures()].map((entry) => [entry.name, entry] as const))(
    '%s',
    async (_, entry) => {
      expect(await missingLeaves(entry)).toEqual([]);
    },
    30_000,
  );
});
