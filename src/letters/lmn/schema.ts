// Letter of Medical Necessity, for an insurer or for an HSA/FSA/HRA administrator.
import { z } from 'zod';
import {
  CalendarDate,
  choice,
  Clinical,
  COVER_SHEET_FIELDS,
  Coverage,
  Diagnoses,
  Enclosures,
  LineText,
  Patient,
  Provider,
  Recipient,
  ShortText,
  Treatment,
} from '../fields.js';

const base = {
  date: CalendarDate,
  patient: Patient,
  provider: Provider,
  diagnoses: Diagnoses,
  treatment: Treatment,
  clinical: Clinical,
  enclosures: Enclosures,
  ...COVER_SHEET_FIELDS,
};

export const LmnInsurance = z.strictObject({
  ...base,
  purpose: z.literal('insurance'),
  recipient: Recipient,
  coverage: Coverage,
});

export const AccountCoverage = z.strictObject({
  administrator: LineText.optional(),
  accountType: choice(['HSA', 'FSA', 'HRA']).optional(),
  employer: LineText.optional(),
  planYearEnd: CalendarDate.optional(),
  participantId: ShortText.optional(),
});

export const LmnHsaFsa = z.strictObject({
  ...base,
  purpose: z.literal('hsa-fsa'),
  recipient: Recipient.optional(),
  coverage: AccountCoverage.optional(),
  /** Adds a page listing what to submit with each claim (receipt items, licence number, claim form). */
  packet: z.boolean().optional(),
  /** Adds the patient cover page; on by default when `language` is given. */
  coverPage: z.boolean().optional(),
  /** The cover page's language; the letter itself stays in English for the administrator. */
  language: choice(['en', 'es']).optional(),
});

export const Lmn = z.discriminatedUnion('purpose', [LmnInsurance, LmnHsaFsa]);
export type Lmn = z.infer<typeof Lmn>;
