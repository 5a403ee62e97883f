// What one HSA/FSA/HRA administrator asks of a Letter of Medical Necessity, from its own forms and help pages.
import { z } from 'zod';
import { isCalendarDate } from '../../../calendar.js';

/** The items an administrator can ask the letter to carry; administrator-rules.ts says where each lives. */
export const RequiredField = z.enum([
  'patientName',
  'patientDateOfBirth',
  'participantName',
  'participantEmployer',
  'participantIdLast4',
  'diagnosis',
  'treatment',
  'frequency',
  'sessionLength',
  'startDate',
  'endDate',
  'duration',
  'medicalReason',
  'expectedOutcome',
  'priorTreatments',
  'certification',
  'providerName',
  'providerCredentials',
  'providerLicense',
  'providerNpi',
  'providerContact',
  'signature',
  'letterDate',
]);
export type RequiredField = z.infer<typeof RequiredField>;

/** `{conditions}` becomes "condition" or "conditions" and `{these}` "this" or "these", by the diagnosis count. */
const CERTIFICATION_TOKEN = /\{[^}]*\}/g;
const KNOWN_TOKENS = new Set(['{conditions}', '{these}']);

/** The certification most administrators accept: the wording their forms share. */
export const STANDARD_CERTIFICATION =
  'I certify that this treatment is medically necessary to treat the diagnosed {conditions} stated above, that the patient would not obtain it but for {these} {conditions}, and that it is not for general health, relaxation or cosmetic purposes.';

export const AdministratorProfile = z.strictObject({
  /** File name and the value that selects the profile (`coverage.administrator`). */
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Other names people write for it; matched like the id and name, ignoring case, spaces and punctuation. */
  aliases: z.array(z.string().min(1)),
  /** Where the requirements come from: the administrator's forms and help pages. */
  sources: z
    .array(z.strictObject({ document: z.string().min(1), url: z.url({ protocol: /^https$/ }) }))
    .min(1),
  /** When the source was last checked (YYYY-MM-DD). */
  checkedOn: z.string().refine(isCalendarDate, 'must be a date written YYYY-MM-DD'),
  /** The administrator's own rule about a missing item, quoted in findings. */
  rule: z.string().min(1),
  requires: z.array(RequiredField).min(1),
  /** `dependent`: participant items are asked for only when the patient is not the account holder. */
  participantItems: z.enum(['always', 'dependent']),
  /** The certification sentence the letter prints (English: administrators read English). */
  certification: z
    .string()
    .min(1)
    .refine((text) => (text.match(CERTIFICATION_TOKEN) ?? []).every((token) => KNOWN_TOKENS.has(token)), {
      error: 'may use only the {conditions} and {these} placeholders',
    }),
  /** The longest course one letter may cover, in months, counted from `validFrom`. */
  maxMonths: z.int().min(1).max(12),
  /**
   * `start`: months count from the first treatment; `signature`: from the signature (or the letter
   * date); `letter`: from the date the letter is written.
   */
  validFrom: z.enum(['start', 'signature', 'letter']),
  /** Services are reimbursed only after the letter is received (a letter never covers earlier visits). */
  serviceAfterLetter: z.boolean(),
  /** A new letter is needed for each plan year (benefit period). */
  newLetterEachPlanYear: z.boolean(),
  /** A named condition, not a symptom such as "back pain". */
  specificDiagnosis: z.boolean(),
  /** Each claim is one upload: letter, receipts and form combined into one PDF. */
  oneUploadPerClaim: z.boolean(),
  /** Credentials the administrator names for the signer, where it names any. */
  signerCredentials: z.array(z.string().regex(/^[A-Z][A-Z.-]*$/)).optional(),
  notes: z.string().optional(),
});
export type AdministratorProfile = z.infer<typeof AdministratorProfile>;
