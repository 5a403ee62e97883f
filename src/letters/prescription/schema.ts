// Prescription / referral for massage or manual therapy: one page the treating therapist and
// the patient's plan can read at a glance.
import { z } from 'zod';
import {
  CalendarDate,
  Coverage,
  COVER_SHEET_FIELDS,
  Diagnoses,
  LineText,
  Patient,
  Provider,
  Recipient,
  Treatment,
} from '../fields.js';

export const Prescription = z
  .strictObject({
    date: CalendarDate,
    recipient: Recipient.optional(),
    patient: Patient,
    provider: Provider,
    coverage: Coverage.optional(),
    diagnoses: Diagnoses,
    /** The clinical reason in a sentence, beside the codes. */
    indication: LineText.optional(),
    treatment: Treatment,
    contraindications: z.array(LineText).max(12, 'must have at most 12 items').default([]),
    goals: z.array(LineText).max(6, 'must have at most 6 items').default([]),
    /** Defaults to the last day of the course. */
    reEvaluationDate: CalendarDate.optional(),
    ...COVER_SHEET_FIELDS,
  })
  .refine(
    (value) => value.reEvaluationDate === undefined || value.reEvaluationDate >= value.treatment.startDate,
    {
      error: 'must not be before the start date',
      path: ['reEvaluationDate'],
      params: { code: 'REEVALUATION_BEFORE_START' },
    },
  );
export type Prescription = z.infer<typeof Prescription>;
