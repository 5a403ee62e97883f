// What reviewers look for in the clinical part of a letter: measurable goals, what was tried,
// outcome scores on their scale and changes that reach the MCID.
import type { Finding } from '../errors.js';
import { assessProgress, describeMcid, findInstrument } from './assess-progress.js';
import type { OutcomeMeasure } from './fields.js';
import { finding } from './findings/index.js';

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
    findings.push(finding('NO_MEASURABLE_GOAL', `${path}.goals`, { noGoals: goals.length === 0 }));
  }
  if (priorTreatments?.length === 0) findings.push(finding('NO_PRIOR_TREATMENT', `${path}.priorTreatments`));
  clinical.outcomeMeasures.forEach((measure, index) => {
    const here = `${path}.outcomeMeasures.${index}`;
    const instrument = findInstrument(measure.instrument);
    if (instrument) {
      for (const field of ['baseline', 'current', 'target'] as const) {
        const value = measure[field];
        if (value !== undefined && (value < instrument.min || value > instrument.max)) {
          findings.push(finding('OUTCOME_OUT_OF_RANGE', `${here}.${field}`, { instrument }));
        }
      }
    }
    const progress = options.reportsProgress ? assessProgress(measure) : undefined;
    if (progress?.instrument && progress.meetsMcid === false) {
      const threshold = describeMcid(progress.instrument) ?? '';
      findings.push(
        finding('OUTCOME_BELOW_MCID', `${here}.current`, { instrument: progress.instrument, threshold }),
      );
    }
  });
  return findings;
}
