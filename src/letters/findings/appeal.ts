// Findings about an appeal: its deadline, its level for the plan, and its answer to the denial.
import { defineFindings, type Source } from './catalogue.js';
import { SOURCES } from './sources.js';

const DEADLINE_SOURCES = [
  SOURCES.ERISA_CLAIMS,
  SOURCES.EXTERNAL_REVIEW_FILING,
  SOURCES.FEDERAL_HOLIDAYS,
  SOURCES.MEDICARE_REDETERMINATION,
  SOURCES.MEDICARE_RECONSIDERATION,
  SOURCES.MA_RECONSIDERATION_RULE,
  SOURCES.MA_RECONSIDERATION,
  SOURCES.MEDICAID_MANAGED_CARE_APPEAL,
  SOURCES.TRICARE_APPEALS,
  SOURCES.TRICARE_APPEALS_RULE,
];

export interface Deadline {
  /** The deadline, written out. */
  date: string;
  basis: string;
  /** The sources of the rule that gave the date (none when the plan's notice did). */
  sources: readonly Source[];
}

export type LevelMismatch =
  'redetermination-outside-medicare' | 'medicare-first-internal' | 'medicare-external';

const LEVEL_MISMATCHES: Record<LevelMismatch, string> = {
  'redetermination-outside-medicare':
    'A redetermination is an Original Medicare appeal; other plans take a first-level appeal (for Medicare Advantage, a request for reconsideration: level first-internal).',
  'medicare-first-internal':
    'The first appeal of an Original Medicare claim is a redetermination by the Medicare contractor; use the level medicare-redetermination.',
  'medicare-external':
    'Medicare has no external review on request: Original Medicare goes on to reconsideration by a QIC, and a Medicare Advantage plan sends an upheld denial to the Independent Review Entity itself.',
};

export type DenialAnswer = 'authorization' | 'coverage' | 'other';

const ANSWER_ADVICE: Record<DenialAnswer, string> = {
  authorization:
    'Answer the reason directly: say why authorization was not obtained or was exceeded (an emergency, a payer error) and what is asked.',
  coverage:
    'Answer the reason directly: cite the plan language that supports coverage, or ask for an exception.',
  other: 'Answer the stated reason directly in the letter; the clinical facts alone do not address it.',
};

