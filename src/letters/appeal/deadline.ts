// The last day to file an appeal, from the denial date, the level and the plan type
// (DOMAIN §4.2 commercial and external review, §4.3 Medicare and Medicare Advantage).
import { z } from 'zod';
import { addCalendarDays, addCalendarMonths } from '../../calendar.js';
import { choice, type PlanType } from '../fields.js';

export const AppealLevel = choice([
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
  source: string;
}

interface DeniedClaim {
  denialDate: string;
  level: AppealLevel;
  /** A deadline printed in the plan's notice wins over our defaults. */
  noticeDeadline?: string | undefined;
}

// Medicare presumes a notice is received 5 days after its date (DOMAIN §4.3).
const MEDICARE_RECEIPT_DAYS = 5;

export function appealDeadline(denial: DeniedClaim, planType: z.infer<typeof PlanType>): AppealDeadline {
  const { denialDate, level } = denial;
  if (denial.noticeDeadline !== undefined) {
    return {
      date: denial.noticeDeadline,
      basis: 'the deadline stated in the plan’s denial notice',
      source: 'DOMAIN §4.2',
    };
  }
  const received = addCalendarDays(denialDate, MEDICARE_RECEIPT_DAYS);
  if (
    level === 'medicare-redetermination' ||
    (planType === 'Medicare' && level !== 'second-internal' && level !== 'external-review')
  ) {
    return {
      date: addCalendarDays(received, 120),
      basis:
        '120 days after receipt of the initial determination, which is presumed 5 days after the notice date',
      source: 'DOMAIN §4.3',
    };
  }
  if (planType === 'Medicare' && level === 'second-internal') {
    return {
      date: addCalendarDays(received, 180),
      basis: '180 days after receipt of the redetermination, which is presumed 5 days after its date',
      source: 'DOMAIN §4.3',
    };
  }
  if (level === 'external-review') {
    return {
      date: addCalendarMonths(denialDate, 4),
      basis: '4 months after the final internal denial',
      source: 'DOMAIN §4.2',
    };
  }
  if (planType === 'Medicare Advantage') {
    return {
      date: addCalendarDays(denialDate, 60),
      basis: '60 days after the plan’s organization determination',
      source: 'DOMAIN §4.3',
    };
  }
  return {
    date: addCalendarDays(denialDate, 180),
    basis: '180 days after the denial notice',
    source: 'DOMAIN §4.2',
  };
}
