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
import { defineKind, type RuleContext } from './kind.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosisDescription,
  fullName,
  procedureLabel,
  SERVICE_NAMES,
  treatmentEndDate,
} from './letter-view.js';

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
});

export const Lmn = z.discriminatedUnion('purpose', [LmnInsurance, LmnHsaFsa]);
export type Lmn = z.infer<typeof Lmn>;

const HSA_FSA_MAX_MONTHS = 12;

/** The last day an HSA/FSA letter can cover: 12 months from the start of care, less a day. */
function latestValidThrough(startDate: string): string {
  return addCalendarDays(addCalendarMonths(startDate, HSA_FSA_MAX_MONTHS), -1);
}

function validThrough(data: Lmn): string {
  const end = treatmentEndDate(data.treatment);
  const latest = latestValidThrough(data.treatment.startDate);
  return end < latest ? end : latest;
}

const SIGNER_NOT_QUALIFIED = new Set(['LMT', 'CMT', 'RMT', 'LMP']);

export function lmnRules(data: Lmn, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const { clinical, treatment } = data;

  if (data.patient.dateOfBirth > data.date) {
    findings.push({
      code: 'BIRTH_AFTER_LETTER_DATE',
      level: 'error',
      path: 'patient.dateOfBirth',
      message: 'The date of birth is after the letter date.',
      source: 'DOMAIN §5.2',
    });
  }
  if (data.date > context.today) {
    findings.push({
      code: 'LETTER_DATE_IN_FUTURE',
      level: 'warning',
      path: 'date',
      message: `The letter is dated after today (${formatLongDate(context.today)}); reviewers reject post-dated letters.`,
      source: 'DOMAIN §5.2',
    });
  }
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
  if (clinical.goals.length === 0) {
    findings.push({
      code: 'NO_MEASURABLE_GOAL',
      level: 'warning',
      path: 'clinical.goals',
      message: 'No treatment goal is stated; reviewers deny letters without measurable goals.',
      source: 'LETTERS.md; DOMAIN §7',
    });
  } else if (!clinical.goals.some((goal) => /\d/.test(goal))) {
    findings.push({
      code: 'NO_MEASURABLE_GOAL',
      level: 'warning',
      path: 'clinical.goals',
      message: 'No goal states a number to measure against (a score, minutes, degrees or a date).',
      source: 'LETTERS.md; DOMAIN §7',
    });
  }
  if (clinical.priorTreatments.length === 0) {
    findings.push({
      code: 'NO_PRIOR_TREATMENT',
      level: 'info',
      path: 'clinical.priorTreatments',
      message: 'No prior treatment is documented; what was tried and how it worked strengthens the letter.',
      source: 'LETTERS.md',
    });
  }
  data.diagnoses.forEach((diagnosis, index) => {
    if (diagnosisDescription(diagnosis) === undefined) {
      findings.push({
        code: 'DIAGNOSIS_WITHOUT_DESCRIPTION',
        level: 'error',
        path: `diagnoses.${index}.description`,
        message: 'The code is not in the built-in table; give the diagnosis in words.',
        source: 'DOMAIN §5.2 item 2',
      });
    }
  });
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
  return findings;
}

export function lmnView(data: Lmn) {
  const { treatment, clinical, patient } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Letter of Medical Necessity — ${service}`;
  const holder = patient.accountHolder;
  const account = data.purpose === 'hsa-fsa' ? data.coverage : undefined;
  const context = {
    letter: commonContext(data, data.purpose === 'insurance' ? data.coverage : undefined),
    title,
    insurance: data.purpose === 'insurance',
    coverage: data.purpose === 'insurance' ? data.coverage : undefined,
    account: data.purpose === 'hsa-fsa' && {
      administrator: account?.administrator,
      accountType: account?.accountType ?? 'HSA/FSA',
      holder: holder && {
        name: fullName(holder),
        relationship: holder.relationship,
        employer: holder.employer ?? account?.employer,
        idLast4: holder.idLast4,
      },
      validThrough: formatLongDate(validThrough(data)),
    },
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