export const APPEAL_FINDINGS = defineFindings({
  APPEAL_PAST_DEADLINE: {
    level: 'error',
    title: 'The appeal is dated after its filing deadline',
    fix: 'Appeal only with good cause for the delay, and pass force to write the letter; the letter asks the plan to accept it for good cause.',
    message: (deadline: Deadline) =>
      `The deadline to file was ${deadline.date} (${deadline.basis}); the letter is dated after it. Appeal only with good cause for the delay, and pass force to write the letter.`,
    sources: DEADLINE_SOURCES,
    sourcesFor: (deadline: Deadline) => deadline.sources,
  },
  APPEAL_DEADLINE_NEAR: {
    level: 'warning',
    title: 'The filing deadline is 14 days or fewer after the letter date',
    fix: 'Send the appeal by fax or a tracked method and keep the proof of delivery.',
    message: (deadline: Deadline & { daysLeft: number }) =>
      `The plan must receive this appeal by ${deadline.date}, ${deadline.daysLeft} day${deadline.daysLeft === 1 ? '' : 's'} after the letter date; send it by fax or a tracked method and keep the proof.`,
    sources: DEADLINE_SOURCES,
    sourcesFor: (deadline: Deadline) => deadline.sources,
  },
  EXTERNAL_REVIEW_AFTER_60_DAYS: {
    level: 'warning',
    title: 'External review more than 60 days after the final denial, with no deadline from the notice',
    fix: 'Check the deadline in the plan’s final denial notice and give it as denial.noticeDeadline.',
    message:
      'The federal process allows 4 months, and a state process may set its own deadline that the notice states; check the deadline in the plan’s notice and give it as noticeDeadline.',
    sources: [SOURCES.EXTERNAL_REVIEW_FILING, SOURCES.EXTERNAL_REVIEW_STATE],
  },
  APPEAL_LEVEL_NOT_FOR_PLAN: {
    level: 'warning',
    title: 'The appeal level does not fit the plan type',
    fix: 'Choose the level the plan’s notice names.',
    message: (params: { mismatch: LevelMismatch }) => LEVEL_MISMATCHES[params.mismatch],
    sources: [SOURCES.MEDICARE_REDETERMINATION, SOURCES.MA_RECONSIDERATION, SOURCES.MA_INDEPENDENT_REVIEW],
  },
  MEDICARE_ADVANTAGE_SECOND_LEVEL: {
    level: 'warning',
    title: 'A second-level appeal to a Medicare Advantage plan',
    fix: 'Do not file a second request with the plan: follow the Independent Review Entity’s case, or appeal its decision as its notice says.',
    message:
      'A Medicare Advantage plan that upholds its denial on reconsideration sends the case to the Independent Review Entity itself; there is no second-level request to the plan.',
    sources: [SOURCES.MA_RECONSIDERATION, SOURCES.MA_INDEPENDENT_REVIEW],
  },
  EXTERNAL_REVIEW_WITHOUT_FINAL_DENIAL: {
    level: 'warning',
    title: 'External review without a final internal denial',
    fix: 'Set denial.finalInternalDenial, or give denial.deemedExhausted (for example the plan missed its deadline).',
    message:
      'External review follows the plan’s final internal denial; say that internal appeals are exhausted, or why they are deemed exhausted (for example the plan missed its deadline).',
    sources: [SOURCES.EXTERNAL_REVIEW_FILING, SOURCES.DEEMED_EXHAUSTION],
  },
  EXPEDITED_WITHOUT_REASON: {
    level: 'warning',
    title: 'An expedited request or appeal does not say why it cannot wait',
    fix: 'Give expeditedReason: why the standard time could seriously jeopardize life, health or the ability to regain maximum function.',
    message:
      'An expedited request must say why waiting for a standard decision could seriously jeopardize the patient’s life, health or ability to regain maximum function.',
    sources: [SOURCES.ERISA_URGENT_CARE, SOURCES.MA_RECONSIDERATION],
  },
  DENIAL_CODE_UNKNOWN: {
    level: 'warning',
    title: 'The denial code is not in lmnkit’s table',
    fix: 'Make sure the answer addresses the plan’s stated reason; the letter quotes its wording only.',
    message:
      'This reason code is not in lmnkit’s table of denial codes for these claims; the letter quotes the plan’s wording only, so make sure the answer addresses it.',
    sources: [SOURCES.CARC_LIST],
  },
  DENIAL_NOT_APPEALABLE: {
    level: 'warning',
    title: 'A letter rarely changes this kind of denial',
    fix: 'Do what the message says instead (a corrected claim, another payer, a write-off).',
    message: (params: { advice: string }) => `A letter rarely changes this kind of denial. ${params.advice}`,
    sources: [SOURCES.CARC_LIST],
  },
  APPEAL_WITHOUT_ANSWER: {
    level: 'warning',
    title: 'The denial is not for medical necessity and the appeal does not answer its reason',
    fix: 'Give answer: the clinician’s direct answer to the stated reason.',
    message: (params: { answer: DenialAnswer }) => ANSWER_ADVICE[params.answer],
    sources: [SOURCES.CARC_LIST],
  },
  NO_DOCUMENTED_PROGRESS: {
    level: 'warning',
    title: 'No outcome measure has a current score',
    fix: 'Give clinical.outcomeMeasures with a current score to compare with the baseline.',
    message:
      'No outcome measure has a current score to compare with its baseline; payers look for measurable progress.',
    sources: [SOURCES.THERAPY_DOCUMENTATION],
  },
});
