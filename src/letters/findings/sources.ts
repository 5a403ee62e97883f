// The primary sources findings cite, each written once and shared by the entries that rely on it.
import type { Source } from './catalogue.js';

const ECFR = 'https://www.ecfr.gov/current';
const CMS_MANUALS = 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/downloads';

export const SOURCES = {
  MEDICARE_PFS_RVU: {
    document:
      'CMS Medicare Physician Fee Schedule Relative Value Files (status indicator per HCPCS code; 97014 is "I", not valid for Medicare, G0283 is payable)',
    url: 'https://www.cms.gov/medicare/payment/fee-schedules/physician/pfs-relative-value-files',
  },
  ERISA_CLAIMS: {
    document: '29 CFR 2560.503-1 (ERISA claims procedure)',
    section: '(h)(3)(i)',
    url: `${ECFR}/title-29/subtitle-B/chapter-XXV/subchapter-F/part-2560/section-2560.503-1`,
  },
  ERISA_URGENT_CARE: {
    document: '29 CFR 2560.503-1 (ERISA claims procedure)',
    section: '(m)(1)(i)',
    url: `${ECFR}/title-29/subtitle-B/chapter-XXV/subchapter-F/part-2560/section-2560.503-1`,
  },
  EXTERNAL_REVIEW_FILING: {
    document: '45 CFR 147.136 (federal external review)',
    section: '(d)(2)(i)',
    url: `${ECFR}/title-45/subtitle-A/subchapter-B/part-147/section-147.136`,
  },
  EXTERNAL_REVIEW_STATE: {
    document: '45 CFR 147.136 (state external review processes)',
    section: '(c)(2)',
    url: `${ECFR}/title-45/subtitle-A/subchapter-B/part-147/section-147.136`,
  },
  DEEMED_EXHAUSTION: {
    document: '45 CFR 147.136 (deemed exhaustion of internal appeals)',
    section: '(b)(2)(ii)(F)',
    url: `${ECFR}/title-45/subtitle-A/subchapter-B/part-147/section-147.136`,
  },
  FEDERAL_HOLIDAYS: {
    document: '5 U.S.C. 6103 (legal public holidays)',
    section: '(a)',
    url: 'https://uscode.house.gov/view.xhtml?req=granuleid:USC-prelim-title5-section6103',
  },
  MEDICARE_REDETERMINATION: {
    document: '42 CFR 405.942 (time frame for filing a redetermination)',
    section: '(a)',
    url: `${ECFR}/title-42/chapter-IV/subchapter-B/part-405/subpart-I/section-405.942`,
  },
  MEDICARE_RECONSIDERATION: {
    document: '42 CFR 405.962 (time frame for filing a QIC reconsideration)',
    section: '(a)',
    url: `${ECFR}/title-42/chapter-IV/subchapter-B/part-405/subpart-I/section-405.962`,
  },
  MA_RECONSIDERATION_RULE: {
    document: '42 CFR 422.582 (request for a standard reconsideration)',
    section: '(b)',
    url: `${ECFR}/title-42/chapter-IV/subchapter-B/part-422/subpart-M/section-422.582`,
  },
  MA_RECONSIDERATION: {
    document: 'CMS, Reconsideration by the Medicare Advantage (Part C) Health Plan',
    url: 'https://www.cms.gov/medicare/appeals-grievances/managed-care/reconsideration-advantage-health-plan-part-c',
  },
  MA_INDEPENDENT_REVIEW: {
    document: 'CMS, Reconsideration by Part C Independent Review Entity (IRE)',
    url: 'https://www.cms.gov/medicare/appeals-grievances/managed-care/review-part-c-independent-entitiy',
  },
  MEDICAID_MANAGED_CARE_APPEAL: {
    document: '42 CFR 438.402 (Medicaid managed care appeals)',
    section: '(c)(2)(ii)',
    url: `${ECFR}/title-42/chapter-IV/subchapter-C/part-438/subpart-F/section-438.402`,
  },
  TRICARE_APPEALS_RULE: {
    document: '32 CFR 199.10 (TRICARE appeal and hearing procedures)',
    url: `${ECFR}/title-32/subtitle-A/chapter-VII/subchapter-M/part-199/section-199.10`,
  },
  TRICARE_APPEALS: {
    document: 'TRICARE, Filing an Appeal',
    url: 'https://www.tricare.mil/Resources/Appeals',
  },
  CARC_LIST: {
    document: 'X12 Claim Adjustment Reason Codes',
    url: 'https://x12.org/codes/claim-adjustment-reason-codes',
  },
  EIGHT_MINUTE_RULE: {
    document: 'Medicare Claims Processing Manual (Pub. 100-04), ch. 5',
    section: '§20.2',
    url: `${CMS_MANUALS}/clm104c05.pdf`,
  },
  THERAPY_PLAN_OF_CARE: {
    document: '42 CFR 410.61 (plan of treatment for outpatient rehabilitation)',
    section: '(b), (c)',
    url: `${ECFR}/title-42/chapter-IV/subchapter-B/part-410/subpart-B/section-410.61`,
  },
  THERAPY_CERTIFICATION: {
    document: 'Noridian (Medicare contractor), Outpatient Therapy Certification Plan of Care',
    url: 'https://med.noridianmedicare.com/web/jea/provider-types/outpatient-therapy-certification-plan-of-care',
  },
  THERAPY_DOCUMENTATION: {
    document: 'Medicare Benefit Policy Manual (Pub. 100-02), ch. 15',
    section: '§220.3',
    url: `${CMS_MANUALS}/bp102c15.pdf`,
  },
  PHYSICIAN_DEFINITION: {
    document: 'Social Security Act §1861(r) (definition of physician)',
    url: 'https://www.ssa.gov/OP_Home/ssact/title18/1861.htm',
  },
  MEDICARE_CHIROPRACTIC: {
    document: 'Medicare Benefit Policy Manual (Pub. 100-02), ch. 15',
    section: '§240.1.3',
    url: `${CMS_MANUALS}/bp102c15.pdf`,
  },
  MEDICARE_CHIROPRACTIC_CODES: {
    document: 'NGS (Medicare contractor), Medicare Coverage of Chiropractic Services',
    url: 'https://ngsmedicare.com/en/web/ngs/chiropractic-services',
  },
  CHIROPRACTIC_LCD: {
    document: 'CMS Medicare Coverage Database, LCD L37254 Chiropractic Services',
    url: 'https://www.cms.gov/medicare-coverage-database/view/lcd.aspx?lcdId=37254',
  },
  MEDICAL_CARE: {
    document: 'IRS Publication 502, Medical and Dental Expenses',
    url: 'https://www.irs.gov/publications/p502',
  },
  HSA_DEPENDENTS: {
    document: 'IRS Publication 969, Health Savings Accounts and Other Tax-Favored Health Plans',
    url: 'https://www.irs.gov/publications/p969',
  },
  ADULT_CHILD_COVERAGE: {
    document:
      'IRS Notice 2010-38, Tax Treatment of Health Care Benefits Provided With Respect to Children Under Age 27',
    url: 'https://www.irs.gov/pub/irs-drop/n-10-38.pdf',
  },
  CMS_0057_F: {
    document: 'CMS Interoperability and Prior Authorization Final Rule (CMS-0057-F)',
    url: 'https://www.cms.gov/priorities/key-initiatives/burden-reduction/interoperability/policies-and-regulations/cms-interoperability-and-prior-authorization-final-rule-cms-0057-f',
  },
} satisfies Record<string, Source>;
