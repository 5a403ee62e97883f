// The named administrator's own requirements for an HSA/FSA letter, from its profile.
import { formatLongDate } from '../../calendar.js';
import type { Finding } from '../../errors.js';
import { finding } from '../findings/index.js';
import { listAdministratorProfiles, type RequiredField } from './administrators/index.js';
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
// Reported by practices to accept only MD/DO signers for some items; no published rule.
const MD_DO_STATES = new Set(['AL', 'MS', 'SC', 'TN']);
const PHYSICIAN_CREDENTIALS = new Set(['MD', 'DO']);

/** "a, b and c". */
function joinNames(names: readonly string[], conjunction = 'and'): string {
  return names.length <= 2
    ? names.join(` ${conjunction} `)
    : `${names.slice(0, -1).join(', ')} ${conjunction} ${names.at(-1) ?? ''}`;
}

const VALID_FROM = {
  start: 'the first treatment',
  signature: 'the date it is signed',
  letter: 'the date it is written',
} as const;

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

  if (account.status === 'unknown') {
    const known = listAdministratorProfiles()
      .filter((candidate) => candidate.id !== 'generic')
      .map((candidate) => candidate.name);
    findings.push(
      finding('ADMINISTRATOR_UNKNOWN', 'coverage.administrator', { profile, known: joinNames(known) }),
    );
  } else if (account.status === 'unnamed') {
    findings.push(finding('ADMINISTRATOR_NOT_NAMED', 'coverage.administrator'));
  }

  const missing = profile.requires.flatMap((field) => findMissing(field, data, account) ?? []);
  // A missing account holder also explains the missing employer and ID: report it alone.
  const holderMissing = missing.some((field) => field.path === 'patient.accountHolder');
  for (const field of missing) {
    if (holderMissing && field.path !== 'patient.accountHolder' && field.path.startsWith('coverage.'))
      continue;
    findings.push(finding('ADMINISTRATOR_FIELD_MISSING', field.path, { profile, label: field.label }));
  }

  const { endDate, profileLatestEndDate, latestEndDate } = account;
  if (profileLatestEndDate < latestEndDate && endDate > profileLatestEndDate) {
    const from = VALID_FROM[profile.validFrom];
    const latest = formatLongDate(profileLatestEndDate);
    findings.push(
      finding('ADMINISTRATOR_DURATION_TOO_LONG', 'treatment.duration', { profile, from, latest }),
    );
  }

  const planYearEnd = data.coverage?.planYearEnd;
  if (
    profile.newLetterEachPlanYear &&
    planYearEnd !== undefined &&
    data.treatment.startDate <= planYearEnd &&
    endDate > planYearEnd
  ) {
    findings.push(finding('ADMINISTRATOR_PAST_PLAN_YEAR', 'treatment.duration', { profile }));
  }

  if (profile.specificDiagnosis && data.diagnoses.every((diagnosis) => SYMPTOM_CODE.test(diagnosis.code))) {
    findings.push(finding('ADMINISTRATOR_DIAGNOSIS_NOT_SPECIFIC', 'diagnoses.0.code', { profile }));
  }

  const signedOn = data.provider.signature?.electronic?.attestedOn;
  const { startDate } = data.treatment;
  if (
    profile.serviceAfterLetter &&
    signedOn !== undefined &&
    signedOn > startDate &&
    startDate >= data.date
  ) {
    findings.push(
      finding('ADMINISTRATOR_SIGNED_AFTER_START', 'provider.signature.electronic.attestedOn', { profile }),
    );
  }

  const credentials = data.provider.credentials.map(normalizeCredential);
  const accepted = profile.signerCredentials;
  if (
    accepted &&
    !credentials.some((credential) => accepted.some((name) => normalizeCredential(name) === credential))
  ) {
    findings.push(
      finding('ADMINISTRATOR_SIGNER_NOT_LISTED', 'provider.credentials', {
        profile,
        accepted: joinNames(accepted, 'or'),
      }),
    );
  }

  const patientState = data.patient.address?.state;
  if (patientState !== undefined) {
    if (
      MD_DO_STATES.has(patientState) &&
      !credentials.some((credential) => PHYSICIAN_CREDENTIALS.has(credential))
    ) {
      findings.push(finding('ADMINISTRATOR_STATE_MD_DO_SIGNER', 'provider.credentials'));
    }
    if (patientState !== data.provider.license.state) {
      findings.push(finding('ADMINISTRATOR_LICENSE_STATE_DIFFERS', 'provider.license.state'));
    }
  }
  return findings;
}
