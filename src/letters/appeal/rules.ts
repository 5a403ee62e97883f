import { daysBetween, formatLongDate } from '../../calendar.js';
import { lookupCarc } from '../../codes/carc.js';
import type { Finding } from '../../errors.js';
import { billingRules } from '../billing-rules.js';
import { clinicalRules } from '../clinical-rules.js';
import { coverageRules, injuryClaimRules } from '../coverage-rules.js';
import { diagnosisDescriptionRules, diagnosisRules } from '../diagnosis-rules.js';
import type { Coverage } from '../fields.js';
import type { RuleContext } from '../kind.js';
import { letterRules } from '../letter-rules.js';
import { procedureRules } from '../procedure-rules.js';
import { answerFor } from './answer.js';
import { representationRules } from './representative.js';
import { appealDeadline, type AppealLevel } from './deadline.js';
import type { Appeal, Denial } from './schema.js';

const DEADLINE_WARNING_DAYS = 14;
// Some state external-review processes allow 60 days; the notice controls (DOMAIN §4.2).
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
    ...representationRules(data),
    ...reasonRules(data),
    ...diagnosisRules(
      {
        diagnoses: data.diagnoses,
        serviceDate: firstDateOfService(denial),
        lastServiceDate: [...denial.datesOfService].sort().at(-1),
        ongoingTherapy: true,
      },
      context,
    ),
    ...diagnosisDescriptionRules(data.diagnoses),
    ...coverageRules(coverage, treatment, { requireMemberId: true, patientMemberId: data.patient.memberId }),
    ...injuryClaimRules(data),
    ...billingRules(data, { plansCare: false }),
    ...procedureRules(treatment),
    ...clinicalRules(
      { priorTreatments: clinical.priorTreatments, outcomeMeasures: clinical.outcomeMeasures },
      { reportsProgress: true },
    ),
  ];
}

/** Whether the level fits the plan, and what it needs: a final denial for external review, a reason to expedite. */
function levelRules(data: Appeal): Finding[] {
  const { denial } = data;
  const findings: Finding[] = [];
  const mismatch = levelMismatch(denial.level, data.coverage.planType);
  if (mismatch !== undefined) {
    findings.push({
      code: 'APPEAL_LEVEL_NOT_FOR_PLAN',
      level: 'warning',
      path: 'denial.level',
      message: mismatch,
      source: 'DOMAIN §4.2; DOMAIN §4.3',
    });
  }
  if (
    denial.level === 'external-review' &&
    denial.finalInternalDenial !== true &&
    denial.deemedExhausted === undefined
  ) {
    findings.push({
      code: 'EXTERNAL_REVIEW_WITHOUT_FINAL_DENIAL',
      level: 'warning',
      path: 'denial.finalInternalDenial',
      message:
        'External review follows the plan’s final internal denial; say that internal appeals are exhausted, or why they are deemed exhausted (for example the plan missed its deadline).',
      source: 'DOMAIN §4.2',
    });
  }
  if (denial.level === 'expedited' && denial.expeditedReason === undefined) {
    findings.push({
      code: 'EXPEDITED_WITHOUT_REASON',
      level: 'warning',
      path: 'denial.expeditedReason',
      message:
        'An expedited appeal must say why waiting for a standard decision could seriously jeopardize the patient’s life, health or ability to regain maximum function.',
      source: 'DOMAIN §4.2',
    });
  }
  return findings;
}

function levelMismatch(level: AppealLevel, planType: Coverage['planType']): string | undefined {
  const medicare = planType === 'Medicare';
  if (level === 'medicare-redetermination' && !medicare) {
    return 'A redetermination is an Original Medicare appeal; other plans, Medicare Advantage included, take a first-level internal appeal.';
  }
  if (medicare && level === 'first-internal') {
    return 'The first appeal of an Original Medicare claim is a redetermination by the Medicare contractor; use the level medicare-redetermination.';
  }
  if (level === 'external-review' && (medicare || planType === 'Medicare Advantage')) {
    return 'Medicare has no external review on request: Original Medicare goes on to reconsideration by a QIC, and a Medicare Advantage plan sends an upheld denial to the Independent Review Entity itself.';
  }
  return undefined;
}

