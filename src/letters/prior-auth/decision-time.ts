import type { z } from 'zod';
import type { PlanType } from '../fields.js';

export interface DecisionTime {
  /** Calendar days, for date arithmetic; expedited decisions are due in 72 hours. */
  days: number;
  wording: string;
  basis: string | undefined;
}

const CMS_0057_PLANS = new Set<z.infer<typeof PlanType>>(['Medicare Advantage', 'Medicaid']);
const ERISA_PLANS = new Set<z.infer<typeof PlanType>>(['PPO', 'HMO', 'EPO', 'POS', 'HDHP', 'Other']);

/** How soon the plan must decide (DOMAIN §4.2). */
export function decisionTime(
  urgency: 'standard' | 'expedited',
  planType: z.infer<typeof PlanType>,
): DecisionTime {
  if (urgency === 'expedited') {
    return {
      days: 3,
      wording: '72 hours',
      basis: CMS_0057_PLANS.has(planType)
        ? 'the time allowed for expedited requests (CMS-0057-F)'
        : ERISA_PLANS.has(planType)
          ? 'the time allowed for urgent care claims (29 CFR 2560.503-1)'
          : undefined,
    };
  }
  if (CMS_0057_PLANS.has(planType)) {
    return {
      days: 7,
      wording: '7 calendar days',
      basis: 'the time allowed for standard requests (CMS-0057-F)',
    };
  }
  return {
    days: 15,
    wording: '15 calendar days',
    basis: ERISA_PLANS.has(planType)
      ? 'the time allowed for pre-service claims (29 CFR 2560.503-1)'
      : undefined,
  };
}
