// Findings about the letter as a document: its dates and what it says.
import { defineFindings, type Source } from './catalogue.js';

// The primary sources these findings cite, each written once.
const SOURCES = {
  icd10cm: {
    document: 'ICD-10-CM Tabular List of Diseases and Injuries (official code titles)',
    url: 'https://www.cms.gov/medicare/coding-billing/icd-10-codes',
  },
  medicalCare: {
    document: '26 CFR 1.213-1 (medical care: not expenses merely beneficial to general health)',
    section: '(e)(1)(ii)',
    url: 'https://www.ecfr.gov/current/title-26/section-1.213-1',
  },
  icd10cmExaminations: {
    document:
      'ICD-10-CM Tabular List, chapter 21, Z00–Z13 (persons encountering health services for examinations)',
    url: 'https://www.cms.gov/medicare/coding-billing/icd-10-codes',
  },
  therapyCodeList: {
    document: 'CMS Therapy Services: Annual Therapy Update (therapy code list)',
    url: 'https://www.cms.gov/medicare/coding-billing/therapy-services/annual-therapy-update',
  },
  chiropracticCodes: {
    document: 'Medicare Benefit Policy Manual (Pub. 100-02), ch. 15 (chiropractic manipulative treatment)',
    section: '§240.1.3',
    url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/bp102c15.pdf',
  },
  therapyPlanOfCare: {
    document:
      'Medicare Benefit Policy Manual (Pub. 100-02), ch. 15 (plan of care: frequency, duration, 90-day certification)',
    section: '§220.1.2',
    url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/bp102c15.pdf',
  },
  therapyDocumentation: {
    document:
      'Medicare Benefit Policy Manual (Pub. 100-02), ch. 15 (documentation: objective measures of progress)',
    section: '§220.3',
    url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/bp102c15.pdf',
  },
  coloradoLowBackGuideline: {
    document:
      'Colorado Division of Workers’ Compensation, Low Back Pain Medical Treatment Guidelines, 7 CCR 1101-3 Rule 17 Exhibit 1 (treatment parameter durations; re-evaluate every 3 to 4 weeks)',
    section: '§2',
    url: 'https://regulations.justia.com/states/colorado/1100/1101-d-3/rule-7-ccr-1101-3-r17-ex-01/section-7-ccr-1101-3-17-01-2',
  },
  signatureRequirements: {
    document: 'Medicare Program Integrity Manual (Pub. 100-08), ch. 3 (signature requirements)',
    section: '§3.3.2.4',
    url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/pim83c03.pdf',
  },
} satisfies Record<string, Source>;

