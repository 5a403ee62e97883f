// Prior-authorization request to the payer before care starts.
import { z } from 'zod';
import {
  COVER_SHEET_FIELDS,
  CalendarDate,
  Clinical,
  choice,
  Coverage,
  Diagnoses,
  Enclosures,
  LineText,
  LongText,
  Npi,
  Patient,
  Phone,
  Provider,
  Recipient,
  ShortText,
  Treatment,
} from '../fields.js';

export const PriorAuthRequest = z.strictObject({
  urgency: choice(['standard', 'expedited']),
  /** 15-minute units (untimed codes: 1 per visit) over the whole period. */
  requestedUnits: z
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(999, 'must be at most 999'),
  /** Why waiting for a standard decision could seriously jeopardize health or function. */
  expeditedReason: LongText.optional(),
  /** Who will deliver the care, when not the requesting provider. */
  renderingProvider: z
    .strictObject({ name: LineText, npi: Npi.optional(), phone: Phone.optional() })
    .optional(),
  /** Who the reviewer should call for a peer-to-peer discussion; defaults to the provider. */
  peerToPeer: z.strictObject({ name: ShortText, phone: Phone, hours: LineText.optional() }).optional(),
});

export const PriorAuth = z.strictObject({
  date: CalendarDate,
  recipient: Recipient,
  patient: Patient,
  provider: Provider,
  coverage: Coverage,
  diagnoses: Diagnoses,
  treatment: Treatment,
  clinical: Clinical,
  priorAuth: PriorAuthRequest,
  enclosures: Enclosures,
  ...COVER_SHEET_FIELDS,
});
export type PriorAuth = z.infer<typeof PriorAuth>;
