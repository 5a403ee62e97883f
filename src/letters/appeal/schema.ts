// Appeal of a denied claim: the denial and its CARC, a direct answer to it, documented progress
// against the MCID, and a deadline the letter meets.
import { z } from 'zod';
import { isCarcFormat, lookupCarc } from '../../codes/carc.js';
import {
  COVER_SHEET_FIELDS,
  CalendarDate,
  Clinical,
  Coverage,
  Diagnoses,
  Enclosures,
  LineText,
  LongText,
  Patient,
  Provider,
  Recipient,
  ShortText,
  Treatment,
} from '../fields.js';
import { AppealLevel } from './deadline.js';

/** `co50`, `CO 50` and `50` are written `CO-50`; codes outside our table keep their group. */
function normalizeCarc(value: string): string {
  const compact = value.toUpperCase().replace(/\s+/g, '');
  return lookupCarc(compact)?.code ?? compact.replace(/^(CO|PR|OA|PI)-?/, '$1-');
}

export const CarcCode = z
  .string()
  .trim()
  .overwrite(normalizeCarc)
  .refine(isCarcFormat, {
    error: 'must be a claim adjustment reason code such as CO-50',
    params: { code: 'INVALID_CARC' },
  })
  .meta({
    // What normalizeCarc accepts: spaces anywhere, any case, the group and its dash optional.
    pattern:
      '^\\s*(?:(?:[Cc]\\s*[Oo]|[Pp]\\s*[Rr]|[Oo]\\s*[Aa]|[Pp]\\s*[Ii])\\s*-?\\s*)?(?:[ABDPWYabdpwy]\\s*)?\\d(?:\\s*\\d){0,2}\\s*$',
    examples: ['CO-50'],
  });

export const Denial = z
  .strictObject({
    claimNumber: ShortText,
    datesOfService: z
      .array(CalendarDate)
      .min(1, 'must list at least one date of service')
      .max(60, 'must list at most 60 dates'),
    denialDate: CalendarDate,
    reasonCode: CarcCode,
    /** The reason as the plan's notice words it. */
    reasonText: LongText,
    level: AppealLevel,
    /** The amount billed on the claim, in US dollars. */
    amount: z.number().min(0, 'must not be negative').max(1_000_000).optional(),
    /** The denial is the plan's final internal decision (needed before external review). */
    finalInternalDenial: z.boolean().optional(),
    /** Why internal appeals are deemed exhausted, e.g. the plan missed its decision deadline. */
    deemedExhausted: LineText.optional(),
    /** A filing deadline printed in the plan's notice; it wins over the default for the plan type. */
    noticeDeadline: CalendarDate.optional(),
    expeditedReason: LongText.optional(),
  })
  .refine((value) => value.datesOfService.every((date) => date <= value.denialDate), {
    error: 'must not be before a date of service',
    path: ['denialDate'],
    params: { code: 'DENIAL_BEFORE_SERVICE' },
  });
export type Denial = z.infer<typeof Denial>;

/** The member's written designation of a representative for this appeal. */
export const AuthorizedRepresentative = z.strictObject({
  /** Who the member designated; the signing provider when left out. */
  name: LineText.optional(),
  /** The designation as signed, e.g. "Appointment of Representative form". */
  document: LineText,
  signedOn: CalendarDate.optional(),
  /** A copy goes with the letter and is listed among the enclosures. */
  enclosed: z.boolean().default(true),
});

export const Appeal = z
  .strictObject({
    date: CalendarDate,
    recipient: Recipient,
    patient: Patient,
    provider: Provider,
    coverage: Coverage,
    diagnoses: Diagnoses,
    treatment: Treatment,
    clinical: Clinical,
    denial: Denial,
    /** The clinician's direct answer to the stated reason, in their words. */
    answer: LongText.optional(),
    authorizedRepresentative: AuthorizedRepresentative.optional(),
    /** The provider is in the plan's network (TRICARE network providers appeal only as appointed representatives). */
    networkProvider: z.boolean().optional(),
    enclosures: Enclosures,
    ...COVER_SHEET_FIELDS,
  })
  .refine((value) => value.denial.denialDate <= value.date, {
    error: 'must not be after the letter date',
    path: ['denial', 'denialDate'],
    params: { code: 'DENIAL_AFTER_LETTER' },
  });
export type Appeal = z.infer<typeof Appeal>;
