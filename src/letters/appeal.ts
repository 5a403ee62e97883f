// Appeal of a denied claim (LETTERS.md "Appeal of a denied claim"): the denial and its CARC,
// a direct answer to it, documented progress against the MCID, and a deadline the letter meets.
import { z } from 'zod';
import { daysBetween, formatLongDate, formatShortDate } from '../calendar.js';
import { isCarcFormat, lookupCarc } from '../codes/carc.js';
import type { Finding } from '../errors.js';
import { AppealLevel, appealDeadline } from './appeal-deadline.js';
import { assessProgress, describeAmount, type Progress } from './assess-progress.js';
import { clinicalRules } from './clinical-rules.js';
import { coverageRules } from './coverage-rules.js';
import { describeUnits } from './describe-units.js';
import { diagnosisDescriptionRules, diagnosisRules } from './diagnosis-rules.js';
import {
  CalendarDate,
  Clinical,
  Coverage,
  Diagnoses,
  Enclosures,
  LineText,
  LongText,
  Patient,
  Provider,
  Recipient,
  ShortText,
  Treatment,
  type OutcomeMeasure,
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

/** `co50`, `CO 50` and `50` are written `CO-50`; codes outside our table keep their group. */
function normalizeCarc(value: string): string {
  const compact = value.toUpperCase().replace(/\s+/g, '');
  return lookupCarc(compact)?.code ?? compact.replace(/^(CO|PR|OA|PI)-?/, '$1-');
}

export const CarcCode = z
  .string()
  .trim()
  .overwrite(normalizeCarc)
  .refine(isCarcFormat, {
    error: 'must be a claim adjustment reason code such as CO-50',
    params: { code: 'INVALID_CARC' },
  });

export const Denial = z
  .strictObject({
    claimNumber: ShortText,
    datesOfService: z
      .array(CalendarDate)
      .min(1, 'must list at least one date of service')
      .max(60, 'must list at most 60 dates'),
    denialDate: CalendarDate,
    reasonCode: CarcCode,
    /** The reason as the plan's notice words it. */
    reasonText: LongText,
    level: AppealLevel,
    /** The amount billed on the claim, in US dollars. */
    amount: z.number().min(0, 'must not be negative').max(1_000_000).optional(),
    /** The denial is the plan's final internal decision (needed before external review). */
    finalInternalDenial: z.boolean().optional(),
    /** Why internal appeals are deemed exhausted, e.g. the plan missed its decision deadline. */
    deemedExhausted: LineText.optional(),
    /** A filing deadline printed in the plan's notice; it wins over the default for the plan type. */
    noticeDeadline: CalendarDate.optional(),
    expeditedReason: LongText.optional(),
  })
  .refine((value) => value.datesOfService.every((date) => date <= value.denialDate), {
    error: 'must not be before a date of service',
    path: ['denialDate'],
    params: { code: 'DENIAL_BEFORE_SERVICE' },
  });
export type Denial = z.infer<typeof Denial>;

export const Appeal = z
  .strictObject({
    date: CalendarDate,
    recipient: Recipient,
    patient: Patient,
    provider: Provider,
    coverage: Coverage,
    diagnoses: Diagnoses,
    treatment: Treatment,
    clinical: Clinical,
    denial: Denial,
    /** The clinician's direct answer to the stated reason, in their words. */
    answer: LongText.optional(),
    enclosures: Enclosures,
  })
  .refine((value) => value.denial.denialDate <= value.date, {
    error: 'must not be after the letter date',
    path: ['denial', 'denialDate'],
    params: { code: 'DENIAL_AFTER_LETTER' },
  });
export type Appeal = z.infer<typeof Appeal>;

type Answer = 'necessity' | 'authorization' | 'coverage' | 'other';

// How the letter answers each kind of reason (DOMAIN §4.1; LETTERS.md "Appeal" item 3).
const ANSWERS: Record<Answer, ReadonlySet<number>> = {
  necessity: new Set([50, 151, 167]),
  authorization: new Set([197, 198, 242, 243]),
  coverage: new Set([96, 119, 170, 185, 204]),
  other: new Set(),
};
const DEADLINE_WARNING_DAYS = 14;
// Some state external-review processes allow 60 days; the notice controls (DOMAIN §4.2).
const SHORT_EXTERNAL_REVIEW_DAYS = 60;

const LEVEL_TITLES: Record<AppealLevel, string> = {
  'first-internal': 'First-Level Internal Appeal',
  'second-internal': 'Second-Level Internal Appeal',
  'external-review': 'Request for External Review',
  expedited: 'Expedited Appeal',
  'medicare-redetermination': 'Request for Redetermination',
};

const LEVEL_PHRASES: Record<AppealLevel, string> = {
  'first-internal': 'a first-level internal appeal',
  'second-internal': 'a second-level internal appeal',
  'external-review': 'an independent external review',
  expedited: 'an expedited appeal',
  'medicare-redetermination': 'a redetermination',
};

function answerFor(reasonCode: string): Answer {
  const number = lookupCarc(reasonCode)?.number;
  const found = (Object.keys(ANSWERS) as Answer[]).find(
    (answer) => number !== undefined && ANSWERS[answer].has(number),
  );
  return found ?? 'other';
}

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

function describeProgress(measure: OutcomeMeasure, progress: Progress | undefined) {
  const instrument = progress?.instrument;
  const mcid = instrument?.mcid;
  const change =
    progress === undefined
      ? '—'
      : progress.improved === null
        ? `${progress.change > 0 ? '+' : ''}${progress.change}`
        : progress.change === 0
          ? 'no change'
          : `${describeAmount(progress.change, instrument)} ${progress.improved ? 'better' : 'worse'}`;
  const reached =
    progress === undefined || instrument === undefined
      ? '—'
      : mcid === null || mcid === undefined
        ? 'no single MCID'
        : `${progress.meetsMcid ? 'Yes' : 'No'} (MCID ${describeAmount(mcid, instrument)})`;
  return {
    instrument: measure.instrument,
    baseline: String(measure.baseline),
    baselineDate: measure.baselineDate && formatShortDate(measure.baselineDate),
    current: measure.current === undefined ? '—' : String(measure.current),
    currentDate: measure.currentDate && formatShortDate(measure.currentDate),
    target: measure.target === undefined ? '—' : String(measure.target),
    change,
    reached,
  };
}

/** One honest sentence per re-measured instrument: meaningful, not yet meaningful, unchanged or worse. */
function progressStatement(measure: OutcomeMeasure, progress: Progress): string {
  const { instrument, baseline, current } = progress;
  const moved = `${measure.instrument} went from ${baseline} to ${current}`;
  if (progress.improved === null) return `${moved}.`;
  if (progress.change === 0) return `${measure.instrument} is unchanged at ${current}.`;
  const amount = describeAmount(progress.change, instrument);
  if (!progress.improved) return `${moved}, ${amount} worse.`;
  const mcid = instrument?.mcid;
  if (mcid === null || mcid === undefined) {
    return `${moved}, ${amount} better; there is no single accepted minimal clinically important difference for this measure.`;
  }
  const threshold = describeAmount(mcid, instrument);
  return progress.meetsMcid
    ? `${moved}, ${amount} better, which reaches the minimal clinically important difference of ${threshold}.`
    : `${moved}, ${amount} better. That is less than the minimal clinically important difference of ${threshold}, so I do not count it as a clinically meaningful change.`;
}

function progressView(measures: readonly OutcomeMeasure[]) {
  const assessed = measures.map((measure) => ({ measure, progress: assessProgress(measure) }));
  const judged = assessed.filter(({ progress }) => typeof progress?.meetsMcid === 'boolean');
  const meaningful = judged
    .filter(({ progress }) => progress?.meetsMcid === true)
    .map(({ measure }) => measure.instrument);
  const notYet = judged
    .filter(({ progress }) => progress?.meetsMcid === false)
    .map(({ measure }) => measure.instrument);
  return {
    rows: assessed.map(({ measure, progress }) => describeProgress(measure, progress)),
    statements: assessed.flatMap(({ measure, progress }) =>
      progress ? [progressStatement(measure, progress)] : [],
    ),
    meaningful,
    notYet,
    allMeaningful: judged.length > 0 && notYet.length === 0,
    noneMeaningful: judged.length > 0 && meaningful.length === 0,
  };
}

const DOLLARS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function appealView(data: Appeal) {
  const { treatment, clinical, patient, denial, coverage, provider } = data;
  const service = SERVICE_NAMES[treatment.service];
  const title = `${LEVEL_TITLES[denial.level]} — denied claim for ${service}`;
  const deadline = appealDeadline(denial, coverage.planType);
  const carc = lookupCarc(denial.reasonCode);
  const answer = answerFor(denial.reasonCode);
  const number = carc?.number;
  const endDate = treatmentEndDate(treatment);
  const units = describeUnits(treatment.procedures);
  const context = {
    letter: commonContext(data, coverage),
    title,
    coverage,
    patientFirstName: patient.firstName,
    diagnoses: data.diagnoses.map((diagnosis) => ({
      code: diagnosis.code,
      description: diagnosisDescription(diagnosis) ?? '',
      onset: diagnosis.onset && formatLongDate(diagnosis.onset),
    })),
    denial: {
      claimNumber: denial.claimNumber,
      datesOfService: [...denial.datesOfService].sort().map(formatShortDate),
      amount: denial.amount === undefined ? undefined : DOLLARS.format(denial.amount),
      denialDate: formatLongDate(denial.denialDate),
      reasonCode: carc?.code ?? denial.reasonCode,
      meaning: carc?.meaning,
      reasonText: denial.reasonText,
      levelTitle: LEVEL_TITLES[denial.level],
      levelPhrase: LEVEL_PHRASES[denial.level],
      external: denial.level === 'external-review',
      finalInternalDenial: denial.finalInternalDenial === true,
      deemedExhausted: denial.deemedExhausted,
      expedited: denial.level === 'expedited',
      expeditedReason: denial.expeditedReason,
    },
    deadline: {
      date: formatLongDate(deadline.date),
      basis: deadline.basis,
      met: data.date <= deadline.date,
    },
    reason: {
      necessity: answer === 'necessity',
      frequency: number === 151,
      diagnosisNotCovered: number === 167,
      authorization: answer === 'authorization',
      noAuthorization: number === 197,
      exceeded: number === 198,
      network: number === 242 || number === 243,
      coverage: answer === 'coverage',
    },
    answer: data.answer,
    clinical: {
      ...clinical,
      treatingSince: clinical.treatingSince && formatLongDate(clinical.treatingSince),
    },
    plan: {
      service,
      frequency: describeFrequency(treatment.frequency),
      duration: describeDuration(treatment),
      sessions: countSessions(treatment),
      sessionMinutes: treatment.sessionMinutes,
      techniques: treatment.techniques,
      bodyAreas: treatment.bodyAreas,
      startDate: formatLongDate(treatment.startDate),
      endDate: formatLongDate(endDate),
      procedures: units.procedures,
      remaining: endDate > data.date,
    },
    progress: progressView(clinical.outcomeMeasures),
    replyFax: provider.practice.fax,
    phone: provider.practice.phone,
    enclosures: data.enclosures,
  };
  return commonView(data, title, context);
}

export const appeal = defineKind({
  name: 'appeal',
  title: 'Appeal of a denied claim',
  purposes: [],
  schema: Appeal,
  template: 'appeal',
  rules: appealRules,
  view: appealView,
});
