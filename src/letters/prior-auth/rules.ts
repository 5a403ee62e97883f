import { addCalendarDays, formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import { billingRules } from '../billing-rules.js';
import { clinicalRules } from '../clinical-rules.js';
import { coverageRules, injuryClaimRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { countSessions, treatmentEndDate } from '../letter-view.js';
import { procedureRules } from '../procedure-rules.js';
import { sessionUnits } from '../session-units.js';
import { decisionTime } from './decision-time.js';
import type { PriorAuth } from './schema.js';

function plannedUnits(data: PriorAuth): number | undefined {
  const perSession = sessionUnits(data.treatment.procedures).total;
  return perSession === undefined ? undefined : perSession * countSessions(data.treatment);
}

export function priorAuthRules(data: PriorAuth, context: RuleContext): Finding[] {
  const { treatment, priorAuth, coverage } = data;
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
    ...coverageRules(coverage, treatment, {
      requestsAuthorization: true,
      requireMemberId: true,
      patientMemberId: data.patient.memberId,
    }),
    ...injuryClaimRules(data),
    ...billingRules(data),
    ...procedureRules(treatment),
    ...clinicalRules(data.clinical),
  ];
  const planned = plannedUnits(data);
  if (planned !== undefined && priorAuth.requestedUnits > planned) {
    findings.push({
      code: 'REQUESTED_UNITS_EXCEED_PLAN',
      level: 'error',
      path: 'priorAuth.requestedUnits',
      message: `The plan of care supports at most ${planned} units (${countSessions(treatment)} visits at the units their minutes allow by the 8-minute rule); ask for no more.`,
      source: 'DOMAIN §2.2 [CPT-2]',
    });
  }
  if (priorAuth.urgency === 'expedited' && priorAuth.expeditedReason === undefined) {
    findings.push({
      code: 'EXPEDITED_WITHOUT_REASON',
      level: 'warning',
      path: 'priorAuth.expeditedReason',
      message:
        'An expedited request must say why waiting for a standard decision could seriously jeopardize the patient’s life, health or ability to regain maximum function.',
      source: 'DOMAIN §4.2',
    });
  }
  if (treatment.startDate < data.date) {
    findings.push({
      code: 'SERVICE_BEFORE_REQUEST',
      level: 'warning',
      path: 'treatment.startDate',
      message:
        'Care starts before the request is dated; most plans do not authorize care after the fact, so say why it could not wait.',
      source: 'DOMAIN §4.1 (CO-197)',
    });
  } else {
    const decision = decisionTime(priorAuth.urgency, coverage.planType);
    const due = addCalendarDays(data.date, decision.days);
    if (treatment.startDate < due) {
      findings.push({
        code: 'DECISION_DUE_AFTER_START',
        level: 'info',
        path: 'treatment.startDate',
        message: `The plan may take up to ${decision.wording} to decide, until about ${formatLongDate(due)}, which is after the requested start date.`,
        source: 'DOMAIN §4.2',
      });
    }
  }
  return findings;
}