function deadlineRules(data: Appeal): Finding[] {
  const { denial } = data;
  const deadline = appealDeadline(denial, data.coverage.planType);
  const daysLeft = daysBetween(data.date, deadline.date);
  if (daysLeft < 0) {
    return [
      {
        code: 'APPEAL_PAST_DEADLINE',
        level: 'error',
        path: 'denial.denialDate',
        message: `The deadline to file was ${formatLongDate(deadline.date)} (${deadline.basis}); the letter is dated after it. Appeal only with good cause for the delay, and pass force to write the letter.`,
        source: deadline.source,
      },
    ];
  }
  const findings: Finding[] = [];
  if (daysLeft <= DEADLINE_WARNING_DAYS) {
    findings.push({
      code: 'APPEAL_DEADLINE_NEAR',
      level: 'warning',
      path: 'denial.denialDate',
      message: `The plan must receive this appeal by ${formatLongDate(deadline.date)}, ${daysLeft} day${daysLeft === 1 ? '' : 's'} after the letter date; send it by fax or a tracked method and keep the proof.`,
      source: deadline.source,
    });
  }
  if (
    denial.level === 'external-review' &&
    denial.noticeDeadline === undefined &&
    daysBetween(denial.denialDate, data.date) > SHORT_EXTERNAL_REVIEW_DAYS
  ) {
    findings.push({
      code: 'EXTERNAL_REVIEW_AFTER_60_DAYS',
      level: 'warning',
      path: 'denial.noticeDeadline',
      message:
        'The federal process allows 4 months, but some state processes allow only 60 days after the final denial; check the deadline in the plan’s notice and give it as noticeDeadline.',
      source: 'DOMAIN §4.2',
    });
  }
  return findings;
}

function reasonRules(data: Appeal): Finding[] {
  const carc = lookupCarc(data.denial.reasonCode);
  const findings: Finding[] = [];
  if (carc === undefined) {
    findings.push({
      code: 'DENIAL_CODE_UNKNOWN',
      level: 'warning',
      path: 'denial.reasonCode',
      message:
        'This reason code is not in lmnkit’s table of denial codes for these claims; the letter quotes the plan’s wording only, so make sure the answer addresses it.',
      source: 'DOMAIN §4.1',
    });
  } else if (!carc.appealable) {
    findings.push({
      code: 'DENIAL_NOT_APPEALABLE',
      level: 'warning',
      path: 'denial.reasonCode',
      message: `A letter rarely changes this kind of denial. ${carc.appealAdvice}`,
      source: 'DOMAIN §4.1',
    });
  }
  const answer = answerFor(data.denial.reasonCode);
  if (answer !== 'necessity' && data.answer === undefined) {
    findings.push({
      code: 'APPEAL_WITHOUT_ANSWER',
      level: 'warning',
      path: 'answer',
      message:
        answer === 'authorization'
          ? 'Answer the reason directly: say why authorization was not obtained or was exceeded (an emergency, a payer error) and what is asked.'
          : answer === 'coverage'
            ? 'Answer the reason directly: cite the plan language that supports coverage, or ask for an exception.'
            : 'Answer the stated reason directly in the letter; the clinical facts alone do not address it.',
      source: 'LETTERS.md; DOMAIN §4.1',
    });
  }
  const measured = data.clinical.outcomeMeasures.some((measure) => measure.current !== undefined);
  if (answer !== 'coverage' && !measured) {
    findings.push({
      code: 'NO_DOCUMENTED_PROGRESS',
      level: 'warning',
      path: 'clinical.outcomeMeasures',
      message:
        'No outcome measure has a current score to compare with its baseline; payers look for measurable progress.',
      source: 'LETTERS.md; DOMAIN §7',
    });
  }
  return findings;
}
