import { formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import { billingRules } from '../billing-rules.js';
import { coverageRules, injuryClaimRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { treatmentEndDate } from '../letter-view.js';
import { procedureRules } from '../procedure-rules.js';
import type { Prescription } from './schema.js';

export function prescriptionRules(data: Prescription, context: RuleContext): Finding[] {
  const { treatment } = data;
  const findings = [
    ...letterRules(data, context),
    ...diagnosisRules(
      {
        diagnoses: data.diagnoses,
        serviceDate: treatment.startDate,
        lastServiceDate: treatmentEndDate(treatment),
        ongoingTherapy: true,
      },
      context,
    ),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...coverageRules(data.coverage, treatment),
    ...injuryClaimRules(data),
    ...billingRules(data),
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
