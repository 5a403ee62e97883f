// Field schemas every letter kind is built from: the primitives and their messages.
import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { z } from 'zod';
import { isValidNpi } from '../codes/npi.js';
import { normalizeIcdCode } from '../codes/icd10cm.js';
import { isProcedureCodeFormat } from '../codes/cpt.js';
import { isCalendarDate } from '../calendar.js';

// C0 and C1 controls other than tab and newline: never meaningful in a letter.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\n\t\u2028\u2029]/u;
// Embeddings, overrides and isolates reorder what a viewer shows (Unicode TR #9, §2).
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Combining marks one character may carry; more are drawn over the lines around it. */
export const MAX_COMBINING_MARKS = 3;
const STACKED_MARKS = new RegExp(`\\p{M}{${MAX_COMBINING_MARKS + 1}}`, 'u');

/** How the published JSON Schema describes a text field (src/json-schema.ts adds the characters the fonts print). */
export const textFields = z.registry<{ multiline: boolean }>();

function textProblem(value: string, multiline: boolean): string | undefined {
  if (!value.isWellFormed()) return 'contains an invalid character';
  if (!multiline && LINE_BREAK.test(value))
    return 'must be a single line (no line breaks, tabs or line separators)';
  if (CONTROL_CHARACTER.test(value)) return 'contains a control character';
  if (BIDI_CONTROL.test(value))
    return 'contains a bidirectional control character (U+202A–U+202E, U+2066–U+2069), which can make the letter show other text than was typed; remove it';
  if (STACKED_MARKS.test(value))
    return `has more than ${MAX_COMBINING_MARKS} combining marks on one character, which would print over the lines around it`;
  return undefined;
}

function text(max: number, { multiline = false } = {}) {
  const schema = z
    .string()
    // Counted as typed, so that the JSON Schema's maxLength says the same.
    .max(max, `must be at most ${max} characters`)
    // Windows line endings and Unicode line/paragraph separators become newlines.
    .overwrite((value) => (multiline ? value.replace(/\r\n?|[\u2028\u2029]/g, '\n') : value))
    .superRefine((value, context) => {
      const problem = textProblem(value, multiline);
      if (problem !== undefined)
        context.addIssue({ code: 'custom', message: problem, params: { code: 'INVALID_TEXT' } });
    })
    .normalize('NFC')
    .trim()
    .min(1, 'must not be empty');
  return schema.register(textFields, { multiline });
}

export const ShortText = text(120);
export const LineText = text(300);
export const LongText = text(4000, { multiline: true });

/** Years a date may have: wide enough for any patient and letter, narrow enough that no date arithmetic overflows. */
export const DATE_YEARS = { earliest: 1900, latest: 2100 } as const;
const DATE_FORMAT = /^\d{4}-\d{2}-\d{2}$/;
const DATE_EXAMPLE = '2026-11-20';

function dateProblem(value: string): { code: string; message: string } | undefined {
  if (!DATE_FORMAT.test(value))
    return { code: 'INVALID_FORMAT', message: `use YYYY-MM-DD, e.g. ${DATE_EXAMPLE}` };
  if (!isCalendarDate(value)) return { code: 'INVALID_DATE', message: 'is not a real calendar date' };
  const year = Number(value.slice(0, 4));
  if (year < DATE_YEARS.earliest || year > DATE_YEARS.latest) {
    return {
      code: 'DATE_OUT_OF_RANGE',
      message: `must be a date in the years ${DATE_YEARS.earliest} to ${DATE_YEARS.latest}`,
    };
  }
  return undefined;
}

/** A calendar date written YYYY-MM-DD, in 1900–2100; 2026-02-30 is refused. Never an instant. */
export const CalendarDate = z
  .string()
  .superRefine((value, context) => {
    const problem = dateProblem(value);
    if (problem)
      context.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
  })
  .meta({
    format: 'date',
    pattern: '^(?:19\\d\\d|20\\d\\d|2100)-\\d\\d-\\d\\d$',
    description: `A calendar date written YYYY-MM-DD, in the years ${DATE_YEARS.earliest} to ${DATE_YEARS.latest}.`,
    examples: [DATE_EXAMPLE],
  });

/** Enumerations made by {@link choice}: the JSON Schema gives their values as the first form of an anyOf. */
export const choiceFields = z.registry<{ values: readonly string[] }>();

/** The key two spellings of a value share: case, and spaces, hyphens or underscores between words, do not count. */
export function choiceKey(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-');
}

