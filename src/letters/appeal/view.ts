import { formatLongDate, formatShortDate } from '../../calendar.js';
import { lookupCarc } from '../../codes/carc.js';
import { assessProgress, describeAmount, type Progress } from '../assess-progress.js';
import { describeUnits } from '../describe-units.js';
import type { OutcomeMeasure } from '../fields.js';
import {
  commonContext,
  commonView,
  countSessions,
  describeDuration,
  describeFrequency,
  diagnosisDescription,
  SERVICE_NAMES,
  treatmentEndDate,
} from '../letter-view.js';
import { answerFor } from './answer.js';
import { appealDeadline, type AppealLevel } from './deadline.js';
import { representativeView } from './representative.js';
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
    representative: representativeView(data),
    enclosures: [
      ...data.enclosures,
      ...(data.authorizedRepresentative?.enclosed === true ? [data.authorizedRepresentative.document] : []),
    ],
  };
  return commonView(data, title, context);
}
