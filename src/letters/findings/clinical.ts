// Findings about the clinical part of a letter: goals, what was tried, and outcome scores.
import { OUTCOME_MEASURES, type OutcomeMeasure, type OutcomeSource } from '../../codes/outcome-measures.js';
import { defineFindings } from './catalogue.js';
import { SOURCES } from './sources.js';

const MCID_SOURCES = [
  ...new Map(
    OUTCOME_MEASURES.flatMap((measure) =>
      measure.source ? [[measure.source.url, measure.source] as const] : [],
    ),
  ).values(),
];

const sourcesOf = (params: { instrument: OutcomeMeasure }): readonly OutcomeSource[] =>
  params.instrument.source ? [params.instrument.source] : [];

export const CLINICAL_FINDINGS = defineFindings({
  NO_MEASURABLE_GOAL: {
    level: 'warning',
    title: 'No goal, or no goal with a number to measure against',
    fix: 'Give clinical.goals with a score, minutes, degrees or a date to reach.',
    message: (params: { noGoals: boolean }) =>
      params.noGoals
        ? 'No treatment goal is stated; reviewers deny letters without measurable goals.'
        : 'No goal states a number to measure against (a score, minutes, degrees or a date).',
    sources: [SOURCES.THERAPY_PLAN_OF_CARE, SOURCES.THERAPY_CERTIFICATION],
  },
  NO_PRIOR_TREATMENT: {
    level: 'info',
    title: 'Nothing tried before is documented',
    fix: 'Give clinical.priorTreatments: what was tried, for how long, and how it worked.',
    message: 'No prior treatment is documented; what was tried and how it worked strengthens the letter.',
    sources: [SOURCES.THERAPY_DOCUMENTATION],
  },
  OUTCOME_OUT_OF_RANGE: {
    level: 'error',
    title: 'An outcome score is outside its instrument’s scale',
    fix: 'Correct the score, or name the scale it was taken on (for example "NDI (%)" or "VAS in cm").',
    message: (params: { instrument: OutcomeMeasure }) =>
      `The ${params.instrument.name} is scored from ${params.instrument.min} to ${params.instrument.max}.`,
    sources: MCID_SOURCES,
    sourcesFor: sourcesOf,
  },
  OUTCOME_BELOW_MCID: {
    level: 'info',
    title: 'An outcome change is below its MCID; the appeal says so rather than claim improvement',
    fix: 'Nothing to correct: the letter reports the change as not yet clinically meaningful.',
    message: (params: { instrument: OutcomeMeasure; threshold: string }) =>
      `The change is below the minimal clinically important difference (${params.threshold}); the letter reports it as not yet clinically meaningful.`,
    sources: MCID_SOURCES,
    sourcesFor: sourcesOf,
  },
});