/** A JSON Schema pattern matching what {@link choiceKey} folds together. */
function choicePattern(values: readonly string[]): string {
  const spell = (value: string) =>
    choiceKey(value)
      .split('-')
      .map((word) =>
        word.replace(/./gu, (character) => {
          const upper = character.toUpperCase();
          if (upper !== character) return `[${upper}${character}]`;
          return character.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        }),
      )
      .join('[\\s_-]+');
  return `^\\s*(?:${values.map(spell).join('|')})\\s*$`;
}

/**
 * One of `values`, matched without regard to case and to spaces, hyphens or underscores
 * between words ("ppo" is PPO, "Massage therapy" is massage-therapy), unless two values
 * would then be the same.
 */
export function choice<const Values extends readonly [string, ...string[]]>(values: Values) {
  const byKey = new Map<string, string | undefined>();
  for (const value of values) {
    const key = choiceKey(value);
    byKey.set(key, byKey.has(key) ? undefined : value);
  }
  const unambiguous = values.filter((value) => byKey.get(choiceKey(value)) === value);
  const exact = values.filter((value) => !unambiguous.includes(value));
  const schema = z
    .preprocess(
      (input) => (typeof input === 'string' ? (byKey.get(choiceKey(input)) ?? input) : input),
      z.enum(values),
    )
    .meta({
      type: 'string',
      anyOf: [
        { enum: [...values] },
        {
          pattern: choicePattern(unambiguous),
          description: 'The same values in any case, with spaces, hyphens or underscores between words.',
        },
        ...(exact.length > 0 ? [{ enum: exact }] : []),
      ],
    });
  return schema.register(choiceFields, { values });
}

export const UsState = z
  .string()
  .trim()
  .overwrite((value) => value.toUpperCase())
  .regex(/^[A-Z]{2}$/, 'must be a two-letter state code')
  .meta({
    pattern: '^\\s*[A-Za-z]{2}\\s*$',
    description: 'A two-letter state code, any case.',
    examples: ['CA'],
  });

export const Address = z.strictObject({
  line1: LineText,
  line2: LineText.optional(),
  city: ShortText,
  state: UsState,
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code (12345 or 12345-6789)')
    .meta({ pattern: '^\\s*\\d{5}(?:-\\d{4})?\\s*$', examples: ['95816'] }),
});
export type Address = z.infer<typeof Address>;

