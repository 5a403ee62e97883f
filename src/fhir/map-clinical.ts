// ServiceRequest → treatment, Condition → diagnoses, Observation → outcome measures.
import { findInstrument } from '../letters/assess-progress.js';
import { codingsIn, LOINC_INSTRUMENTS, SYSTEMS } from './code-systems.js';
import { ambiguity, type Draft } from './draft.js';
import { calendarDate, setDate } from './elements.js';
import type { Located } from './read-bundle.js';
import type { TimingRepeat } from './resources.js';

/** UCUM units of time (R4 `units-of-time`) a frequency may be per. */
const PER: Readonly<Record<string, string>> = { d: 'day', wk: 'week', mo: 'month' };
const COURSE: Readonly<Record<string, 'weeks' | 'months'>> = { wk: 'weeks', mo: 'months' };
const MINUTES_PER: Readonly<Record<string, number>> = { min: 1, h: 60 };

export type ServiceRequestFound = Located<'ServiceRequest'> | undefined;

export function pickServiceRequest(draft: Draft): ServiceRequestFound {
  return draft.pickOne(draft.bundle.ofType('ServiceRequest'), 'the therapy ordered (ServiceRequest)');
}

export function mapTreatment(draft: Draft, request: ServiceRequestFound): void {
  if (request === undefined) return;
  const { resource, path } = request;
  const procedureCodes = [
    ...codingsIn(resource.code, [SYSTEMS.cpt, SYSTEMS.hcpcs]).map(({ coding, index }) => ({
      code: coding.code,
      source: `${path}.code.coding[${index}].code`,
    })),
    ...(resource.orderDetail ?? []).flatMap((detail, at) =>
      codingsIn(detail, [SYSTEMS.cpt, SYSTEMS.hcpcs]).map(({ coding, index }) => ({
        code: coding.code,
        source: `${path}.orderDetail[${at}].coding[${index}].code`,
      })),
    ),
  ];
  if (procedureCodes.length === 0 && resource.code !== undefined)
    draft.skip(`${path}.code`, 'has no CPT or HCPCS coding', ['treatment', 'procedures']);
  procedureCodes.forEach(({ code, source }, index) =>
    draft.set(['treatment', 'procedures', index, 'code'], code, source),
  );

  (resource.bodySite ?? []).forEach((site, index) => {
    const words = site.text ?? site.coding?.[0]?.display;
    const at = site.text === undefined ? `.bodySite[${index}].coding[0].display` : `.bodySite[${index}].text`;
    draft.set(['treatment', 'bodyAreas', index], words, `${path}${at}`);
  });

  const repeat = resource.occurrenceTiming?.repeat;
  if (repeat !== undefined) mapRepeat(draft, repeat, `${path}.occurrenceTiming.repeat`);
  if (repeat?.boundsPeriod?.start === undefined)
    setDate(
      draft,
      ['treatment', 'startDate'],
      resource.occurrencePeriod?.start,
      `${path}.occurrencePeriod.start`,
    );
}

