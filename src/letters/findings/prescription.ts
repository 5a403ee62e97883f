// Findings about a prescription or referral: when the care it orders starts and is re-evaluated.
import { defineFindings } from './catalogue.js';
import { SOURCES } from './sources.js';

export const PRESCRIPTION_FINDINGS = defineFindings({
  TREATMENT_BEFORE_PRESCRIPTION: {
    level: 'warning',
    title: 'The treatment starts before the prescription is dated',
    fix: 'Date the prescription on or before the first visit, or move the start date.',
    message:
      'Treatment starts before the prescription is dated; payers do not cover visits made before the order.',
    sources: [SOURCES.THERAPY_PLAN_OF_CARE],
  },
  REEVALUATION_AFTER_COURSE: {
    level: 'warning',
    title: 'The re-evaluation falls after the course ends',
    fix: 'Set reEvaluationDate on or before the last day of the course.',
    message: (params: { endDate: string }) =>
      `The re-evaluation is after the course ends (${params.endDate}); re-evaluate before care would continue.`,
    sources: [SOURCES.THERAPY_DOCUMENTATION],
  },
});
