// What the payer's plan type means for a letter about massage or manual therapy, and what a
// workers' compensation or auto claim needs. Findings: findings/coverage.ts.
import { isSequela } from '../codes/excludes1.js';
import { isInjuryCode } from '../codes/icd10cm.js';
import type { Finding } from '../errors.js';
import type { Coverage, Diagnosis, Treatment } from './fields.js';
import { finding } from './findings/index.js';

const MASSAGE_SERVICES = new Set<Treatment['service']>([
  'massage-therapy',
  'myofascial-release',
  'manual-lymphatic-drainage',
]);
const MASSAGE_CODE = '97124';
const WORKERS_COMPENSATION = "Workers' Compensation";
const AUTO_PLANS = new Set<Coverage['planType']>(['Auto PIP', 'Auto Med-Pay']);

export interface CoverageRuleOptions {
  /** The letter is itself the prior-authorization request, so only the referral can be on file. */
  requestsAuthorization?: boolean;
  /** Prior-authorization requests and appeals are matched to the member by ID. */
  requireMemberId?: boolean;
  /** The member ID may be given on the patient instead. */
  patientMemberId?: string | undefined;
}

/** Workers' compensation and auto PIP / med-pay: the claim pays for an injury, not a member's plan. */
export function isInjuryPlan(planType: Coverage['planType']): boolean {
  return planType === WORKERS_COMPENSATION || AUTO_PLANS.has(planType);
}

export function coverageRules(
  coverage: Coverage | undefined,
  treatment: Pick<Treatment, 'service' | 'procedures'>,
  options: CoverageRuleOptions = {},
): Finding[] {
  const findings: Finding[] = [];
  const injuryPlan = coverage !== undefined && isInjuryPlan(coverage.planType);
  if (
    options.requireMemberId &&
    !injuryPlan &&
    coverage?.memberId === undefined &&
    options.patientMemberId === undefined
  ) {
    findings.push(finding('MEMBER_ID_MISSING', 'coverage.memberId'));
  }
  if (coverage === undefined) return findings;
  const massage =
    MASSAGE_SERVICES.has(treatment.service) ||
    treatment.procedures.some((procedure) => procedure.code === MASSAGE_CODE);
  if (massage && coverage.planType === 'Medicare') {
    findings.push(finding('MEDICARE_NO_MASSAGE_BENEFIT', 'coverage.planType'));
  }
  if (massage && coverage.planType === 'TRICARE') {
    findings.push(finding('TRICARE_EXCLUDES_MASSAGE', 'coverage.planType'));
  }
  if (massage && coverage.planType === 'Medicare Advantage') {
    findings.push(finding('MEDICARE_ADVANTAGE_MASSAGE_VARIES', 'coverage.planType'));
  }
  const authorized = !options.requestsAuthorization && coverage.priorAuthorizationNumber !== undefined;
  if (coverage.planType === 'HMO' && coverage.referralOnFile !== true && !authorized) {
    findings.push(
      finding('HMO_WITHOUT_REFERRAL', 'coverage.referralOnFile', {
        requestsAuthorization: options.requestsAuthorization ?? false,
      }),
    );
  }
  return findings;
}

interface InjuryLetter {
  date: string;
  coverage?: Coverage | undefined;
  diagnoses: readonly Diagnosis[];
}

/**
 * A workers' compensation or auto letter names its claim and ties the diagnoses to the injury in
 * the clinician's words; a health-plan letter for an injury says who pays first.
 */
export function injuryClaimRules(data: InjuryLetter): Finding[] {
  const { coverage } = data;
  if (coverage === undefined) return [];
  const { injury } = coverage;
  const findings: Finding[] = [];
  if (injury?.dateOfInjury !== undefined && injury.dateOfInjury > data.date) {
    findings.push(finding('INJURY_DATE_AFTER_LETTER', 'coverage.injury.dateOfInjury'));
  }
  if (!isInjuryPlan(coverage.planType)) {
    const injured = data.diagnoses.some(({ code }) => isInjuryCode(code) && !isSequela(code));
    if (injured && injury?.dateOfInjury !== undefined && coverage.primaryPayer === undefined) {
      findings.push(finding('PRIMARY_PAYER_NOT_NOTED', 'coverage.primaryPayer'));
    }
    return findings;
  }
  if (injury === undefined) {
    return [...findings, finding('INJURY_CLAIM_MISSING', 'coverage.injury', { planType: coverage.planType })];
  }
  if (injury.claimNumber === undefined) {
    findings.push(finding('INJURY_CLAIM_NUMBER_MISSING', 'coverage.injury.claimNumber'));
  }
  if (injury.dateOfInjury === undefined) {
    findings.push(finding('INJURY_DATE_MISSING', 'coverage.injury.dateOfInjury'));
  }
  if (injury.state === undefined) findings.push(finding('INJURY_STATE_MISSING', 'coverage.injury.state'));
  if (coverage.planType === WORKERS_COMPENSATION && injury.employer === undefined) {
    findings.push(finding('INJURY_EMPLOYER_MISSING', 'coverage.injury.employer'));
  }
  if (AUTO_PLANS.has(coverage.planType) && injury.insured === undefined) {
    findings.push(finding('INJURY_INSURED_MISSING', 'coverage.injury.insured'));
  }
  const { adjuster } = injury;
  if (adjuster?.phone === undefined && adjuster?.fax === undefined && adjuster?.email === undefined) {
    findings.push(finding('INJURY_ADJUSTER_MISSING', 'coverage.injury.adjuster'));
  }
  if (injury.causation === undefined) {
    findings.push(finding('CAUSATION_NOT_STATED', 'coverage.injury.causation'));
  }
  return findings;
}