/** Timing.repeat → frequency (N per day, week or month), session minutes and the course. */
function mapRepeat(draft: Draft, repeat: TimingRepeat, at: string): void {
  const { frequency, period, periodUnit } = repeat;
  if (frequency !== undefined) {
    const per = PER[periodUnit ?? ''];
    // A range (1 to 4 times a day) is not one count: it is left to the overlay, never narrowed.
    const range = repeat.frequencyMax !== undefined || repeat.periodMax !== undefined;
    if (per !== undefined && (period ?? 1) === 1 && !range) {
      draft.set(['treatment', 'frequency', 'count'], frequency, `${at}.frequency`);
      draft.set(['treatment', 'frequency', 'per'], per, `${at}.periodUnit`);
    } else {
      draft.skip(
        at,
        'is not one number of sessions per day, week or month (period 1, periodUnit d, wk or mo, no frequencyMax)',
        ['treatment', 'frequency'],
      );
    }
  }
  if (repeat.durationMax !== undefined) {
    draft.skip(`${at}.durationMax`, 'gives a range of session lengths, not one', [
      'treatment',
      'sessionMinutes',
    ]);
  } else if (repeat.duration !== undefined) {
    const minutes = repeat.duration * (MINUTES_PER[repeat.durationUnit ?? ''] ?? NaN);
    if (Number.isInteger(minutes)) draft.set(['treatment', 'sessionMinutes'], minutes, `${at}.duration`);
    else
      draft.skip(`${at}.duration`, 'is not a whole number of minutes (durationUnit min or h)', [
        'treatment',
        'sessionMinutes',
      ]);
  }
  const bounds = repeat.boundsDuration;
  if (bounds !== undefined) {
    const unit = COURSE[bounds.code ?? bounds.unit ?? ''];
    if (unit !== undefined && Number.isInteger(bounds.value))
      draft.set(['treatment', 'duration', unit], bounds.value, `${at}.boundsDuration.value`);
    else
      draft.skip(`${at}.boundsDuration`, 'is not a whole number of weeks (wk) or months (mo)', [
        'treatment',
        'duration',
      ]);
  }
  setDate(draft, ['treatment', 'startDate'], repeat.boundsPeriod?.start, `${at}.boundsPeriod.start`);
  setDate(draft, ['treatment', 'duration', 'endDate'], repeat.boundsPeriod?.end, `${at}.boundsPeriod.end`);
  if (repeat.count !== undefined)
    draft.skip(`${at}.count`, 'counts sessions; a course is given in weeks, months or an end date', [
      'treatment',
      'duration',
    ]);
}

/**
 * The ServiceRequest's reasons (reasonReference Conditions, then ICD-10-CM reasonCodes) when it
 * gives any; otherwise every Condition in the Bundle, in order.
 */
export function mapDiagnoses(draft: Draft, request: ServiceRequestFound): void {
  const { bundle } = draft;
  const conditions = bundle.ofType('Condition');
  const reasons = request?.resource.reasonReference ?? [];
  const reasonCodes = request?.resource.reasonCode ?? [];
  const chosen: Located<'Condition'>[] = [];
  reasons.forEach((reference, index) => {
    const condition = request && bundle.resolve(request, reference, ['Condition']);
    if (condition === undefined)
      draft.skip(`${request?.path}.reasonReference[${index}]`, 'does not name a Condition in the Bundle', [
        'diagnoses',
      ]);
    else chosen.push(condition);
  });
  const byReason =
    reasons.length > 0 || reasonCodes.some((code) => codingsIn(code, [SYSTEMS.icd10cm]).length > 0);
  if (byReason) {
    for (const condition of conditions.filter((item) => !chosen.includes(item)))
      draft.skip(condition.path, 'is not among the reasons of the ServiceRequest', ['diagnoses']);
  } else chosen.push(...conditions);

  let next = 0;
  for (const condition of chosen) {
    const { resource, path } = condition;
    const codes = codingsIn(resource.code, [SYSTEMS.icd10cm]);
    if (new Set(codes.map(({ coding }) => coding.code)).size > 1) {
      draft.issues.push({
        path: `${path}.code`,
        code: 'FHIR_AMBIGUOUS',
        message: 'has more than one ICD-10-CM coding; a Condition is one diagnosis',
      });
      continue;
    }
    const icd = codes[0];
    if (icd === undefined) {
      draft.skip(`${path}.code`, `has no ICD-10-CM coding (system ${SYSTEMS.icd10cm})`, ['diagnoses']);
      continue;
    }
    const field = ['diagnoses', next++];
    const at = `${path}.code.coding[${icd.index}]`;
    draft.set([...field, 'code'], icd.coding.code, `${at}.code`);
    if (icd.coding.display !== undefined)
      draft.set([...field, 'description'], icd.coding.display, `${at}.display`);
    else draft.set([...field, 'description'], resource.code?.text, `${path}.code.text`);
    const onset =
      resource.onsetDateTime !== undefined
        ? ['onsetDateTime', resource.onsetDateTime]
        : ['onsetPeriod.start', resource.onsetPeriod?.start];
    setDate(draft, [...field, 'onset'], onset[1], `${path}.${onset[0]}`);
  }
  reasonCodes.forEach((concept, at) => {
    codingsIn(concept, [SYSTEMS.icd10cm]).forEach(({ coding, index }) => {
      const field = ['diagnoses', next++];
      draft.set([...field, 'code'], coding.code, `${request?.path}.reasonCode[${at}].coding[${index}].code`);
      draft.set(
        [...field, 'description'],
        coding.display,
        `${request?.path}.reasonCode[${at}].coding[${index}].display`,
      );
    });
  });
}

