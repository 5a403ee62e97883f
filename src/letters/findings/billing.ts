// Findings about how the planned codes are billed: NCCI pairs and modifiers, and the Medicare
// rules for outpatient therapy.
import { defineFindings, type Source } from './catalogue.js';

const NCCI_PTP: Source = {
  document: 'CMS, Medicare NCCI Procedure-to-Procedure (PTP) edits',
  url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-procedure-procedure-ptp-edits',
};
const NCCI_MANUAL: Source = {
  document: 'NCCI Policy Manual for Medicare Services, ch. XI (Medicine)',
  section:
    'physical medicine and rehabilitation; chiropractic manipulative treatment; modifiers 59 and X{EPSU}',
  url: 'https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-policy-manual',
};
const X_MODIFIERS: Source = {
  document:
    'CMS Pub. 100-20, Transmittal 1422 (CR 8863), Specific Modifiers for Distinct Procedural Services',
  url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Transmittals/Downloads/R1422OTN.pdf',
};
const CLAIMS_MANUAL_THERAPY: Source = {
  document: 'Medicare Claims Processing Manual (Pub. 100-04), ch. 5',
  section: '§10.3 (financial limitation and the KX modifier), §20.1 (GP, GO and GN modifiers)',
  url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/clm104c05.pdf',
};
const THERAPY_SERVICES: Source = {
  document: 'CMS, Therapy Services (KX modifier threshold amounts by calendar year)',
  url: 'https://www.cms.gov/medicare/coding-billing/therapy-services',
};
const PFS_2026: Source = {
  document: 'CY 2026 Physician Fee Schedule final rule, 90 FR 49266 (November 5, 2025)',
  section: 'KX modifier thresholds',
  url: 'https://www.govinfo.gov/content/pkg/FR-2025-11-05/pdf/2025-19787.pdf',
};
const BENEFIT_POLICY = (section: string): Source => ({
  document: 'Medicare Benefit Policy Manual (Pub. 100-02), ch. 15',
  section,
  url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/bp102c15.pdf',
});
const CERTIFICATION_REGULATION: Source = {
  document: '42 CFR 424.24(c) (outpatient therapy plan of care certification)',
  url: 'https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-424/subpart-B/section-424.24',
};

export const BILLING_FINDINGS = defineFindings({
  NCCI_PAIR_SAME_REGION: {
    level: 'warning',
    title: 'Two codes of an NCCI pair on the same region, or with no region given',
    fix: 'Bill the second code only for a distinct region (say which in procedures.N.region) with modifier 59 or XS; on the same region, bill one of them.',
    message: (params: { column1: string; column2: string; reason: string }) =>
      `${params.column2} and ${params.column1} are an NCCI procedure-to-procedure pair: ${params.reason} Payers following NCCI pay ${params.column2} beside ${params.column1} in the same session only when it is performed on a distinct region and billed with modifier 59 or XS (separate structure); give each code's region, or bill one of them.`,
    sources: [NCCI_PTP, NCCI_MANUAL, X_MODIFIERS],
  },
  NCCI_PAIR_NEEDS_MODIFIER: {
    level: 'info',
    title: 'An NCCI pair on distinct regions needs modifier 59 or XS',
    fix: 'Append modifier XS (or 59) to the second code on the claim, and document each region in the notes.',
    message: (params: { column1: string; column2: string }) =>
      `${params.column2} and ${params.column1} are an NCCI pair, here on distinct regions: bill ${params.column2} with modifier XS or 59, and document both regions in the treatment notes.`,
    sources: [NCCI_PTP, X_MODIFIERS],
  },
  MEDICARE_THERAPY_MODIFIER_MISSING: {
    level: 'warning',
    title: 'A Medicare therapy code without modifier GP, GO or GN',
    fix: 'Bill each therapy code with GP (physical therapy plan of care), GO (occupational therapy) or GN (speech-language pathology), and list it in procedures.N.modifiers.',
    message: (params: { code: string }) =>
      `Medicare requires ${params.code} to carry the modifier of the plan of care it is delivered under: GP for physical therapy, GO for occupational therapy, GN for speech-language pathology.`,
    sources: [CLAIMS_MANUAL_THERAPY],
  },
  MEDICARE_KX_THRESHOLD: {
    level: 'info',
    title: 'The Medicare therapy KX threshold for the year',
    fix: 'Track the patient’s therapy spending for the year; above the threshold, add modifier KX when the care remains medically necessary and documented.',
    message: (params: { year: number; amount: string; review: string }) =>
      `For ${params.year}, Medicare physical therapy and speech-language pathology services together above ${params.amount} a year must carry modifier KX, which attests that the care is medically necessary and documented${params.review}.`,
    sources: [THERAPY_SERVICES, PFS_2026, CLAIMS_MANUAL_THERAPY],
  },
  MEDICARE_KX_THRESHOLD_UNKNOWN: {
    level: 'info',
    title: 'The Medicare therapy KX threshold for the year is not in lmnkit’s table',
    fix: 'Look up the year’s KX threshold on the CMS Therapy Services page.',
    message: (params: { year: number }) =>
      `lmnkit does not know the Medicare therapy KX threshold for ${params.year}; look it up on the CMS Therapy Services page before services pass it.`,
    sources: [THERAPY_SERVICES],
  },
  MEDICARE_RECERTIFICATION_DUE: {
    level: 'warning',
    title: 'A Medicare therapy course longer than a certification covers',
    fix: 'Have the physician or NPP recertify the plan of care before the date given, for the rest of the course.',
    message: (params: { date: string }) =>
      `A Medicare plan of care is certified for at most 90 calendar days from the first treatment; this course runs longer, so the plan must be recertified by ${params.date} for treatment to continue.`,
    sources: [BENEFIT_POLICY('§220.1.3'), CERTIFICATION_REGULATION],
  },
  MEDICARE_PROGRESS_REPORTS: {
    level: 'info',
    title: 'A Medicare therapy course needs a progress report every 10 treatment days',
    fix: 'Plan a clinician’s progress report at least once every 10 treatment days.',
    message: (params: { sessions: number }) =>
      `This course plans ${params.sessions} visits; Medicare requires a progress report by the clinician at least once every 10 treatment days.`,
    sources: [BENEFIT_POLICY('§220.3.D')],
  },
});
