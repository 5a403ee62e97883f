// Code systems and codes the mapping reads, each with the page that defines it.
import type { CodeableConcept, Coding } from './resources.js';

export const SYSTEMS = {
  /** https://terminology.hl7.org/NamingSystem-npi.html */
  npi: 'http://hl7.org/fhir/sid/us-npi',
  /** https://terminology.hl7.org/CodeSystem-icd10CM.html */
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  /** https://terminology.hl7.org/ValueSet-cpt-all.html */
  cpt: 'http://www.ama-assn.org/go/cpt',
  /** https://terminology.hl7.org/ValueSet-v3-HealthCareCommonProcedureCodingSystem.html */
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  /** https://loinc.org */
  loinc: 'http://loinc.org',
  /** X12 CARC, as CARIN Blue Button names it: https://hl7.org/fhir/us/carin-bb/STU1.1/CodeSystem-X12ClaimAdjustmentReasonCodes.html */
  carc: 'https://x12.org/codes/claim-adjustment-reason-codes',
  /** https://terminology.hl7.org/CodeSystem-coverage-class.html */
  coverageClass: 'http://terminology.hl7.org/CodeSystem/coverage-class',
  /** https://terminology.hl7.org/CodeSystem-v3-ActCode.html */
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  /** Identifier type MB, member number: https://terminology.hl7.org/CodeSystem-v2-0203.html */
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  /** Degree codes (MD, DO, …); R4 examples write the system with a version suffix. */
  degree: 'http://terminology.hl7.org/CodeSystem/v2-0360',
  /** Adjudication categories (submitted, …): https://terminology.hl7.org/CodeSystem-adjudication.html */
  adjudication: 'http://terminology.hl7.org/CodeSystem/adjudication',
} as const;

/**
 * Coverage.type codes that name a plan type, from the v3 ManagedCarePolicy value set
 * (HMO, POS, PPO under v3-ActCode: https://terminology.hl7.org/ValueSet-v3-ManagedCarePolicy.html).
 */
export const PLAN_TYPES: Readonly<Record<string, string>> = { HMO: 'HMO', POS: 'POS', PPO: 'PPO' };

/** Outcome instruments by LOINC code, as lmnkit's outcome table names them. */
export const LOINC_INSTRUMENTS: Readonly<Record<string, string>> = {
  // Pain severity - 0-10 verbal numeric rating [Score] - Reported: https://loinc.org/72514-3
  '72514-3': 'NPRS',
};

export interface Coded {
  coding: Coding;
  /** Index of the coding in `code.coding`. */
  index: number;
}

/** The codings of a concept in one of the systems (a system with a `/version` suffix counts too). */
export function codingsIn(concept: CodeableConcept | undefined, systems: readonly string[]): Coded[] {
  return (concept?.coding ?? []).flatMap((coding, index) => {
    const system = coding.system ?? '';
    const matches = systems.some((wanted) => system === wanted || system.startsWith(`${wanted}/`));
    return matches && coding.code !== undefined ? [{ coding, index }] : [];
  });
}