interface Score {
  observation: Located<'Observation'>;
  instrument: string;
  instrumentSource: string;
  value: number;
  valueSource: string;
  date: string;
  dateSource: string;
}

const FINAL = new Set(['final', 'amended', 'corrected']);

/** An Observation as a score of an instrument lmnkit knows, or why it is not one. */
function readScore(draft: Draft, observation: Located<'Observation'>): Score | undefined {
  const { resource, path } = observation;
  if (!FINAL.has(resource.status ?? '')) {
    draft.skip(`${path}.status`, 'is not final, amended or corrected', ['clinical', 'outcomeMeasures']);
    return undefined;
  }
  const loinc = codingsIn(resource.code, [SYSTEMS.loinc]).find(
    ({ coding }) => LOINC_INSTRUMENTS[coding.code ?? ''],
  );
  const named = resource.code.text !== undefined && findInstrument(resource.code.text) !== undefined;
  const instrument = loinc
    ? LOINC_INSTRUMENTS[loinc.coding.code ?? '']
    : named
      ? resource.code.text
      : undefined;
  if (instrument === undefined) {
    draft.skip(
      `${path}.code`,
      'is not an outcome measure lmnkit knows (by LOINC, or by code.text naming an instrument)',
      ['clinical', 'outcomeMeasures'],
    );
    return undefined;
  }
  const [value, valueSource] =
    resource.valueQuantity?.value !== undefined
      ? [resource.valueQuantity.value, `${path}.valueQuantity.value`]
      : [resource.valueInteger, `${path}.valueInteger`];
  const [when, dateSource] =
    resource.effectiveDateTime !== undefined
      ? [resource.effectiveDateTime, `${path}.effectiveDateTime`]
      : [resource.effectivePeriod?.start, `${path}.effectivePeriod.start`];
  const date = calendarDate(when);
  if (value === undefined || date === undefined) {
    draft.skip(path, 'has no numeric value or no full date', ['clinical', 'outcomeMeasures']);
    return undefined;
  }
  const instrumentSource = loinc ? `${path}.code.coding[${loinc.index}].code` : `${path}.code.text`;
  return { observation, instrument, instrumentSource, value, valueSource, date, dateSource };
}

/** Per instrument: the earliest score is the baseline, the latest the current one. */
export function mapOutcomeMeasures(draft: Draft): void {
  const scores = draft.bundle
    .ofType('Observation')
    .flatMap((observation) => readScore(draft, observation) ?? []);
  // Node 20 has no Map.groupBy.
  const byInstrument = new Map<string, Score[]>();
  for (const score of scores) {
    const group = byInstrument.get(score.instrument);
    if (group === undefined) byInstrument.set(score.instrument, [score]);
    else group.push(score);
  }
  let next = 0;
  for (const [instrument, scored] of byInstrument) {
    const series = scored.sort((a, b) => a.date.localeCompare(b.date));
    const first = series[0];
    const last = series.at(-1);
    if (first === undefined || last === undefined) continue;
    const tied = [first, last].find((end) => series.filter((score) => score.date === end.date).length > 1);
    if (tied !== undefined) {
      const same = series.filter((score) => score.date === tied.date).map((score) => score.observation);
      draft.issues.push(ambiguity(same, 'one score of an outcome measure on one date'));
      continue;
    }
    const field = ['clinical', 'outcomeMeasures', next++];
    draft.set([...field, 'instrument'], instrument, first.instrumentSource);
    draft.set([...field, 'baseline'], first.value, first.valueSource);
    draft.set([...field, 'baselineDate'], first.date, first.dateSource);
    if (last !== first) {
      draft.set([...field, 'current'], last.value, last.valueSource);
      draft.set([...field, 'currentDate'], last.date, last.dateSource);
    }
    for (const between of series.slice(1, -1))
      draft.skip(
        between.observation.path,
        'lies between the baseline and the latest score of its instrument',
        ['clinical', 'outcomeMeasures'],
      );
  }
}
