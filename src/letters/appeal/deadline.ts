// The last day to file an appeal, from the denial date, the level and the plan type: one row per
// rule, each with its source.
import { z } from 'zod';
import { addCalendarDays, addCalendarMonths, nextBusinessDay } from '../../calendar.js';
import type { Source } from '../findings/catalogue.js';
import { SOURCES } from '../findings/sources.js';
import type { PlanType } from '../fields.js';

export const AppealLevel = z.enum([
  'first-internal',
  'second-internal',
  'external-review',
  'expedited',
  'medicare-redetermination',
]);
export type AppealLevel = z.infer<typeof AppealLevel>;

export interface AppealDeadline {
  /** The last day to file, YYYY-MM-DD. */
  date: string;
  /** How it was counted, as the letter says it: "180 days after the denial notice". */
  basis: string;
  sources: readonly Source[];
}

interface DeniedClaim {
  denialDate: string;
  level: AppealLevel;
  /** A deadline printed in the plan's notice wins over our defaults. */
  noticeDeadline?: string | undefined;
}

type Plan = z.infer<typeof PlanType>;

interface DeadlineRule {
  applies: (level: AppealLevel, plan: Plan) => boolean;
  /** The last day, from the date of the notice. */
  count: (noticeDate: string) => string;
  basis: string;
  sources: readonly Source[];
}

// Medicare presumes a notice is received 5 days after its date (42 CFR 405.942(a)(1)).
const MEDICARE_RECEIPT_DAYS = 5;
const afterDays = (days: number) => (date: string) => addCalendarDays(date, days);
const afterReceipt = (days: number) => afterDays(MEDICARE_RECEIPT_DAYS + days);
const MEDICARE_PLAN_LEVELS = new Set<AppealLevel>(['first-internal', 'second-internal', 'expedited']);

// The first row that applies wins; DEFAULT_RULE below when none does.
const DEADLINE_RULES: readonly DeadlineRule[] = [
  {
    applies: (level, plan) =>
      level === 'medicare-redetermination' ||
      (plan === 'Medicare' && (level === 'first-internal' || level === 'expedited')),
    count: afterReceipt(120),
    basis:
      '120 days after receipt of the initial determination, which is presumed 5 days after the notice date',
    sources: [SOURCES.MEDICARE_REDETERMINATION],
  },
  {
    applies: (level, plan) => plan === 'Medicare' && level === 'second-internal',
    count: afterReceipt(180),
    basis: '180 days after receipt of the redetermination, which is presumed 5 days after its date',
    sources: [SOURCES.MEDICARE_RECONSIDERATION],
  },
  {
    applies: (level) => level === 'external-review',
    // Four months to the same day (or the first day of the fifth month), then the next business day.
    count: (date) => nextBusinessDay(addCalendarMonths(date, 4)),
    basis:
      '4 months after the final internal denial, moved to the next business day when that is a weekend or federal holiday',
    sources: [SOURCES.EXTERNAL_REVIEW_FILING, SOURCES.FEDERAL_HOLIDAYS],
  },
  {
    applies: (level, plan) => plan === 'Medicare Advantage' && MEDICARE_PLAN_LEVELS.has(level),
    count: afterDays(65),
    basis: '65 days after the date of the plan’s organization determination notice',
    sources: [SOURCES.MA_RECONSIDERATION_RULE, SOURCES.MA_RECONSIDERATION],
  },
  {
    applies: (level, plan) => plan === 'Medicaid' && MEDICARE_PLAN_LEVELS.has(level),
    count: afterDays(60),
    basis: '60 days after the date of the plan’s adverse benefit determination notice',
    sources: [SOURCES.MEDICAID_MANAGED_CARE_APPEAL],
  },
  {
    applies: (level, plan) => plan === 'TRICARE' && MEDICARE_PLAN_LEVELS.has(level),
    count: afterDays(90),
    basis: '90 days after the date of the denial notice',
    sources: [SOURCES.TRICARE_APPEALS, SOURCES.TRICARE_APPEALS_RULE],
  },
];

// Commercial plans, and any plan type the rows above leave out.
const DEFAULT_RULE: DeadlineRule = {
  applies: () => true,
  count: afterDays(180),
  basis: '180 days after the denial notice',
  sources: [SOURCES.ERISA_CLAIMS],
};

/**
 * The filing deadline the letter must meet: the date in the plan's notice, or the rule for the
 * plan type and level.
 * @example
 * appealDeadline({ denialDate: '2026-10-30', level: 'external-review' }, 'PPO').date; // '2027-03-01'
 */
export function appealDeadline(denial: DeniedClaim, planType: Plan): AppealDeadline {
  if (denial.noticeDeadline !== undefined) {
    return {
      date: denial.noticeDeadline,
      basis: 'the deadline stated in the plan’s denial notice',
      sources: [],
    };
  }
  const rule = DEADLINE_RULES.find((candidate) => candidate.applies(denial.level, planType)) ?? DEFAULT_RULE;
  return { date: rule.count(denial.denialDate), basis: rule.basis, sources: rule.sources };
}
