// How the planned codes are billed: NCCI procedure-to-procedure pairs with their modifiers, and the
// Medicare outpatient therapy rules (GP modifier, KX threshold, recertification, progress reports).
// Findings: findings/billing.ts.
import { addCalendarDays, daysBetween, formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import type { Coverage, Treatment } from './fields.js';
import { finding } from './findings/index.js';
import { countSessions, treatmentEndDate } from './letter-view.js';

interface NcciPair {
  column1: readonly string[];
  column2: readonly string[];
  /** Why the pair is bundled, in our words. */
  reason: string;
}

// Medicare NCCI PTP edits with modifier indicator 1 (a distinct region allows both); CMS
// publishes the full table quarterly (findings/billing.ts NCCI_PTP).
const NCCI_PAIRS: readonly NcciPair[] = [
  {
    column1: ['97140'],
    column2: ['97124'],
    reason: 'manual therapy and massage of one region in one session are billed as one service.',
  },
  {
    column1: ['98940', '98941', '98942'],
    column2: ['97140', '97124', '97112'],
    reason:
      'spinal manipulation already covers manual, massage and neuromuscular work on the region it treats.',
  },
];
const DISTINCT_MODIFIERS = new Set(['59', 'XS']);

/** Medicare KX modifier thresholds by calendar year, PT and SLP combined (and OT alike), in dollars. */
const KX_THRESHOLDS: readonly { year: number; amount: number; targetedReview: number }[] = [
  // CY 2025 PFS final rule (89 FR 97710); CY 2026 PFS final rule (90 FR 49266).
  { year: 2025, amount: 2410, targetedReview: 3000 },
  { year: 2026, amount: 2480, targetedReview: 3000 },
];
const THERAPY_MODIFIERS = new Set(['GP', 'GO', 'GN']);
// Codes always billed as outpatient therapy: modalities, therapeutic procedures, tests and
// measurements, PT/OT evaluations, and unattended electrical stimulation.
const THERAPY_CODE = /^(970[1-3]\d|971[1-6]\d|97[2-4]\d\d|975[0-4]\d|9775\d|9776[0-3]|G0283)$/;
const CERTIFICATION_DAYS = 90;
const VISITS_PER_PROGRESS_REPORT = 10;

interface BilledLetter {
  date: string;
  coverage?: Coverage | undefined;
  treatment: Treatment;
}

export interface BillingRuleOptions {
  /** The letter plans a course of care; an appeal of past claims gets the NCCI checks only. */
  plansCare?: boolean;
}

export function billingRules(data: BilledLetter, { plansCare = true }: BillingRuleOptions = {}): Finding[] {
  const findings = ncciRules(data.treatment);
  if (data.coverage?.planType === 'Medicare') findings.push(...medicareTherapyRules(data, plansCare));
  return findings;
}

function ncciRules(treatment: Treatment): Finding[] {
  const findings: Finding[] = [];
  const procedures = treatment.procedures.map((procedure, index) => ({ ...procedure, index }));
  for (const pair of NCCI_PAIRS) {
    for (const first of procedures.filter((procedure) => pair.column1.includes(procedure.code))) {
      for (const second of procedures.filter((procedure) => pair.column2.includes(procedure.code))) {
        const path = `treatment.procedures.${second.index}`;
        const [region1, region2] = [first.region, second.region];
        if (region1 === undefined || region2 === undefined || sameRegion(region1, region2)) {
          findings.push(
            finding('NCCI_PAIR_SAME_REGION', `${path}.region`, {
              column1: first.code,
              column2: second.code,
              reason: pair.reason,
            }),
          );
        } else if (!second.modifiers?.some((modifier) => DISTINCT_MODIFIERS.has(modifier))) {
          findings.push(
            finding('NCCI_PAIR_NEEDS_MODIFIER', `${path}.modifiers`, {
              column1: first.code,
              column2: second.code,
            }),
          );
        }
      }
    }
  }
  return findings;
}

function medicareTherapyRules(data: BilledLetter, plansCare: boolean): Finding[] {
  const { treatment } = data;
  const therapy = treatment.procedures
    .map((procedure, index) => ({ ...procedure, index }))
    .filter((procedure) => THERAPY_CODE.test(procedure.code));
  if (therapy.length === 0 || !plansCare) return [];
  const findings = therapy
    .filter((procedure) => !procedure.modifiers?.some((modifier) => THERAPY_MODIFIERS.has(modifier)))
    .map((procedure) =>
      finding('MEDICARE_THERAPY_MODIFIER_MISSING', `treatment.procedures.${procedure.index}.modifiers`, {
        code: procedure.code,
      }),
    );
  const year = Number(data.date.slice(0, 4));
  const threshold = KX_THRESHOLDS.find((entry) => entry.year === year);
  findings.push(
    threshold === undefined
      ? finding('MEDICARE_KX_THRESHOLD_UNKNOWN', 'coverage.planType', { year })
      : finding('MEDICARE_KX_THRESHOLD', 'coverage.planType', {
          year,
          amount: dollars(threshold.amount),
          review: `; above ${dollars(threshold.targetedReview)} claims may be selected for targeted medical review`,
        }),
  );
  const end = treatmentEndDate(treatment);
  if (daysBetween(treatment.startDate, end) >= CERTIFICATION_DAYS) {
    findings.push(
      finding('MEDICARE_RECERTIFICATION_DUE', 'treatment.duration', {
        date: formatLongDate(addCalendarDays(treatment.startDate, CERTIFICATION_DAYS)),
      }),
    );
  }
  const sessions = countSessions(treatment);
  if (sessions > VISITS_PER_PROGRESS_REPORT) {
    findings.push(finding('MEDICARE_PROGRESS_REPORTS', 'treatment.frequency', { sessions }));
  }
  return findings;
}

function sameRegion(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function dollars(amount: number): string {
  return `$${amount.toLocaleString('en-US')}`;
}
