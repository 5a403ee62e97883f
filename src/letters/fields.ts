// Field schemas shared by every letter kind (DESIGN.md "Input shape").
import { z } from 'zod';
import { isValidNpi } from '../codes/npi.js';
import { isIcdCodeFormat, normalizeIcdCode } from '../codes/icd10cm.js';
import { isProcedureCodeFormat } from '../codes/cpt.js';
import { isCalendarDate } from '../calendar.js';

// C0 and C1 controls other than tab and newline: never meaningful in a letter.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const LINE_BREAK = /[\n\t]/u;

function text(max: number, { multiline = false } = {}) {
  return z
    .string()
    .refine((value) => value.isWellFormed(), {
      error: 'contains an invalid character',
      params: { code: 'INVALID_TEXT' },
    })
    .refine((value) => !CONTROL_CHARACTER.test(value) && (multiline || !LINE_BREAK.test(value)), {
      error: multiline ? 'contains a control character' : 'must be a single line without control characters',
      params: { code: 'INVALID_TEXT' },
    })
    .normalize('NFC')
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);
}

export const ShortText = text(120);
export const LineText = text(300);
export const LongText = text(4000, { multiline: true });

/** A calendar date written YYYY-MM-DD; 2026-02-30 is refused. Never an instant. */
export const CalendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(isCalendarDate, { error: 'is not a real calendar date', params: { code: 'INVALID_DATE' } });

export const UsState = z
  .string()
  .trim()
  .overwrite((value) => value.toUpperCase())
  .regex(/^[A-Z]{2}$/, 'must be a two-letter state code');

export const Address = z.strictObject({
  line1: LineText,
  line2: LineText.optional(),
  city: ShortText,
  state: UsState,
  postalCode: z
    .string()
    .trim()
    .regex(/^\d{5}(-\d{4})?$/, 'must be a ZIP code (12345 or 12345-6789)'),
});
export type Address = z.infer<typeof Address>;

export const Phone = z
  .string()
  .trim()
  .regex(/^\+?[\d\s().-]{7,20}(\s*(x|ext\.?)\s*\d{1,6})?$/i, 'must be a phone number such as (555) 123-4567')
  .refine((value) => value.replace(/\D/g, '').length >= 10, {
    error: 'must have at least 10 digits',
    params: { code: 'INVALID_PHONE' },
  });

export const Npi = z
  .string()
  .trim()
  .regex(/^\d{10}$/, 'must be 10 digits')
  .refine(isValidNpi, {
    error: 'is not a valid NPI (check digit does not match)',
    params: { code: 'INVALID_NPI' },
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
    .regex(/^\d{4}$/, 'must be the last 4 digits of the participant ID'),
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

/** draft: DRAFT on every page; for-signature: a clean copy to sign by hand; electronic: signed by the attestation. */
export const SignatureMode = z.enum(['draft', 'for-signature', 'electronic']);
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
        .regex(/^[A-Za-z][A-Za-z.-]{0,11}$/, 'must be a credential such as MD, DC, DPT, NP or PA-C'),
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

export const PlanType = z.enum([
  'PPO',
  'HMO',
  'EPO',
  'POS',
  'HDHP',
  'Medicare',
  'Medicare Advantage',
  'Medicaid',
  'TRICARE',
  'Other',
]);

export const Coverage = z.strictObject({
  payer: LineText,
  planType: PlanType,
  memberId: ShortText.optional(),
  groupNumber: ShortText.optional(),
  referralOnFile: z.boolean().optional(),
  /** A private-sector employer's group plan, whose claims ERISA governs; leave out when not known. */
  employerPlan: z.boolean().optional(),
  priorAuthorizationNumber: ShortText.optional(),
});
export type Coverage = z.infer<typeof Coverage>;

export const Diagnosis = z.strictObject({
  code: z
    .string()
    .overwrite(normalizeIcdCode)
    .refine(isIcdCodeFormat, {
      error: 'must be an ICD-10-CM code such as M54.50',
      params: { code: 'INVALID_ICD10CM' },
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
    }),
  minutes: z.int().min(1).max(240).optional(),
  units: z.int().min(1).max(24).optional(),
});

export const Frequency = z.strictObject({
  count: z.int().min(1, 'must be at least 1').max(14, 'must be at most 14'),
  per: z.enum(['day', 'week', 'month']),
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
  });
export type Duration = z.infer<typeof Duration>;

export const Service = z.enum([
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

export const Symptom = z.strictObject({
  description: LineText,
  severity: z.number().min(0).max(10).optional(),
});

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
