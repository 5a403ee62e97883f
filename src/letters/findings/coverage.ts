// Findings about the payer: what the plan type means for the care, and what a workers'
// compensation or auto claim needs on the letter.
import { defineFindings, type Source } from './catalogue.js';

const NUCC_1500: Source = {
  document: 'NUCC 1500 Health Insurance Claim Form Reference Instruction Manual',
  section: 'items 1a, 10a–10c, 11b and 14',
  url: 'https://www.nucc.org/index.php/1500-claim-form-mainmenu-35/1500-instructions-mainmenu-42',
};
const MSP_MANUAL: Source = {
  document: 'Medicare Secondary Payer Manual (Pub. 100-05), ch. 1',
  section: '§10.4 (workers’ compensation), §10.5 (no-fault insurance)',
  url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/msp105c01.pdf',
};
const CALIFORNIA_REPORTS: Source = {
  document:
    'Cal. Code Regs. tit. 8, §9785 (treating physician’s reports in workers’ compensation), an example of a state rule',
  url: 'https://www.dir.ca.gov/t8/9785.html',
};
const BENEFIT_POLICY_THERAPY: Source = {
  document: 'Medicare Benefit Policy Manual (Pub. 100-02), ch. 15',
  section: '§220 and §230 (outpatient physical therapy under a plan of care)',
  url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/bp102c15.pdf',
};
const OUTPATIENT_PT_REGULATION: Source = {
  document: '42 CFR 410.60 (outpatient physical therapy services)',
  url: 'https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-B/part-410/subpart-B/section-410.60',
};

const TRICARE_APPEALS: Source[] = [
  {
    document: '32 CFR 199.10 (TRICARE appeal and hearing procedures)',
    section: '(a)(2) appealing parties, (a)(3) representatives',
    url: 'https://www.ecfr.gov/current/title-32/subtitle-A/chapter-I/subchapter-M/part-199/section-199.10',
  },
  {
    document:
      'TRICARE, Appeal Requirements (network providers are not appropriate appealing parties unless appointed in writing)',
    url: 'https://www.tricare.mil/GettingCare/Appeals/Requirements.aspx',
  },
];

const WORK_OR_AUTO = 'A workers’ compensation or auto claim';

