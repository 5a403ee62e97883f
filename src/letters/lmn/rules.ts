import { addCalendarDays, addCalendarMonths, formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import { billingRules } from '../billing-rules.js';
import { clinicalRules } from '../clinical-rules.js';
import { coverageRules, injuryClaimRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { treatmentEndDate } from '../letter-view.js';
import { procedureRules } from '../procedure-rules.js';
import { administratorRules } from './administrator-rules.js';
import type { Lmn } from './schema.js';

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
        lastServiceDate: treatmentEndDate(treatment),
        ongoingTherapy: treatment.startDate < data.date,
      },
      context,
    ),
    ...coverageRules(data.purpose === 'insurance' ? data.coverage : undefined, treatment),
    ...(data.purpose === 'insurance' ? injuryClaimRules(data) : []),
    ...(data.purpose === 'insurance' ? billingRules(data) : []),
    ...procedureRules(treatment),
  );
  if (data.purpose === 'hsa-fsa') findings.push(...administratorRules(data));
  return findings;
}
