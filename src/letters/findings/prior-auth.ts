// Findings about a prior-authorization request: the units it asks for and when care can start.
import { defineFindings } from './catalogue.js';
import { SOURCES } from './sources.js';

export const PRIOR_AUTH_FINDINGS = defineFindings({
  REQUESTED_UNITS_EXCEED_PLAN: {
    level: 'error',
    title: 'The request asks for more units than its visits and minutes support',
    fix: 'Ask for no more units than the plan of care supports.',
    message: (params: { planned: number; visits: number }) =>
      `The plan of care supports at most ${params.planned} units (${params.visits} visits at the units their minutes allow by the 8-minute rule); ask for no more.`,
    sources: [SOURCES.EIGHT_MINUTE_RULE],
  },
  SERVICE_BEFORE_REQUEST: {
    level: 'warning',
    title: 'The request covers care that starts before it is dated',
    fix: 'Move the start date after the request, or say why care could not wait.',
    message:
      'Care starts before the request is dated; most plans do not authorize care after the fact, so say why it could not wait.',
    sources: [SOURCES.CARC_LIST],
  },
  DECISION_DUE_AFTER_START: {
    level: 'info',
    title: 'The plan may decide after the requested start date',
    fix: 'Send the request earlier, or move the start date.',
    message: (params: { wording: string; due: string }) =>
      `The plan may take up to ${params.wording} to decide, until about ${params.due}, which is after the requested start date.`,
    sources: [SOURCES.ERISA_CLAIMS, SOURCES.CMS_0057_F],
  },
  MEDICARE_NO_DECISION_TIME: {
    level: 'info',
    title: 'Original Medicare sets no decision time for a therapy prior-authorization request',
    fix: 'Nothing to correct: the letter asks for a decision without naming a time. Medicare pays therapy under a plan of care certified by a physician or practitioner.',
    message:
      'Original Medicare has no decision time for a prior-authorization request for outpatient therapy, so the letter names none; therapy is covered under a written plan of care certified by a physician or non-physician practitioner.',
    sources: [SOURCES.THERAPY_PLAN_OF_CARE, SOURCES.THERAPY_CERTIFICATION],
  },
});
