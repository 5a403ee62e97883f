// What reviewers look for in the clinical part of a letter: measurable goals, what was tried,
// outcome scores on their scale and changes that reach the MCID (LETTERS.md; DOMAIN §7).
import type { Finding } from '../errors.js';
import { assessProgress, describeAmount, findInstrument } from './assess-progress.js';
import type { OutcomeMeasure } from './fields.js';

export interface ClinicalRuleInput {
  goals?: readonly string[] | undefined;
  priorTreatments?: readonly unknown[] | undefined;
  outcomeMeasures: readonly OutcomeMeasure[];
}

export interface ClinicalRuleOptions {
  /** Where the clinical fields sit in the input. */
  path?: string;
  /** The letter reports progress (an appeal): changes below the MCID are noted. */
  reportsProgress?: boolean;
}

export function clinicalRules(clinical: ClinicalRuleInput, options: ClinicalRuleOptions = {}): Finding[] {
  const path = options.path ?? 'clinical';
  const findings: Finding[] = [];
  const { goals, priorTreatments } = clinical;
  if (goals !== undefined && !goals.some((goal) => /\d/.test(goal))) {
    findings.push({
      code: 'NO_MEASURABLE_GOAL',
      level: 'warning',
      path: `${path}.goals`,
      message:
        goals.length === 0
          ? 'No treatment goal is stated; reviewers deny letters without measurable goals.'
          : 'No goal states a number to measure against (a score, minutes, degrees or a date).',
      source: 'LETTERS.md; DOMAIN §7',
    });
  }
  if (priorTreatments?.length === 0) {
    findings.push({
      code: 'NO_PRIOR_TREATMENT',
      level: 'info',
      path: `${path}.priorTreatments`,
      message: 'No prior treatment is documented; what was tried and how it worked strengthens the letter.',
      source: 'LETTERS.md',
    });
  }
  clinical.outcomeMeasures.forEach((measure, index) => {
    const here = `${path}.outcomeMeasures.${index}`;
    const instrument = findInstrument(measure.instrument);
    if (instrument) {
      for (const field of ['baseline', 'current', 'target'] as const) {
        const value = measure[field];
        if (value !== undefined && (value < instrument.min || value > instrument.max)) {
          findings.push({
            code: 'OUTCOME_OUT_OF_RANGE',
            level: 'error',
            path: `${here}.${field}`,
            message: `The ${instrument.name} is scored from ${instrument.min} to ${instrument.max}.`,
            source: 'DOMAIN §7 [OUT-1]',
          });
        }
      }
    }
    const progress = options.reportsProgress ? assessProgress(measure) : undefined;
    if (progress?.instrument && progress.meetsMcid === false) {
      const { mcid } = progress.instrument;
      findings.push({
        code: 'OUTCOME_BELOW_MCID',
        level: 'info',
        path: `${here}.current`,
        message: `The change is below the minimal clinically important difference (${describeAmount(mcid ?? 0, progress.instrument)}); the letter reports it as not yet clinically meaningful.`,
        source: 'DOMAIN §7 [OUT-2]',
      });
    }
  });
  return findings;
}
