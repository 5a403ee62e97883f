import { formatLongDate, formatShortDate } from '../../calendar.js';
import { lookupCarc } from '../../codes/carc.js';
import { assessProgress, describeAmount, describeMcid, type Progress } from '../assess-progress.js';
import { describeUnits } from '../describe-units.js';
import type { OutcomeMeasure } from '../fields.js';
import { nameInstrument } from '../name-instrument.js';
import {
  clinicalView,
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosesView,
  SERVICE_NAMES,
  treatmentEndDate,
} from '../letter-view.js';
import { answerFor } from './answer.js';
import { appealDeadline, type AppealLevel } from './deadline.js';
import type { Appeal } from './schema.js';

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

// A Medicare Advantage plan's first appeal is a "request for reconsideration" (42 CFR 422.582).
const MEDICARE_ADVANTAGE_TITLES: Partial<Record<AppealLevel, string>> = {
  'first-internal': 'Request for Reconsideration',
  expedited: 'Request for Expedited Reconsideration',
};
const MEDICARE_ADVANTAGE_PHRASES: Partial<Record<AppealLevel, string>> = {
  'first-internal': 'a reconsideration',
  expedited: 'an expedited reconsideration',
};

function describeLevel(level: AppealLevel, planType: Appeal['coverage']['planType']) {
  const advantage = planType === 'Medicare Advantage';
  return {
    title: (advantage ? MEDICARE_ADVANTAGE_TITLES[level] : undefined) ?? LEVEL_TITLES[level],
    phrase: (advantage ? MEDICARE_ADVANTAGE_PHRASES[level] : undefined) ?? LEVEL_PHRASES[level],
  };
}

function describeProgress(measure: OutcomeMeasure, progress: Progress | undefined, spelledOut: boolean) {
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
        : `${progress.meetsMcid ? 'Yes' : 'No'} (MCID ${describeMcid(instrument) ?? ''})`;
  return {
    name: spelledOut ? nameInstrument(measure.instrument).short : nameInstrument(measure.instrument).full,
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
  const { short } = nameInstrument(measure.instrument);
  const moved = `${short} went from ${baseline} to ${current}`;
  if (progress.improved === null) return `${moved}.`;
  if (progress.change === 0) return `${short} is unchanged at ${current}.`;
  const amount = describeAmount(progress.change, instrument);
  if (!progress.improved) return `${moved}, ${amount} worse.`;
  const mcid = instrument?.mcid;
  if (mcid === null || mcid === undefined) {
    return `${moved}, ${amount} better; there is no single accepted minimal clinically important difference for this measure.`;
  }
  const threshold = instrument === undefined ? '' : (describeMcid(instrument) ?? '');
  return progress.meetsMcid
    ? `${moved}, ${amount} better, which reaches the minimal clinically important difference of ${threshold}.`
    : `${moved}, ${amount} better. That is less than the minimal clinically important difference of ${threshold}, so I do not count it as a clinically meaningful change.`;
}

/** `spelledOut`: the reasons above the table may name the judged instruments in full. */
function progressView(measures: readonly OutcomeMeasure[], spelledOut: boolean) {
  const assessed = measures.map((measure) => ({ measure, progress: assessProgress(measure) }));
  const judged = assessed.filter(({ progress }) => typeof progress?.meetsMcid === 'boolean');
  const meaningful = judged
    .filter(({ progress }) => progress?.meetsMcid === true)
    .map(({ measure }) => nameInstrument(measure.instrument).full);
  const notYet = judged
    .filter(({ progress }) => progress?.meetsMcid === false)
    .map(({ measure }) => nameInstrument(measure.instrument).full);
  const remeasured = assessed.filter(({ progress }) => progress !== undefined);
  const reported = remeasured.filter(({ measure }) => nameInstrument(measure.instrument).patientReported);
  // The reasons list the judged instruments by name only when some changed meaningfully and some not.
  const listed = spelledOut && meaningful.length > 0 && notYet.length > 0;
  return {
    /** Patient-reported scores are never called objective. */
    label:
      reported.length === remeasured.length
        ? 'Patient-reported progress'
        : reported.length === 0
          ? 'Measured progress'
          : 'Progress',
    patientReported: measures
      .map((measure) => nameInstrument(measure.instrument))
      .filter((name) => name.patientReported)
      .map((name) => name.short),
    rows: assessed.map(({ measure, progress }) =>
      describeProgress(measure, progress, listed && typeof progress?.meetsMcid === 'boolean'),
    ),
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
  const { treatment, clinical, denial, coverage, provider } = data;
  const service = SERVICE_NAMES[treatment.service];
  const level = describeLevel(denial.level, coverage.planType);
  const title = `${level.title} — denied claim for ${service}`;
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
    diagnoses: diagnosesView(data.diagnoses),
    denial: {
      claimNumber: denial.claimNumber,
      datesOfService: [...denial.datesOfService].sort().map(formatShortDate),
      amount: denial.amount === undefined ? undefined : DOLLARS.format(denial.amount),
      denialDate: formatLongDate(denial.denialDate),
      reasonCode: carc?.code ?? denial.reasonCode,
      meaning: carc?.meaning,
      reasonText: denial.reasonText,
      levelTitle: level.title,
      levelPhrase: level.phrase,
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
    clinical: clinicalView(clinical),
    plan: {
      service,
      frequency: describeFrequency(treatment.frequency),
      duration: describeDuration(treatment),
      sessions: countSessions(treatment),
      sessionMinutes: treatment.sessionMinutes,
      techniques: treatment.techniques,
      bodyAreas: treatment.bodyAreas,
      deliveredBy: treatment.deliveredBy,
      precautions: treatment.precautions,
      rationale: treatment.rationale,
      startDate: formatLongDate(treatment.startDate),
      endDate: formatLongDate(endDate),
      procedures: units.procedures,
      remaining: endDate > data.date,
    },
    progress: progressView(clinical.outcomeMeasures, answer === 'necessity'),
    replyFax: provider.practice.fax,
    phone: provider.practice.phone,
    enclosures: data.enclosures,
  };
  return commonView(data, title, context);
}
