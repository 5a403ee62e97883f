// Who may file the appeal: a provider appeals a member's denial as the member's authorized
// representative, and TRICARE network providers only so. Findings: findings/coverage.ts.
import { formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import type { Coverage } from '../fields.js';
import { finding } from '../findings/index.js';
import { providerName } from '../letter-view.js';
import type { Appeal } from './schema.js';

// Plans whose internal appeal is the member's claim, so the provider files it as the member's
// representative: group health plans (29 CFR 2560.503-1(b)(4)) and Medicaid managed care
// (42 CFR 438.402(c)(1)(ii)). Original Medicare and Medicare Advantage give providers their own
// appeal routes; workers' compensation and auto claims are not member appeals.
const MEMBER_APPEAL_PLANS = new Set<Coverage['planType']>([
  'PPO',
  'HMO',
  'EPO',
  'POS',
  'HDHP',
  'Medicaid',
  'Other',
]);

export function representationRules(data: Appeal): Finding[] {
  if (data.authorizedRepresentative !== undefined) return [];
  const { planType } = data.coverage;
  if (planType === 'TRICARE') {
    if (data.networkProvider === true) {
      return [finding('TRICARE_NETWORK_PROVIDER_NEEDS_APPOINTMENT', 'authorizedRepresentative')];
    }
    return data.networkProvider === false
      ? []
      : [finding('TRICARE_APPEALING_PARTY_UNCLEAR', 'networkProvider')];
  }
  // A health care professional who knows the condition may act for the member on an urgent claim.
  if (MEMBER_APPEAL_PLANS.has(planType) && data.denial.level !== 'expedited') {
    return [finding('AUTHORIZED_REPRESENTATIVE_NOT_NOTED', 'authorizedRepresentative')];
  }
  return [];
}

/** The letter's sentence on the designation, and the copy it encloses. */
export function representativeView(data: Appeal) {
  const designation = data.authorizedRepresentative;
  if (designation === undefined) return undefined;
  return {
    name: designation.name ?? providerName(data.provider),
    document: designation.document,
    signedOn: designation.signedOn && formatLongDate(designation.signedOn),
    enclosed: designation.enclosed,
  };
}
