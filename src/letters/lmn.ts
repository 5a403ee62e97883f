// Letter of Medical Necessity, for an insurer or for an HSA/FSA/HRA administrator.
import { z } from 'zod';
import { addCalendarDays, addCalendarMonths, formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import {
  CalendarDate,
  Clinical,
  Coverage,
  Diagnoses,
  Enclosures,
  LineText,
  Patient,
  Provider,
  Recipient,
  ShortText,
  Treatment,
} from './fields.js';
import { administratorRules } from './administrator-rules.js';
import { coverageRules } from './coverage-rules.js';
import { clinicalRules } from './clinical-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from './diagnosis-rules.js';
import { letterRules } from './letter-rules.js';
import { hsaFsaView } from './hsa-fsa-view.js';
import { defineKind, type RuleContext } from './kind.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosisDescription,
  procedureLabel,
  SERVICE_NAMES,
  treatmentEndDate,
} from './letter-view.js';
import { procedureRules } from './procedure-rules.js';

const base = {
  date: CalendarDate,
  patient: Patient,
  provider: Provider,
  diagnoses: Diagnoses,
  treatment: Treatment,
  clinical: Clinical,
  enclosures: Enclosures,
};

export const LmnInsurance = z.strictObject({
  ...base,
  purpose: z.literal('insurance'),
  recipient: Recipient,
  coverage: Coverage,
});

export const AccountCoverage = z.strictObject({
  administrator: LineText.optional(),
  accountType: z.enum(['HSA', 'FSA', 'HRA']).optional(),
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
  language: z.enum(['en', 'es']).optional(),
});

export const Lmn = z.discriminatedUnion('purpose', [LmnInsurance, LmnHsaFsa]);
export type Lmn = z.infer<typeof Lmn>;

const HSA_FSA_MAX_MONTHS = 12;

/** The last day an HSA/FSA letter can cover: 12 months from the start of care, less a day. */
function latestValidThrough(startDate: string): string {
  return addCalendarDays(addCalendarMonths(startDate, HSA_FSA_MAX_MONTHS), -1);
}

const SIGNER_NOT_QUALIFIED = new Set(['LMT', 'CMT', 'RMT', 'LMP']);

export function lmnRules(data: Lmn, context: RuleContext): Finding[] {
  const findings: Finding[] = [...letterRules(data, context)];
  const { treatment } = data;
  if (data.purpose === 'hsa-fsa' && treatmentEndDate(treatment) > latestValidThrough(treatment.startDate)) {
    findings.push({
      code: 'HSA_FSA_DURATION_OVER_12_MONTHS',
      level: 'error',
      path: 'treatment.duration',
      message: `HSA/FSA administrators accept at most ${HSA_FSA_MAX_MONTHS} months of treatment in one letter; end the course by ${formatLongDate(latestValidThrough(treatment.startDate))} and write a new letter after that.`,
      source: 'DOMAIN §5.2; ADMINISTRATORS.md',
    });
  }
  if (data.purpose === 'hsa-fsa' && treatment.startDate < data.date) {
    findings.push({
      code: 'SERVICE_BEFORE_LETTER',
      level: 'warning',
      path: 'treatment.startDate',
      message:
        'Treatment starts before the letter date; administrators do not reimburse services before the letter.',
      source: 'DOMAIN §5.2 item 7; ADMINISTRATORS.md',
    });
  }
  if (data.provider.credentials.every((credential) => SIGNER_NOT_QUALIFIED.has(credential.toUpperCase()))) {
    findings.push({
      code: 'SIGNER_NOT_QUALIFIED',
      level: 'warning',
      path: 'provider.credentials',
      message:
        'A massage therapist cannot certify medical necessity; the letter should be signed by a physician, chiropractor, NP or PA.',
      source: 'DOMAIN §5.2 [LMN-SIGNER]',
    });
  }
  findings.push(
    ...clinicalRules(data.clinical),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...diagnosisRules(
      {
        diagnoses: data.diagnoses,
        serviceDate: treatment.startDate,
        ongoingTherapy: treatment.startDate < data.date,
      },
      context,
    ),
    ...coverageRules(data.purpose === 'insurance' ? data.coverage : undefined, treatment),
    ...procedureRules(treatment),
  );
  if (data.purpose === 'hsa-fsa') findings.push(...administratorRules(data));
  return findings;
}

export function lmnView(data: Lmn) {
  const { treatment, clinical, patient } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Letter of Medical Necessity — ${service}`;
  const context = {
    letter: commonContext(data, data.purpose === 'insurance' ? data.coverage : undefined),
    title,
    insurance: data.purpose === 'insurance',
    coverage: data.purpose === 'insurance' ? data.coverage : undefined,
    account: data.purpose === 'hsa-fsa' && hsaFsaView(data),
    patientFirstName: patient.firstName,
    diagnoses: data.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      description: diagnosisDescription(diagnosis) ?? '',
      onset: diagnosis.onset && formatLongDate(diagnosis.onset),
    })),
    clinical: {
      ...clinical,
      treatingSince: clinical.treatingSince && formatLongDate(clinical.treatingSince),
      outcomeMeasures: clinical.outcomeMeasures.map((measure) => ({
        ...measure,
        baselineDate: measure.baselineDate && formatLongDate(measure.baselineDate),
      })),
    },
    treatment: {
      ...treatment,
      service,
      procedures: treatment.procedures.map((procedure) => ({
        ...procedure,
        label: procedureLabel(procedure.code),
      })),
      frequency: describeFrequency(treatment.frequency),
      duration: describeDuration(treatment),
      sessions: countSessions(treatment),
      startDate: formatLongDate(treatment.startDate),
      endDate: formatLongDate(treatmentEndDate(treatment)),
    },
    enclosures: data.enclosures,
  };
  return commonView(data, title, context);
}

export const lmn = defineKind({
  name: 'lmn',
  title: 'Letter of Medical Necessity',
  purposes: ['insurance', 'hsa-fsa'],
  schema: Lmn,
  template: 'lmn',
  rules: lmnRules,
  view: lmnView,
});
