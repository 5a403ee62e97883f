// Prescription / referral for massage or manual therapy: one page the treating therapist and
// the patient's plan can read at a glance (LETTERS.md "Prescription / referral").
import { z } from 'zod';
import { formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import { coverageRules } from './coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from './diagnosis-rules.js';
import {
  CalendarDate,
  Coverage,
  Diagnoses,
  LineText,
  Patient,
  Provider,
  Recipient,
  Treatment,
} from './fields.js';
import { defineKind, type RuleContext } from './kind.js';
import { letterRules } from './letter-rules.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosisDescription,
  SERVICE_NAMES,
  treatmentEndDate,
} from './letter-view.js';
import { procedureRules } from './procedure-rules.js';
import { describeUnits } from './describe-units.js';

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

export function prescriptionRules(data: Prescription, context: RuleContext): Finding[] {
  const { treatment } = data;
  const findings = [
    ...letterRules(data, context),
    ...diagnosisRules(
      { diagnoses: data.diagnoses, serviceDate: treatment.startDate, ongoingTherapy: true },
      context,
    ),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...coverageRules(data.coverage, treatment),
    ...procedureRules(treatment),
  ];
  if (treatment.startDate < data.date) {
    findings.push({
      code: 'TREATMENT_BEFORE_PRESCRIPTION',
      level: 'warning',
      path: 'treatment.startDate',
      message:
        'Treatment starts before the prescription is dated; payers do not cover visits made before the order.',
      source: 'LETTERS.md',
    });
  }
  if (data.reEvaluationDate !== undefined && data.reEvaluationDate > treatmentEndDate(treatment)) {
    findings.push({
      code: 'REEVALUATION_AFTER_COURSE',
      level: 'warning',
      path: 'reEvaluationDate',
      message: `The re-evaluation is after the course ends (${formatLongDate(treatmentEndDate(treatment))}); re-evaluate before care would continue.`,
      source: 'LETTERS.md; DOMAIN §7',
    });
  }
  return findings;
}

export function prescriptionView(data: Prescription) {
  const { treatment, patient } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `Prescription for ${service}`;
  const endDate = treatmentEndDate(treatment);
  const context = {
    letter: commonContext(data, data.coverage),
    title,
    coverage: data.coverage,
    patientFirstName: patient.firstName,
    indication: data.indication,
    diagnoses: data.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      description: diagnosisDescription(diagnosis) ?? '',
      onset: diagnosis.onset && formatLongDate(diagnosis.onset),
    })),
    order: {
      service,
      deliveredBy: treatment.deliveredBy,
      techniques: treatment.techniques,
      bodyAreas: treatment.bodyAreas,
      frequency: describeFrequency(treatment.frequency),
      duration: describeDuration(treatment),
      sessions: countSessions(treatment),
      sessionMinutes: treatment.sessionMinutes,
      startDate: formatLongDate(treatment.startDate),
      endDate: formatLongDate(endDate),
      ...describeUnits(treatment.procedures),
    },
    precautions: treatment.precautions,
    contraindications: data.contraindications,
    goals: data.goals,
    reEvaluationDate: formatLongDate(data.reEvaluationDate ?? endDate),
  };
  return commonView(data, title, context);
}

export const prescription = defineKind({
  name: 'prescription',
  title: 'Prescription / referral',
  purposes: [],
  schema: Prescription,
  template: 'prescription',
  rules: prescriptionRules,
  view: prescriptionView,
});
