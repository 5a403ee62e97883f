import { formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import { contentRules } from '../content-rules.js';
import { coverageRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import { finding } from '../findings/index.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { treatmentEndDate } from '../letter-view.js';
import { procedureRules } from '../procedure-rules.js';
import { chiropracticRules, signerRules } from '../signer-rules.js';
import type { Prescription } from './schema.js';

export function prescriptionRules(data: Prescription, context: RuleContext): Finding[] {
  const { treatment } = data;
  const findings = [
    ...letterRules(data, context),
    ...signerRules(data.provider),
    ...diagnosisRules(
      { diagnoses: data.diagnoses, serviceDate: treatment.startDate, ongoingTherapy: true },
      context,
    ),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...coverageRules(data.coverage, treatment),
    ...procedureRules(treatment, { planType: data.coverage?.planType }),
    ...chiropracticRules(data),
    ...contentRules(data, 'prescription'),
  ];
  if (treatment.startDate < data.date)
    findings.push(finding('TREATMENT_BEFORE_PRESCRIPTION', 'treatment.startDate'));
  const endDate = treatmentEndDate(treatment);
  if (data.reEvaluationDate !== undefined && data.reEvaluationDate > endDate) {
    findings.push(
      finding('REEVALUATION_AFTER_COURSE', 'reEvaluationDate', { endDate: formatLongDate(endDate) }),
    );
  }
  return findings;
}