export const LETTER_CONTENT_FINDINGS = defineFindings({
  BIRTH_AFTER_LETTER_DATE: {
    level: 'error',
    title: 'The date of birth is after the letter date',
    fix: 'Correct patient.dateOfBirth or the letter date.',
    message: 'The date of birth is after the letter date.',
    // A consistency check of the input itself; no outside rule to cite.
    sources: [],
  },
  LETTER_DATE_IN_FUTURE: {
    level: 'warning',
    title: 'The letter is dated after today',
    fix: 'Date the letter on the day it is signed.',
    message: (params: { today: string }) =>
      `The letter is dated after today (${params.today}); reviewers reject post-dated letters.`,
    sources: [],
  },
  DIAGNOSIS_DESCRIPTION_MISMATCH: {
    level: 'warning',
    title: 'A diagnosis description does not match the title of its code',
    fix: 'Check the code and the words: correct whichever is wrong, or leave the description out to print the official title.',
    message: (params: { code: string; title: string }) =>
      `The description does not match the ICD-10-CM title of ${params.code}, “${params.title}”; a reviewer reads the code, so the two must agree.`,
    sources: [SOURCES.icd10cm],
  },
  DUPLICATE_DIAGNOSIS_CODE: {
    level: 'error',
    title: 'A diagnosis code is listed twice',
    fix: 'List each diagnosis once.',
    message: (params: { code: string; first: string }) =>
      `${params.code} is already listed at ${params.first}; list each diagnosis once.`,
    sources: [],
  },
  DUPLICATE_PROCEDURE_CODE: {
    level: 'error',
    title: 'A procedure code is listed twice',
    fix: 'List each procedure code once, with all its minutes per session.',
    message: (params: { code: string; first: string }) =>
      `${params.code} is already listed at ${params.first}; list each code once, with all its minutes per session.`,
    sources: [],
  },
  WELLNESS_CODE_IN_HSA_FSA: {
    level: 'error',
    title: 'An HSA/FSA letter gives a general examination or screening code (Z00–Z13)',
    fix: 'Give the diagnosed condition the treatment is for; an HSA/FSA letter certifies care that is not for general health.',
    message: (params: { code: string }) =>
      `${params.code} reports a general examination, screening or check-up (Z00–Z13); an HSA/FSA letter certifies care for a diagnosed condition, not for general health, so give the condition the treatment is for.`,
    sources: [SOURCES.icd10cmExaminations, SOURCES.medicalCare],
  },
  PROCEDURE_NOT_THERAPY: {
    level: 'warning',
    title: 'A procedure code is not a therapy, manual-therapy, chiropractic or massage code',
    fix: 'List only the physical medicine, manipulation or massage codes of the plan of care.',
    message: (params: { code: string }) =>
      `${params.code} is not a physical medicine and rehabilitation code (97010–97799), a manipulation code (98925–98943) or a therapy HCPCS code; an office visit or other service does not belong in this plan of care.`,
    sources: [SOURCES.therapyCodeList, SOURCES.chiropracticCodes],
  },
  CARE_AMOUNT_NOT_EXPLAINED: {
    level: 'warning',
    title: 'More care than usual guidance allows, without a reason',
    fix: 'Give treatment.rationale: why this patient needs more visits a week, more weeks or more sessions than usual.',
    message: (params: { reasons: string }) =>
      `The plan asks for ${params.reasons}; reviewers expect a reason for more than 3 visits a week, more than 12 weeks or more than 36 sessions, so give it as treatment.rationale.`,
    sources: [SOURCES.therapyPlanOfCare, SOURCES.coloradoLowBackGuideline],
  },
  NECESSITY_NOT_EXPLAINED: {
    level: 'error',
    title: 'The letter does not say why the treatment is necessary',
    fix: 'Give clinical.expectedOutcome: what the treatment will change for this patient and why it is needed.',
    message:
      'Nothing says why this treatment is necessary or what it is expected to achieve; give it as clinical.expectedOutcome, in your words.',
    sources: [SOURCES.therapyPlanOfCare],
  },
  HSA_FSA_PURPOSE_NOT_EXPLAINED: {
    level: 'warning',
    title: 'The HSA/FSA letter does not say how the treatment treats the condition',
    fix: 'Give clinical.expectedOutcome: how the treatment treats the diagnosed condition.',
    message:
      'Nothing says how this treatment treats the diagnosed condition; administrators look for it, so give it as clinical.expectedOutcome.',
    sources: [SOURCES.medicalCare],
  },
  NO_OUTCOME_MEASURE: {
    level: 'warning',
    title: 'No baseline outcome measure',
    fix: 'Give at least one baseline score in clinical.outcomeMeasures (NPRS, ODI, NDI, PSFS or range of motion).',
    message:
      'No baseline score is given; reviewers judge progress against a baseline on a standard instrument, so add one to clinical.outcomeMeasures.',
    sources: [SOURCES.therapyDocumentation],
  },
  PRESCRIPTION_WITHOUT_PRECAUTIONS: {
    level: 'warning',
    title: 'The prescription states no precautions or contraindications',
    fix: 'Give treatment.precautions or contraindications; if there are none, write "none known" in contraindications.',
    message:
      'No precaution or contraindication is given, and the prescription does not say none are known; write them, or "none known", so the therapist knows they were considered.',
    sources: [],
  },
  SIGNED_BEFORE_LETTER_DATE: {
    level: 'error',
    title: 'The electronic signature is dated before the letter',
    fix: 'Correct provider.signature.electronic.attestedOn or the letter date.',
    message: 'The signer attests to the letter before its date; a signature is dated when it is given.',
    sources: [SOURCES.signatureRequirements],
  },
});