// Digits with the separators people type, an optional +country code and an optional extension.
const PHONE_SHAPE = /^\s*\+?[\d\s().-]{7,25}(?:\s*(?:x|ext\.?|#)\s*\d{1,7})?\s*$/i;

/** North American numbers as (916) 555-0198, others in international form; extensions kept. */
function formatPhone(value: string): string | undefined {
  const number = parsePhoneNumberFromString(value, 'US');
  if (!number?.isValid()) return undefined;
  return number.countryCallingCode === '1' ? number.formatNational() : number.formatInternational();
}

/** A phone or fax number, written the same way in every letter: (916) 555-0198 ext. 12. */
export const Phone = z
  .string()
  .trim()
  .superRefine((value, context) => {
    const message = !PHONE_SHAPE.test(value)
      ? 'must be a phone number such as (916) 555-0198, optionally with an extension (ext. 12)'
      : formatPhone(value) === undefined
        ? 'is not a phone number that can be dialled (check the area code and the number of digits)'
        : undefined;
    if (message) context.addIssue({ code: 'custom', message, params: { code: 'INVALID_PHONE' } });
  })
  .overwrite((value) => formatPhone(value) ?? value)
  .meta({
    pattern: PHONE_SHAPE.source.replace('(?:x|ext\\.?|#)', '(?:[Xx]|[Ee][Xx][Tt]\\.?|#)'),
    description:
      'A phone number; US and Canadian numbers are printed as (916) 555-0198, others as +44 20 7946 0958. Numbers that cannot be dialled are refused.',
    examples: ['(916) 555-0198', '916-555-0198 ext. 12'],
  });

/** A National Provider Identifier; spaces and dashes are ignored (1558-598-797 is 1558598797). */
export const Npi = z
  .string()
  .overwrite((value) => value.replace(/[\s-]/g, ''))
  .superRefine((value, context) => {
    const message = !/^\d{10}$/.test(value)
      ? 'must be 10 digits (spaces and dashes are ignored)'
      : !isValidNpi(value)
        ? 'is not a valid NPI (check digit does not match)'
        : undefined;
    if (message) context.addIssue({ code: 'custom', message, params: { code: 'INVALID_NPI' } });
  })
  .meta({
    pattern: '^[\\s-]*(?:\\d[\\s-]*){10}$',
    description:
      'The 10-digit NPI; spaces and dashes are ignored. Its check digit is verified (not expressed here).',
    examples: ['1558598797'],
  });

/** A PNG or JPEG image as base64 (a data: URI prefix is allowed). */
export const ImageData = z
  .string()
  .max(700_000, 'must be an image of at most 500 KB')
  .refine((value) => decodeImage(value) !== undefined, {
    error: 'must be a PNG or JPEG image encoded as base64',
    params: { code: 'INVALID_IMAGE' },
  });

export function decodeImage(value: string): Uint8Array | undefined {
  const base64 = value.replace(/^data:image\/(png|jpeg|jpg);base64,/, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) return undefined;
  const bytes = Buffer.from(base64, 'base64');
  const png = bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  return png || jpeg ? new Uint8Array(bytes) : undefined;
}

export const AccountHolder = z.strictObject({
  firstName: ShortText,
  lastName: ShortText,
  relationship: ShortText.optional(),
  employer: LineText.optional(),
  idLast4: z
    .string()
    .trim()
    .regex(/^\d{4}$/, 'must be the last 4 digits of the participant ID')
    .meta({ pattern: '^\\s*\\d{4}\\s*$' }),
});

/** How the letter addresses an adult patient ("Ms. Delgado-Reyes"); without it, the full name. */
export const Title = z.enum(['Mr.', 'Ms.', 'Mrs.', 'Mx.', 'Dr.']);

export const Patient = z.strictObject({
  title: Title.optional(),
  firstName: ShortText,
  middleName: ShortText.optional(),
  lastName: ShortText,
  dateOfBirth: CalendarDate,
  memberId: ShortText.optional(),
  groupNumber: ShortText.optional(),
  address: Address.optional(),
  phone: Phone.optional(),
  accountHolder: AccountHolder.optional(),
});
export type Patient = z.infer<typeof Patient>;

export const Practice = z.strictObject({
  name: LineText,
  address: Address,
  phone: Phone,
  fax: Phone.optional(),
  email: z.email('must be an email address').optional(),
  logo: ImageData.optional(),
});

/** The signer's own electronic signature: the date and the words they attest with, printed as given. */
export const ElectronicSignature = z.strictObject({
  attestedOn: CalendarDate,
  statement: LineText,
});

/**
 * draft: DRAFT on every page; for-signature: a clean copy to sign by hand; electronic: signed by the attestation;
 * digital: signed with a signing certificate that names the signer (PAdES), given when the letter is written.
 */
export const SignatureMode = z.enum(['draft', 'for-signature', 'electronic', 'digital']);
export type SignatureMode = z.infer<typeof SignatureMode>;

export const Signature = z
  .strictObject({
    /** Defaults to electronic when an attestation is given, otherwise to draft. */
    mode: SignatureMode.optional(),
    electronic: ElectronicSignature.optional(),
    /** A picture of the signature, printed only above the signer's electronic attestation. */
    image: ImageData.optional(),
  })
  .refine((value) => value.mode !== 'electronic' || value.electronic !== undefined, {
    error: "is required to sign electronically: the signer's attestation { attestedOn, statement }",
    path: ['electronic'],
    params: { code: 'ATTESTATION_REQUIRED' },
  })
  .refine((value) => value.electronic === undefined || (value.mode ?? 'electronic') === 'electronic', {
    error: 'must be electronic (or left out) when the signer has attested electronically',
    path: ['mode'],
    params: { code: 'SIGNATURE_MODE_CONFLICT' },
  })
  .refine((value) => value.image === undefined || value.electronic !== undefined, {
    error: "signs nothing by itself: give the signer's attestation (electronic) with it, or leave it out",
    path: ['image'],
    params: { code: 'ATTESTATION_REQUIRED' },
  });
export type Signature = z.infer<typeof Signature>;

export const Provider = z.strictObject({
  firstName: ShortText,
  lastName: ShortText,
  credentials: z
    .array(
      z
        .string()
        .trim()
        .regex(/^[A-Za-z][A-Za-z.-]{0,11}$/, 'must be a credential such as MD, DC, DPT, NP or PA-C')
        .meta({ pattern: '^\\s*[A-Za-z][A-Za-z.-]{0,11}\\s*$', examples: ['DC'] }),
    )
    .min(1, 'must list at least one credential')
    .max(6, 'must list at most 6 credentials'),
  specialty: ShortText.optional(),
  npi: Npi,
  license: z.strictObject({ state: UsState, number: ShortText }),
  practice: Practice,
  signature: Signature.optional(),
});
export type Provider = z.infer<typeof Provider>;

export const Recipient = z.strictObject({
  name: ShortText.optional(),
  department: LineText.optional(),
  organization: LineText,
  address: Address.optional(),
  fax: Phone.optional(),
});
export type Recipient = z.infer<typeof Recipient>;

export const PlanType = choice([
  'PPO',
  'HMO',
  'EPO',
  'POS',
  'HDHP',
  'Medicare',
  'Medicare Advantage',
  'Medicaid',
  'TRICARE',
  "Workers' Compensation",
  'Auto PIP',
  'Auto Med-Pay',
  'Other',
]);

/** The adjuster or claims examiner who handles a workers' compensation or auto claim. */
export const ClaimsContact = z.strictObject({
  name: ShortText,
  organization: LineText.optional(),
  phone: Phone.optional(),
  fax: Phone.optional(),
  email: z.email('must be an email address').optional(),
});

/** The injury the care is for, and the workers' compensation or auto claim that pays for it. */
export const InjuryClaim = z.strictObject({
  dateOfInjury: CalendarDate.optional(),
  claimNumber: ShortText.optional(),
  /** The state whose workers' compensation or no-fault law governs the claim. */
  state: UsState.optional(),
  /** Workers' compensation: the employer at the time of the injury. */
  employer: LineText.optional(),
  /** Auto: the named insured on the policy (the patient, or who the patient rode with). */
  insured: LineText.optional(),
  adjuster: ClaimsContact.optional(),
  /** How the injury happened, in the clinician's words. */
  mechanism: LongText.optional(),
  /** The clinician's opinion of how the diagnoses relate to the injury; the letter prints it as written. */
  causation: LongText.optional(),
});
export type InjuryClaim = z.infer<typeof InjuryClaim>;

export const Coverage = z.strictObject({
  payer: LineText,
  planType: PlanType,
  memberId: ShortText.optional(),
  groupNumber: ShortText.optional(),
  referralOnFile: z.boolean().optional(),
  /** A private-sector employer's group plan, whose claims ERISA governs; leave out when not known. */
  employerPlan: z.boolean().optional(),
  priorAuthorizationNumber: ShortText.optional(),
  injury: InjuryClaim.optional(),
  /** For a health plan billed for an injury: who pays first and where that stands (a denial, benefits exhausted). */
  primaryPayer: LineText.optional(),
});
export type Coverage = z.infer<typeof Coverage>;

// Any case, with or without the dot, surrounding spaces ignored.
const ICD_CODE_TYPED = /^\s*[A-Za-z][0-9A-NP-Za-np-z]{2}(?:\.?[0-9A-NP-Za-np-z]{1,4})?\s*$/;

export const Diagnosis = z.strictObject({
  code: z
    .string()
    .refine((value) => ICD_CODE_TYPED.test(value), {
      error: 'must be an ICD-10-CM code such as M54.50',
      params: { code: 'INVALID_ICD10CM' },
    })
    .overwrite(normalizeIcdCode)
    .meta({
      pattern: ICD_CODE_TYPED.source,
      description:
        'An ICD-10-CM code, with or without the dot, any case. Whether it exists for the date of service is a finding.',
      examples: ['M54.50'],
    }),
  description: LineText.optional(),
  onset: CalendarDate.optional(),
});
export type Diagnosis = z.infer<typeof Diagnosis>;

export const Procedure = z.strictObject({
  code: z
    .string()
    .trim()
    .overwrite((value) => value.toUpperCase())
    .refine(isProcedureCodeFormat, {
      error: 'must be a CPT code (5 digits) or a HCPCS code (a letter and 4 digits)',
      params: { code: 'INVALID_PROCEDURE_CODE' },
    })
    .meta({ pattern: '^\\s*(?:\\d{5}|[A-Za-z]\\d{4})\\s*$', examples: ['97124'] }),
  minutes: z.int().min(1).max(240).optional(),
  units: z.int().min(1).max(24).optional(),
  /** The body region the code is performed on (NCCI pairs are bundled on the same region). */
  region: ShortText.optional(),
  /** Claim modifiers the code is billed with, such as GP, 59 or XS. */
  modifiers: z
    .array(
      z
        .string()
        .trim()
        .overwrite((value) => value.toUpperCase())
        .regex(/^[A-Z0-9]{2}$/, 'must be a two-character modifier such as GP or 59')
        .meta({ pattern: '^\\s*[A-Za-z0-9]{2}\\s*$', examples: ['GP', 'XS'] }),
    )
    .max(4, 'must list at most 4 modifiers')
    .optional(),
});

export const Frequency = z.strictObject({
  count: z.int().min(1, 'must be at least 1').max(14, 'must be at most 14'),
  per: choice(['day', 'week', 'month']),
});
export type Frequency = z.infer<typeof Frequency>;

export const Duration = z
  .strictObject({
    weeks: z.int().min(1).max(104).optional(),
    months: z.int().min(1).max(24).optional(),
    endDate: CalendarDate.optional(),
  })
  .refine((value) => Object.keys(value).length === 1, {
    error: 'must give exactly one of weeks, months or endDate',
    params: { code: 'INVALID_DURATION' },
  })
  .meta({ minProperties: 1, maxProperties: 1 });
export type Duration = z.infer<typeof Duration>;

export const Service = choice([
  'massage-therapy',
  'manual-therapy',
  'myofascial-release',
  'manual-lymphatic-drainage',
  'chiropractic-care',
  'physical-therapy',
]);
export type Service = z.infer<typeof Service>;

const Items = (max: number) => z.array(LineText).max(max, `must have at most ${max} items`);

export const Treatment = z
  .strictObject({
    service: Service,
    procedures: z.array(Procedure).min(1, 'must list at least one procedure code').max(8),
    techniques: Items(12).default([]),
    bodyAreas: Items(12).default([]),
    frequency: Frequency,
    duration: Duration,
    startDate: CalendarDate,
    sessionMinutes: z.int().min(5).max(240),
    deliveredBy: LineText.optional(),
    precautions: Items(12).default([]),
    /** Why the plan needs more care than usual (visits a week, weeks, sessions), in the clinician's words. */
    rationale: LongText.optional(),
  })
  .refine((value) => value.duration.endDate === undefined || value.duration.endDate >= value.startDate, {
    error: 'must not be before the start date',
    path: ['duration', 'endDate'],
    params: { code: 'END_BEFORE_START' },
  });
export type Treatment = z.infer<typeof Treatment>;

/** A symptom; a plain string is taken as its description. */
export const Symptom = z
  .union([
    z.strictObject({
      description: LineText,
      severity: z.number().min(0).max(10).optional(),
    }),
    LineText,
  ])
  .transform((value) => (typeof value === 'string' ? { description: value } : value));

export const PriorTreatment = z.strictObject({
  treatment: LineText,
  duration: ShortText.optional(),
  outcome: LineText,
});

export const OutcomeMeasure = z.strictObject({
  instrument: ShortText,
  baseline: z.number(),
  baselineDate: CalendarDate.optional(),
  current: z.number().optional(),
  currentDate: CalendarDate.optional(),
  target: z.number().optional(),
});
export type OutcomeMeasure = z.infer<typeof OutcomeMeasure>;

export const Clinical = z.strictObject({
  treatingSince: CalendarDate.optional(),
  history: LongText,
  examFindings: LongText.optional(),
  symptoms: z.array(Symptom).max(12).default([]),
  functionalLimitations: Items(12).default([]),
  priorTreatments: z.array(PriorTreatment).max(12).default([]),
  goals: Items(12).default([]),
  outcomeMeasures: z.array(OutcomeMeasure).max(12).default([]),
  expectedOutcome: LongText.optional(),
  withoutTreatment: LongText.optional(),
  reassessEveryWeeks: z.int().min(1).max(52).optional(),
});
export type Clinical = z.infer<typeof Clinical>;

export const Diagnoses = z
  .array(Diagnosis)
  .min(1, 'must list at least one diagnosis')
  .max(12, 'must list at most 12 diagnoses');

export const Enclosures = Items(20).default([]);

/** `coverSheet: "fax"` adds a fax cover sheet as the first page, addressed to the recipient's fax. */
export const CoverSheet = z.enum(['fax']);

/** What the fax cover says besides the letter's own facts: its subject (default: the kind of letter). */
export const FaxCover = z.strictObject({
  /** Printed as given: the practice decides how much, if anything, it says about the patient. */
  subject: LineText.optional(),
});

/** The fields every kind accepts for a fax cover sheet. */
export const COVER_SHEET_FIELDS = { coverSheet: CoverSheet.optional(), fax: FaxCover.optional() };
