// Findings about the ICD-10-CM codes of a letter: each code in the code set of the dates of
// service, complete to its last character, and the codes together.
import { defineFindings, type Source } from './catalogue.js';

const GUIDELINES_URL = 'https://www.cms.gov/files/document/fy-2026-icd-10-cm-coding-guidelines.pdf';
const guidelines = (section: string): Source => ({
  document: 'ICD-10-CM Official Guidelines for Coding and Reporting FY 2026 (CMS and NCHS)',
  section,
  url: GUIDELINES_URL,
});
const CODE_SET_STANDARD: Source = {
  document: '45 CFR 162.1002 (HIPAA medical data code sets)',
  section: '(c)(2)',
  url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-162/subpart-J/section-162.1002',
};
const CODE_FILES: Source = {
  document: 'CMS, ICD-10-CM code files by fiscal year (effective October 1)',
  url: 'https://www.cms.gov/medicare/coding-billing/icd-10-codes',
};
const TABULAR: Source = {
  document: 'CDC NCHS, ICD-10-CM Tabular List of Diseases and Injuries FY 2027',
  url: 'https://www.cdc.gov/nchs/icd/icd-10-cm/files.html',
};

export const DIAGNOSIS_FINDINGS = defineFindings({
  DIAGNOSIS_CODE_UNKNOWN: {
    level: 'error',
    title: 'The code is not in the ICD-10-CM code set for the dates of service',
    fix: 'Use a code valid in every fiscal year the dates of service fall in; a course that crosses October 1 may need the new code for later visits.',
    message: (params: { years: string }) =>
      `This is not a valid ICD-10-CM code for ${params.years}, which the dates of service fall in.`,
    sources: [CODE_SET_STANDARD, CODE_FILES],
  },
  DIAGNOSIS_CODE_NOT_BILLABLE: {
    level: 'error',
    title: 'The code is a header that needs more characters',
    fix: 'Choose one of the billable codes under it.',
    message: (params: { years: string; children: string }) =>
      `For ${params.years}, this is a header code that needs more characters; use one of its billable codes: ${params.children}.`,
    sources: [guidelines('§I.B.7'), CODE_FILES],
  },
  DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER: {
    level: 'error',
    title: 'An injury code is missing its 7th character',
    fix: 'Add the 7th character (A, D or S), with X placeholders filling any empty positions.',
    message: (params: { examples: string; children: string }) =>
      `Injury codes need a 7th character, with X placeholders filling any empty positions: for therapy during recovery that is usually D, subsequent encounter${params.examples}.${params.children}`,
    sources: [guidelines('§I.A.4, §I.A.5, §I.B.7'), guidelines('§I.C.19.a')],
  },
  DIAGNOSIS_CODE_NOT_CHECKED: {
    level: 'info',
    title: 'The code was not checked against the official code set',
    fix: 'Load the official code set for the fiscal year of the dates of service (the codeSets option, --icd10cm or LMNKIT_ICD10CM).',
    message: (params: { reason: string }) =>
      `${params.reason} Load the official code set (the codeSets option, --icd10cm or LMNKIT_ICD10CM) to check it.`,
    sources: [CODE_SET_STANDARD, CODE_FILES],
  },
  INJURY_CODE_INITIAL_ENCOUNTER: {
    level: 'warning',
    title: 'An injury code says initial encounter in a course of therapy',
    fix: 'Use 7th character D, subsequent encounter, for care during healing and recovery.',
    message:
      'The 7th character A means active treatment of the injury; therapy during healing and recovery is usually coded with D, subsequent encounter.',
    sources: [guidelines('§I.C.19.a')],
  },
  DIAGNOSIS_CODES_EXCLUDE_EACH_OTHER: {
    level: 'warning',
    title: 'Two codes that an Excludes1 note says not to report together',
    fix: 'Keep the code that describes the condition; report both only if the two conditions are unrelated, and ask the clinician when that is unclear.',
    message: (params: { other: string; at: string; note: string }) =>
      `This code and the one at ${params.other} should not be reported together: the Excludes1 note at ${params.at} reads “${params.note}”. Both may be reported only when the two conditions are unrelated.`,
    sources: [guidelines('§I.A.12.a'), TABULAR],
  },
  SEQUELA_CODE_FIRST: {
    level: 'warning',
    title: 'A sequela code comes before the condition it caused',
    fix: 'List the residual condition first (for example the pain or stiffness), then the injury code with 7th character S.',
    message:
      'A code with 7th character S names the old injury behind a residual condition; the residual condition is listed first and the sequela code after it.',
    sources: [guidelines('§I.B.10'), guidelines('§I.C.19.a')],
  },
  EXTERNAL_CAUSE_CODE_FIRST: {
    level: 'warning',
    title: 'An external-cause code is listed first',
    fix: 'List the injury or condition first and the external-cause code after it.',
    message:
      'An external-cause code (V00–Y99) says how an injury happened and is never the first-listed diagnosis; list the injury or condition first.',
    sources: [guidelines('§I.C.20')],
  },
  DIAGNOSIS_WITHOUT_DESCRIPTION: {
    level: 'error',
    title: 'A diagnosis has neither a description nor a built-in title',
    fix: 'Give the diagnosis in words (diagnoses.N.description).',
    message: 'The code is not in the built-in table; give the diagnosis in words.',
    // The letter prints each diagnosis in words; no outside rule to cite.
    sources: [],
  },
});
