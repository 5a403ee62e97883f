import { addCalendarDays, formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import { clinicalRules } from '../clinical-rules.js';
import { contentRules } from '../content-rules.js';
import { coverageRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import { finding } from '../findings/index.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { countSessions } from '../letter-view.js';
import { procedureRules } from '../procedure-rules.js';
import { sessionUnits } from '../session-units.js';
import { chiropracticRules, signerRules } from '../signer-rules.js';
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
    ...signerRules(data.provider),
    ...diagnosisRules(
      { diagnoses: data.diagnoses, serviceDate: treatment.startDate, ongoingTherapy: true },
      context,
    ),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...coverageRules(coverage, treatment, {
      requestsAuthorization: true,
      requireMemberId: true,
      patientMemberId: data.patient.memberId,
    }),
    ...procedureRules(treatment, { planType: coverage.planType }),
    ...chiropracticRules(data),
    ...clinicalRules(data.clinical),
    ...contentRules(data, 'prior-auth'),
  ];
  const planned = plannedUnits(data);
  if (planned !== undefined && priorAuth.requestedUnits > planned) {
    findings.push(
      finding('REQUESTED_UNITS_EXCEED_PLAN', 'priorAuth.requestedUnits', {
        planned,
        visits: countSessions(treatment),
      }),
    );
  }
  if (priorAuth.urgency === 'expedited' && priorAuth.expeditedReason === undefined) {
    findings.push(finding('EXPEDITED_WITHOUT_REASON', 'priorAuth.expeditedReason'));
  }
  const decision = decisionTime(priorAuth.urgency, coverage.planType, coverage.employerPlan === true);
  if (decision === undefined) findings.push(finding('MEDICARE_NO_DECISION_TIME', 'coverage.planType'));
  if (treatment.startDate < data.date) {
    findings.push(finding('SERVICE_BEFORE_REQUEST', 'treatment.startDate'));
  } else if (decision !== undefined) {
    const due = addCalendarDays(data.date, decision.days);
    if (treatment.startDate < due) {
      findings.push(
        finding('DECISION_DUE_AFTER_START', 'treatment.startDate', {
          wording: decision.wording,
          due: formatLongDate(due),
        }),
      );
    }
  }
  return findings;
}
