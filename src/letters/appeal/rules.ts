import { daysBetween, formatLongDate } from '../../calendar.js';
import { lookupCarc } from '../../codes/carc.js';
import type { Finding } from '../../errors.js';
import { clinicalRules } from '../clinical-rules.js';
import { contentRules } from '../content-rules.js';
import { coverageRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import type { Coverage } from '../fields.js';
import type { LevelMismatch } from '../findings/appeal.js';
import { finding } from '../findings/index.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { procedureRules } from '../procedure-rules.js';
import { chiropracticRules } from '../signer-rules.js';
import { answerFor } from './answer.js';
import { appealDeadline, type AppealLevel } from './deadline.js';
import type { Appeal, Denial } from './schema.js';

const DEADLINE_WARNING_DAYS = 14;
// Past this, an external review request may be late under a state process; the notice says.
const SHORT_EXTERNAL_REVIEW_DAYS = 60;

function firstDateOfService(denial: Denial): string {
  return [...denial.datesOfService].sort()[0] ?? denial.denialDate;
}

export function appealRules(data: Appeal, context: RuleContext): Finding[] {
  const { denial, coverage, treatment, clinical } = data;
  return [
    ...letterRules(data, context),
    ...deadlineRules(data),
    ...levelRules(data),
    ...reasonRules(data),
    ...diagnosisRules(
      { diagnoses: data.diagnoses, serviceDate: firstDateOfService(denial), ongoingTherapy: true },
      context,
    ),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...coverageRules(coverage, treatment, { requireMemberId: true, patientMemberId: data.patient.memberId }),
    ...procedureRules(treatment, { planType: coverage.planType }),
    ...chiropracticRules(data),
    ...clinicalRules(
      { priorTreatments: clinical.priorTreatments, outcomeMeasures: clinical.outcomeMeasures },
      { reportsProgress: true },
    ),
    ...contentRules(data, 'appeal'),
  ];
}

/** Whether the level fits the plan, and what it needs: a final denial for external review, a reason to expedite. */
function levelRules(data: Appeal): Finding[] {
  const { denial } = data;
  const findings: Finding[] = [];
  const mismatch = levelMismatch(denial.level, data.coverage.planType);
  if (mismatch !== undefined)
    findings.push(finding('APPEAL_LEVEL_NOT_FOR_PLAN', 'denial.level', { mismatch }));
  if (denial.level === 'second-internal' && data.coverage.planType === 'Medicare Advantage') {
    findings.push(finding('MEDICARE_ADVANTAGE_SECOND_LEVEL', 'denial.level'));
  }
  if (
    denial.level === 'external-review' &&
    denial.finalInternalDenial !== true &&
    denial.deemedExhausted === undefined
  ) {
    findings.push(finding('EXTERNAL_REVIEW_WITHOUT_FINAL_DENIAL', 'denial.finalInternalDenial'));
  }
  if (denial.level === 'expedited' && denial.expeditedReason === undefined) {
    findings.push(finding('EXPEDITED_WITHOUT_REASON', 'denial.expeditedReason'));
  }
  return findings;
}

function levelMismatch(level: AppealLevel, planType: Coverage['planType']): LevelMismatch | undefined {
  const medicare = planType === 'Medicare';
  if (level === 'medicare-redetermination' && !medicare) return 'redetermination-outside-medicare';
  if (medicare && level === 'first-internal') return 'medicare-first-internal';
  if (level === 'external-review' && (medicare || planType === 'Medicare Advantage'))
    return 'medicare-external';
  return undefined;
}

function deadlineRules(data: Appeal): Finding[] {
  const { denial } = data;
  const deadline = appealDeadline(denial, data.coverage.planType);
  const daysLeft = daysBetween(data.date, deadline.date);
  const described = { ...deadline, date: formatLongDate(deadline.date) };
  if (daysLeft < 0) return [finding('APPEAL_PAST_DEADLINE', 'denial.denialDate', described)];
  const findings: Finding[] = [];
  if (daysLeft <= DEADLINE_WARNING_DAYS) {
    findings.push(finding('APPEAL_DEADLINE_NEAR', 'denial.denialDate', { ...described, daysLeft }));
  }
  if (
    denial.level === 'external-review' &&
    denial.noticeDeadline === undefined &&
    daysBetween(denial.denialDate, data.date) > SHORT_EXTERNAL_REVIEW_DAYS
  ) {
    findings.push(finding('EXTERNAL_REVIEW_AFTER_60_DAYS', 'denial.noticeDeadline'));
  }
  return findings;
}

function reasonRules(data: Appeal): Finding[] {
  const carc = lookupCarc(data.denial.reasonCode);
  const findings: Finding[] = [];
  if (carc === undefined) {
    findings.push(finding('DENIAL_CODE_UNKNOWN', 'denial.reasonCode'));
  } else if (!carc.appealable) {
    findings.push(finding('DENIAL_NOT_APPEALABLE', 'denial.reasonCode', { advice: carc.appealAdvice }));
  }
  const answer = answerFor(data.denial.reasonCode);
  if (answer !== 'necessity' && data.answer === undefined) {
    findings.push(finding('APPEAL_WITHOUT_ANSWER', 'answer', { answer }));
  }
  const measured = data.clinical.outcomeMeasures.some((measure) => measure.current !== undefined);
  if (answer !== 'coverage' && !measured)
    findings.push(finding('NO_DOCUMENTED_PROGRESS', 'clinical.outcomeMeasures'));
  return findings;
}
