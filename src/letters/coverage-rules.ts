// What the payer's plan type means for a letter about massage or manual therapy (DOMAIN §4.2, §6).
import type { Finding } from '../errors.js';
import type { Coverage, Treatment } from './fields.js';

const MASSAGE_SERVICES = new Set<Treatment['service']>([
  'massage-therapy',
  'myofascial-release',
  'manual-lymphatic-drainage',
]);
const MASSAGE_CODE = '97124';

export interface CoverageRuleOptions {
  /** The letter is itself the prior-authorization request, so only the referral can be on file. */
  requestsAuthorization?: boolean;
  /** Prior-authorization requests and appeals are matched to the member by ID. */
  requireMemberId?: boolean;
  /** The member ID may be given on the patient instead. */
  patientMemberId?: string | undefined;
}

export function coverageRules(
  coverage: Coverage | undefined,
  treatment: Pick<Treatment, 'service' | 'procedures'>,
  options: CoverageRuleOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  if (options.requireMemberId && coverage?.memberId === undefined && options.patientMemberId === undefined) {
    findings.push({
      code: 'MEMBER_ID_MISSING',
      level: 'error',
      path: 'coverage.memberId',
      message:
        'The payer matches this letter to the member by ID; give the member ID from the insurance card.',
      source: 'LETTERS.md',
    });
  }
  if (coverage === undefined) return findings;
  const massage =
    MASSAGE_SERVICES.has(treatment.service) ||
    treatment.procedures.some((procedure) => procedure.code === MASSAGE_CODE);
  if (massage && coverage.planType === 'Medicare') {
    findings.push({
      code: 'MEDICARE_NO_MASSAGE_BENEFIT',
      level: 'warning',
      path: 'coverage.planType',
      message:
        'Original Medicare has no massage therapy benefit and does not enroll massage therapists: it pays for massage techniques (97124, 97140 with modifier GP) only as part of outpatient therapy by a physical or occupational therapist or physician under a certified plan of care.',
      source: 'DOMAIN §6',
    });
  }
  if (massage && coverage.planType === 'TRICARE') {
    findings.push({
      code: 'TRICARE_EXCLUDES_MASSAGE',
      level: 'warning',
      path: 'coverage.planType',
      message:
        'TRICARE excludes massage under any circumstance; massage procedures are paid only as part of covered physical or occupational therapy by an authorized therapist.',
      source: 'DOMAIN §6',
    });
  }
  if (massage && coverage.planType === 'Medicare Advantage') {
    findings.push({
      code: 'MEDICARE_ADVANTAGE_MASSAGE_VARIES',
      level: 'info',
      path: 'coverage.planType',
      message:
        'Some Medicare Advantage plans cover therapeutic massage as a supplemental benefit when a physician orders it to treat an injury or illness; visit limits, network therapists and referral rules vary by plan, so check its evidence of coverage.',
      source: 'DOMAIN §6',
    });
  }
  const authorized = !options.requestsAuthorization && coverage.priorAuthorizationNumber !== undefined;
  if (coverage.planType === 'HMO' && coverage.referralOnFile !== true && !authorized) {
    findings.push({
      code: 'HMO_WITHOUT_REFERRAL',
      level: 'warning',
      path: 'coverage.referralOnFile',
      message: options.requestsAuthorization
        ? 'HMO plans usually need a referral from the primary care physician with the authorization request; none is recorded.'
        : 'HMO plans usually need a referral from the primary care physician and prior authorization before therapy; neither is recorded.',
      source: 'DOMAIN §4.2',
    });
  }
  return findings;
}
