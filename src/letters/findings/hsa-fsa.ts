// Findings about an HSA/FSA/HRA letter: what its administrator asks, how long it may run, and
// whose expenses the account pays.
import { listAdministratorProfiles, type AdministratorProfile } from '../lmn/administrators/index.js';
import { defineFindings, type Source } from './catalogue.js';
import { SOURCES } from './sources.js';

/** A profile's pages, each marked with the administrator and the day they were checked. */
export function profileSources(profile: AdministratorProfile): Source[] {
  return profile.sources.map((source) => ({
    document: `${profile.name}: ${source.document} (checked ${profile.checkedOn})`,
    url: source.url,
  }));
}

const ALL_PROFILE_SOURCES = listAdministratorProfiles().flatMap(profileSources);

export interface ProfileParams {
  profile: AdministratorProfile;
}
const fromProfile = {
  sources: ALL_PROFILE_SOURCES,
  sourcesFor: (params: ProfileParams) => profileSources(params.profile),
};

export const HSA_FSA_FINDINGS = defineFindings({
  HSA_FSA_DURATION_OVER_12_MONTHS: {
    level: 'error',
    title: 'An HSA/FSA letter covers more than 12 months',
    fix: 'End the course within 12 months of its start and write a new letter after that.',
    message: (params: { latest: string }) =>
      `HSA/FSA administrators accept at most 12 months of treatment in one letter; end the course by ${params.latest} and write a new letter after that.`,
    sources: ALL_PROFILE_SOURCES,
  },
  SERVICE_BEFORE_LETTER: {
    level: 'warning',
    title: 'HSA/FSA care starts before the letter date',
    fix: 'Start the course on or after the letter date.',
    message:
      'Treatment starts before the letter date; administrators do not reimburse services before the letter.',
    sources: ALL_PROFILE_SOURCES,
  },
  FSA_CHILD_PAST_AGE_26: {
    level: 'warning',
    title: 'An FSA or HRA child past the year the child turns 26',
    fix: 'End the course by December 31 of the year the child turns 26; later expenses are not the account holder’s to reimburse.',
    message: (params: { lastDay: string }) =>
      `An FSA or HRA reimburses a child’s expenses through the end of the year the child turns 26: treatment after ${params.lastDay} is not covered by the account holder’s account.`,
    sources: [SOURCES.ADULT_CHILD_COVERAGE],
  },
  HSA_DEPENDENT_NOT_TAX_DEPENDENT: {
    level: 'warning',
    title: 'An HSA letter for an adult dependent of the account holder',
    fix: 'Check that the patient is the account holder’s tax dependent (or spouse); if not, the patient pays from their own account.',
    message:
      'An HSA pays tax-free only for the account holder, a spouse and tax dependents; an adult child on the health plan who is not a tax dependent is not covered by the parent’s HSA.',
    sources: [SOURCES.HSA_DEPENDENTS, SOURCES.ADULT_CHILD_COVERAGE],
  },
  ADMINISTRATOR_UNKNOWN: {
    level: 'info',
    title: 'No profile matches the administrator named: the generic profile applies',
    fix: 'Check the administrator’s name, or ask for its list of items and compare.',
    message: (params: ProfileParams & { known: string }) =>
      `lmnkit has no profile for this administrator, so the letter is checked against what administrators ask for in general. Profiles: ${params.known}.`,
    ...fromProfile,
  },
  ADMINISTRATOR_NOT_NAMED: {
    level: 'info',
    title: 'An HSA/FSA letter names no administrator: the generic profile applies',
    fix: 'Give coverage.administrator to check the letter against its own list.',
    message:
      "No administrator is named, so the letter is checked against what administrators ask for in general; name it to check the letter against that administrator's own list.",
    sources: ALL_PROFILE_SOURCES,
  },
  ADMINISTRATOR_FIELD_MISSING: {
    level: 'error',
    title: 'The administrator asks for an item the letter lacks',
    fix: 'Fill the field at the finding’s path.',
    message: (params: ProfileParams & { label: string }) =>
      `${params.profile.id === 'generic' ? 'HSA/FSA administrators ask for' : `${params.profile.name} requires`} ${params.label} in the letter: ${params.profile.rule}.`,
    ...fromProfile,
  },
  ADMINISTRATOR_DURATION_TOO_LONG: {
    level: 'error',
    title: 'The course ends after the last day the administrator accepts',
    fix: 'End the course by the date the message gives and write a new letter after that.',
    message: (params: ProfileParams & { from: string; latest: string }) =>
      `${params.profile.name} accepts a letter for at most ${params.profile.maxMonths} months from ${params.from}; end the course by ${params.latest} and write a new letter after that.`,
    ...fromProfile,
  },
  ADMINISTRATOR_PAST_PLAN_YEAR: {
    level: 'warning',
    title: 'The course runs past the plan year and the administrator wants a new letter each plan year',
    fix: 'End the course by coverage.planYearEnd and write a new letter for the next plan year.',
    message: (params: ProfileParams) =>
      `${params.profile.name} asks for a new letter every plan year, and this course runs past the end of the plan year (coverage.planYearEnd); end the course by then and write a new letter for the next plan year.`,
    ...fromProfile,
  },
  ADMINISTRATOR_DIAGNOSIS_NOT_SPECIFIC: {
    level: 'warning',
    title: 'Every diagnosis is a symptom or pain site and the administrator wants a named condition',
    fix: 'Add the condition behind the symptoms.',
    message: (params: ProfileParams) =>
      `${params.profile.name} asks for a specific diagnosis, a named condition (such as lumbar spinal stenosis) rather than a symptom or pain site (such as back pain); add the condition behind the symptoms.`,
    ...fromProfile,
  },
  ADMINISTRATOR_SIGNED_AFTER_START: {
    level: 'warning',
    title: 'The letter is signed after treatment starts and the administrator pays only later services',
    fix: 'Sign the letter before the first visit, or move the start date.',
    message: (params: ProfileParams) =>
      `${params.profile.name} reimburses only services after it has received the letter, and the letter is signed after treatment starts; sign it before the first visit or move the start date.`,
    ...fromProfile,
  },
  ADMINISTRATOR_SIGNER_NOT_LISTED: {
    level: 'warning',
    title: 'No signer credential is one the administrator names',
    fix: 'Check that the administrator accepts a letter signed with these credentials.',
    message: (params: ProfileParams & { accepted: string }) =>
      `${params.profile.name} names licensed practitioners such as ${params.accepted} as signers; check that it accepts a letter signed with these credentials.`,
    ...fromProfile,
  },
  // Reported by practices, not in any administrator's published rules: no source to cite.
  ADMINISTRATOR_STATE_MD_DO_SIGNER: {
    level: 'info',
    title:
      'The patient lives in AL, MS, SC or TN and no signer is an MD or DO (reported in practice, no published rule)',
    fix: 'A physician’s signature avoids the refusal some administrators are reported to make.',
    message:
      "Some administrators accept only MD or DO signers for patients in Alabama, Mississippi, South Carolina and Tennessee; a physician's signature avoids that refusal.",
    sources: [],
  },
  ADMINISTRATOR_LICENSE_STATE_DIFFERS: {
    level: 'warning',
    title:
      'The provider is licensed in another state than the patient’s address (reported in practice, no published rule)',
    fix: 'Check that the administrator accepts a letter from a provider licensed in another state.',
    message:
      "The provider is licensed in a different state from the patient's address; administrators have refused such letters.",
    sources: [],
  },
});
