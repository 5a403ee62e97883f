import type { z } from 'zod';
import type { PlanType } from '../fields.js';

export interface DecisionTime {
  /** Calendar days, for date arithmetic; expedited decisions are due in 72 hours. */
  days: number;
  wording: string;
  basis: string | undefined;
}

type Plan = z.infer<typeof PlanType>;

const CMS_0057_PLANS = new Set<Plan>(['Medicare Advantage', 'Medicaid']);
const ERISA_PLANS = new Set<Plan>(['PPO', 'HMO', 'EPO', 'POS', 'HDHP', 'Other']);

/**
 * How soon the plan must decide: CMS-0057-F for Medicare Advantage and Medicaid, 29 CFR
 * 2560.503-1 for a private employer's plan only (it governs no other plan: DOL EBSA, Benefit
 * Claims Procedure Regulation FAQs, A-1). Undefined for Original Medicare, which sets no decision
 * time for a therapy request, so the letter asks for none.
 * @example
 * decisionTime('standard', 'Medicare'); // undefined
 */
export function decisionTime(
  urgency: 'standard' | 'expedited',
  planType: Plan,
  employerPlan = false,
): DecisionTime | undefined {
  if (planType === 'Medicare') return undefined;
  const erisa = employerPlan && ERISA_PLANS.has(planType);
  if (urgency === 'expedited') {
    return {
      days: 3,
      wording: '72 hours',
      basis: CMS_0057_PLANS.has(planType)
        ? 'the time allowed for expedited requests (CMS-0057-F)'
        : erisa
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
    basis: erisa ? 'the time allowed for pre-service claims (29 CFR 2560.503-1)' : undefined,
  };
}