export const COVERAGE_FINDINGS = defineFindings({
  MEMBER_ID_MISSING: {
    level: 'error',
    title: 'The member ID is missing',
    fix: 'Give the member ID from the insurance card (coverage.memberId or patient.memberId).',
    message: 'The payer matches this letter to the member by ID; give the member ID from the insurance card.',
    sources: [NUCC_1500],
  },
  MEDICARE_NO_MASSAGE_BENEFIT: {
    level: 'warning',
    title: 'Original Medicare has no massage therapy benefit',
    fix: 'Write the letter for therapy by a physical or occupational therapist or physician under a certified plan of care, or for another payer.',
    message:
      'Original Medicare has no massage therapy benefit and does not enroll massage therapists: it pays for massage techniques (97124, 97140 with modifier GP) only as part of outpatient therapy by a physical or occupational therapist or physician under a certified plan of care.',
    sources: [BENEFIT_POLICY_THERAPY, OUTPATIENT_PT_REGULATION],
  },
  TRICARE_EXCLUDES_MASSAGE: {
    level: 'warning',
    title: 'TRICARE pays for massage only within covered physical therapy',
    fix: 'Write the letter for physical or occupational therapy prescribed by a physician, PA or NP and given by an authorized provider.',
    message:
      'TRICARE excludes massage under any circumstance; massage procedures are paid only as part of covered physical or occupational therapy by an authorized therapist.',
    sources: [
      {
        document: 'TRICARE Policy Manual 6010.60-M, ch. 7',
        section: '§18.2 (physical medicine/therapy)',
        url: 'https://manuals.health.mil/pages/DisplayManualHtmlFile/2022-08-16/AsOf/tp15/c7s18_2.html',
      },
    ],
  },
  MEDICARE_ADVANTAGE_MASSAGE_VARIES: {
    level: 'info',
    title: 'Medicare Advantage massage benefits are supplemental and vary by plan',
    fix: 'Check the plan’s evidence of coverage for a supplemental massage benefit, its visit limits and network.',
    message:
      'Some Medicare Advantage plans cover therapeutic massage as a supplemental benefit when a physician orders it to treat an injury or illness; visit limits, network therapists and referral rules vary by plan, so check its evidence of coverage.',
    sources: [
      {
        document: 'Medicare Managed Care Manual (Pub. 100-16), ch. 4',
        section: '§30.1 (supplemental benefits, primarily health related)',
        url: 'https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/Downloads/mc86c04.pdf',
      },
    ],
  },
  HMO_WITHOUT_REFERRAL: {
    level: 'warning',
    title: 'An HMO letter records no referral',
    fix: 'Obtain the primary care physician’s referral and set coverage.referralOnFile, or give the authorization number.',
    message: (params: { requestsAuthorization: boolean }) =>
      params.requestsAuthorization
        ? 'HMO plans usually need a referral from the primary care physician with the authorization request; none is recorded.'
        : 'HMO plans usually need a referral from the primary care physician and prior authorization before therapy; neither is recorded.',
    sources: [
      {
        document: 'HealthCare.gov glossary, Health Maintenance Organization (HMO)',
        url: 'https://www.healthcare.gov/glossary/health-maintenance-organization-hmo/',
      },
    ],
  },
  INJURY_CLAIM_MISSING: {
    level: 'error',
    title: 'A workers’ compensation or auto letter has no claim details',
    fix: 'Give coverage.injury: the claim number, date of injury, state, employer or insured, adjuster and the causation statement.',
    message: (params: { planType: string }) =>
      `A ${params.planType} letter is filed to a claim and pays only for the injury; give the claim in coverage.injury (claim number, date of injury, state, employer or insured, adjuster, and how the diagnoses relate to the injury).`,
    sources: [NUCC_1500, CALIFORNIA_REPORTS],
  },
  INJURY_CLAIM_NUMBER_MISSING: {
    level: 'error',
    title: 'The claim number is missing',
    fix: 'Give coverage.injury.claimNumber from the carrier’s acknowledgment or the adjuster.',
    message: `${WORK_OR_AUTO} is identified by its claim number; the carrier cannot file the letter without it.`,
    sources: [NUCC_1500],
  },
  INJURY_DATE_MISSING: {
    level: 'error',
    title: 'The date of injury is missing',
    fix: 'Give coverage.injury.dateOfInjury.',
    message: `${WORK_OR_AUTO} is opened for an injury on a date; give the date of injury.`,
    sources: [NUCC_1500],
  },
  INJURY_DATE_AFTER_LETTER: {
    level: 'error',
    title: 'The date of injury is after the letter date',
    fix: 'Correct coverage.injury.dateOfInjury or the letter date.',
    message: 'The date of injury is after the letter date.',
    // A consistency check of the input itself; no outside rule to cite.
    sources: [],
  },
  INJURY_EMPLOYER_MISSING: {
    level: 'warning',
    title: 'A workers’ compensation letter does not name the employer',
    fix: 'Give coverage.injury.employer, the employer at the time of the injury.',
    message: 'A workers’ compensation claim is the employer’s; name the employer at the time of the injury.',
    sources: [CALIFORNIA_REPORTS],
  },
  INJURY_INSURED_MISSING: {
    level: 'warning',
    title: 'An auto letter does not name the insured',
    fix: 'Give coverage.injury.insured: the named insured on the auto policy (the patient, or the policyholder whose car it was).',
    message: 'PIP and med-pay benefits are paid under the policy of a named insured; say whose policy it is.',
    sources: [NUCC_1500],
  },
  INJURY_STATE_MISSING: {
    level: 'warning',
    title: 'The state of the claim is missing',
    fix: 'Give coverage.injury.state, the state whose workers’ compensation or no-fault law governs the claim.',
    message:
      'Workers’ compensation and no-fault benefits, forms and deadlines are set by each state; say which state’s law governs the claim.',
    sources: [NUCC_1500, CALIFORNIA_REPORTS],
  },
  INJURY_ADJUSTER_MISSING: {
    level: 'warning',
    title: 'No adjuster or claims examiner with a way to reach them',
    fix: 'Give coverage.injury.adjuster with a name and a phone number, fax or email.',
    message:
      'The adjuster or claims examiner decides what the claim pays for; name them with a phone number, fax or email so that the letter reaches them and they can call with questions.',
    sources: [CALIFORNIA_REPORTS],
  },
  CAUSATION_NOT_STATED: {
    level: 'error',
    title: 'No statement ties the diagnoses to the injury',
    fix: 'Write, in coverage.injury.causation, your opinion of how the diagnoses relate to the injury; the letter prints only what you state.',
    message:
      'Workers’ compensation and auto benefits pay only for treatment of the injury, and the letter says nothing about causation that you do not state; give your opinion of how the diagnoses relate to the injury.',
    sources: [CALIFORNIA_REPORTS],
  },
  AUTHORIZED_REPRESENTATIVE_NOT_NOTED: {
    level: 'warning',
    title: 'A provider’s appeal for the member notes no authorized-representative designation',
    fix: 'Have the member designate you in writing (the plan’s form) and give it in authorizedRepresentative; the letter notes it and encloses it.',
    message:
      'The appeal of a denied claim is the member’s; a provider files it as the member’s authorized representative, and plans ask for the member’s written designation, without which the appeal may be treated as a provider dispute or dismissed.',
    sources: [
      {
        document: '29 CFR 2560.503-1 (ERISA claims procedure)',
        section: '(b)(4) authorized representatives',
        url: 'https://www.ecfr.gov/current/title-29/subtitle-B/chapter-XXV/subchapter-G/part-2560/section-2560.503-1',
      },
      {
        document: '42 CFR 438.402 (Medicaid managed care appeals)',
        section: '(c)(1)(ii) a provider files with the enrollee’s written consent',
        url: 'https://www.ecfr.gov/current/title-42/chapter-IV/subchapter-C/part-438/subpart-F/section-438.402',
      },
    ],
  },
  TRICARE_NETWORK_PROVIDER_NEEDS_APPOINTMENT: {
    level: 'error',
    title: 'A TRICARE network provider appeals without the beneficiary’s appointment',
    fix: 'Have the beneficiary sign the Appointment of Representative and Authorization to Disclose Information form and give it in authorizedRepresentative.',
    message:
      'A TRICARE network provider is not an appropriate appealing party unless the beneficiary appoints it in writing; without the appointment the appeal is not processed.',
    sources: TRICARE_APPEALS,
  },
  TRICARE_APPEALING_PARTY_UNCLEAR: {
    level: 'warning',
    title: 'A TRICARE appeal does not say whether the provider is in the network',
    fix: 'Set networkProvider; a network provider also gives the beneficiary’s written appointment in authorizedRepresentative.',
    message:
      'Non-network participating providers may appeal a TRICARE denial themselves, but network providers only as the beneficiary’s appointed representative; say whether you are a network provider.',
    sources: TRICARE_APPEALS,
  },
  PRIMARY_PAYER_NOT_NOTED: {
    level: 'warning',
    title: 'An injury billed to a health plan without a note of the primary payer',
    fix: 'Say in coverage.primaryPayer who pays first (workers’ compensation, PIP or med-pay) and where that stands, or that no such coverage applies.',
    message:
      'Workers’ compensation and auto PIP or med-pay pay before health insurance for an injury at work or in a car accident, and health plans ask about other coverage; note the primary payer, or that none applies, in coverage.primaryPayer.',
    sources: [MSP_MANUAL, NUCC_1500],
  },
});
