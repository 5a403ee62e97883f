// The named administrator's own requirements for an HSA/FSA letter (ADMINISTRATORS.md), from its profile.
import { formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import {
  listAdministratorProfiles,
  type AdministratorProfile,
  type RequiredField,
} from './administrators/index.js';
import { describeAccount, type HsaFsaAccount, type HsaFsaLetter } from './hsa-fsa-account.js';

interface MissingField {
  path: string;
  /** What is missing, as the end of "… requires <label> in the letter". */
  label: string;
}

/** Where each item lives; undefined when the letter carries it (most are required by the schema). */
function findMissing(
  field: RequiredField,
  data: HsaFsaLetter,
  account: HsaFsaAccount,
): MissingField | undefined {
  const { participant, profile } = account;
  const asksParticipant = profile.participantItems === 'always' || !participant.isPatient;
  switch (field) {
    case 'participantName':
      return participant.isPatient && account.patientIsMinor
        ? {
            path: 'patient.accountHolder',
            label:
              "the account holder's name (the patient is a minor: give the parent or guardian who holds the account)",
          }
        : undefined;
    case 'participantEmployer':
      return asksParticipant && participant.employer === undefined
        ? {
            path: participant.isPatient ? 'coverage.employer' : 'patient.accountHolder.employer',
            label: "the account holder's employer",
          }
        : undefined;
    case 'participantIdLast4':
      return asksParticipant && participant.idLast4 === undefined
        ? { path: 'coverage.participantId', label: 'the last 4 digits of the participant ID or SSN' }
        : undefined;
    case 'expectedOutcome':
      return data.clinical.expectedOutcome === undefined
        ? {
            path: 'clinical.expectedOutcome',
            label: 'how the treatment helps the condition (the expected outcome)',
          }
        : undefined;
    case 'priorTreatments':
      return data.clinical.priorTreatments.length === 0
        ? { path: 'clinical.priorTreatments', label: 'the treatments tried before and how they worked' }
        : undefined;
    default:
      return undefined;
  }
}

// Symptoms and pain sites rather than named conditions: R codes, dorsalgia, joint and limb pain.
const SYMPTOM_CODE = /^(R|M54\.[25689]|M25\.5|M79\.6)/;
// Reported to accept only MD/DO signers for some items (ADMINISTRATORS.md, friction).
const MD_DO_STATES = new Set(['AL', 'MS', 'SC', 'TN']);
const PHYSICIAN_CREDENTIALS = new Set(['MD', 'DO']);
const FRICTION_SOURCE = 'ADMINISTRATORS.md (friction seen in practice)';

function sourceOf(profile: AdministratorProfile): string {
  return `${profile.name}: ${profile.source} (checked ${profile.checkedOn})`;
}

/** "FSAFEDS requires" / "HSA/FSA administrators ask for". */
function whoAsks(profile: AdministratorProfile): string {
  return profile.id === 'generic' ? 'HSA/FSA administrators ask for' : `${profile.name} requires`;
}

/** "a, b and c". */
function joinNames(names: readonly string[], conjunction = 'and'): string {
  return names.length <= 2
    ? names.join(` ${conjunction} `)
    : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1) ?? ''}`;
}

function normalizeCredential(credential: string): string {
  return credential.toUpperCase().replace(/\./g, '');
}

/**
 * Checks an HSA/FSA letter against its administrator's profile (`coverage.administrator`, or the
 * generic profile): every item the administrator asks for, its duration, timing and signer rules.
 * @example
 * administratorRules(letter).map((finding) => finding.code); // ['ADMINISTRATOR_FIELD_MISSING']
 */
export function administratorRules(data: HsaFsaLetter): Finding[] {
  const account = describeAccount(data);
  const { profile } = account;
  const findings: Finding[] = [];
  const add = (finding: Omit<Finding, 'source'>, source = sourceOf(profile)): void => {
    findings.push({ ...finding, source });
  };

  if (account.status === 'unknown') {
    const known = listAdministratorProfiles()
      .filter((candidate) => candidate.id !== 'generic')
      .map((candidate) => candidate.name);
    add({
      code: 'ADMINISTRATOR_UNKNOWN',
      level: 'info',
      path: 'coverage.administrator',
      message: `lmnkit has no profile for this administrator, so the letter is checked against what administrators ask for in general. Profiles: ${joinNames(known)}.`,
    });
  } else if (account.status === 'unnamed') {
    add({
      code: 'ADMINISTRATOR_NOT_NAMED',
      level: 'info',
      path: 'coverage.administrator',
      message:
        "No administrator is named, so the letter is checked against what administrators ask for in general; name it to check the letter against that administrator's own list.",
    });
  }

  const missing = profile.requires.flatMap((field) => findMissing(field, data, account) ?? []);
  // A missing account holder also explains the missing employer and ID: report it alone.
  const holderMissing = missing.some((field) => field.path === 'patient.accountHolder');
  for (const field of missing) {
    if (holderMissing && field.path !== 'patient.accountHolder' && field.path.startsWith('coverage.'))
      continue;
    add({
      code: 'ADMINISTRATOR_FIELD_MISSING',
      level: 'error',
      path: field.path,
      message: `${whoAsks(profile)} ${field.label} in the letter: ${profile.rule}.`,
    });
  }

  const { endDate, profileLatestEndDate, latestEndDate } = account;
  if (profileLatestEndDate < latestEndDate && endDate > profileLatestEndDate) {
    const from = profile.validFrom === 'signature' ? 'the date it is signed' : 'the first treatment';
    add({
      code: 'ADMINISTRATOR_DURATION_TOO_LONG',
      level: 'error',
      path: 'treatment.duration',
      message: `${profile.name} accepts a letter for at most ${profile.maxMonths} months from ${from}; end the course by ${formatLongDate(profileLatestEndDate)} and write a new letter after that.`,
    });
  }

  const planYearEnd = data.coverage?.planYearEnd;
  if (
    profile.newLetterEachPlanYear &&
    planYearEnd !== undefined &&
    data.treatment.startDate <= planYearEnd &&
    endDate > planYearEnd
  ) {
    add({
      code: 'ADMINISTRATOR_PAST_PLAN_YEAR',
      level: 'warning',
      path: 'treatment.duration',
      message: `${profile.name} asks for a new letter every plan year, and this course runs past the end of the plan year (coverage.planYearEnd); end the course by then and write a new letter for the next plan year.`,
    });
  }

  if (profile.specificDiagnosis && data.diagnoses.every((diagnosis) => SYMPTOM_CODE.test(diagnosis.code))) {
    add({
      code: 'ADMINISTRATOR_DIAGNOSIS_NOT_SPECIFIC',
      level: 'warning',
      path: 'diagnoses.0.code',
      message: `${profile.name} asks for a specific diagnosis, a named condition (such as lumbar spinal stenosis) rather than a symptom or pain site (such as back pain); add the condition behind the symptoms.`,
    });
  }

  const signedOn = data.provider.signature?.signedOn;
  const { startDate } = data.treatment;
  if (
    profile.serviceAfterLetter &&
    signedOn !== undefined &&
    signedOn > startDate &&
    startDate >= data.date
  ) {
    add({
      code: 'ADMINISTRATOR_SIGNED_AFTER_START',
      level: 'warning',
      path: 'provider.signature.signedOn',
      message: `${profile.name} reimburses only services after it has received the letter, and the letter is signed after treatment starts; sign it before the first visit or move the start date.`,
    });
  }

  const credentials = data.provider.credentials.map(normalizeCredential);
  const accepted = profile.signerCredentials;
  if (
    accepted &&
    !credentials.some((credential) => accepted.some((name) => normalizeCredential(name) === credential))
  ) {
    add({
      code: 'ADMINISTRATOR_SIGNER_NOT_LISTED',
      level: 'warning',
      path: 'provider.credentials',
      message: `${profile.name} names licensed practitioners such as ${joinNames(accepted, 'or')} as signers; check that it accepts a letter signed with these credentials.`,
    });
  }

  const patientState = data.patient.address?.state;
  if (patientState !== undefined) {
    if (
      MD_DO_STATES.has(patientState) &&
      !credentials.some((credential) => PHYSICIAN_CREDENTIALS.has(credential))
    ) {
      add(
        {
          code: 'ADMINISTRATOR_STATE_MD_DO_SIGNER',
          level: 'info',
          path: 'provider.credentials',
          message:
            "Some administrators accept only MD or DO signers for patients in Alabama, Mississippi, South Carolina and Tennessee; a physician's signature avoids that refusal.",
        },
        FRICTION_SOURCE,
      );
    }
    if (patientState !== data.provider.license.state) {
      add(
        {
          code: 'ADMINISTRATOR_LICENSE_STATE_DIFFERS',
          level: 'warning',
          path: 'provider.license.state',
          message:
            "The provider is licensed in a different state from the patient's address; administrators have refused such letters.",
        },
        FRICTION_SOURCE,
      );
    }
  }
  return findings;
}
