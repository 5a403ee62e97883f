// What every letter prints the same way: letterhead, recipient, RE: lines, signature.
import {
  addCalendarDays,
  addCalendarMonths,
  addCalendarWeeks,
  daysBetween,
  formatLongDate,
  formatShortDate,
} from '../calendar.js';
import { lookupCpt } from '../codes/cpt.js';
import { lookupIcd } from '../codes/icd10cm-table.js';
import type {
  Address,
  Clinical,
  Diagnosis,
  Frequency,
  OutcomeMeasure,
  Patient,
  Provider,
  Recipient,
  Service,
  Signature,
  SignatureMode,
  Treatment,
} from './fields.js';
import type { FaxCoverView, LetterView } from './kind.js';
import { nameInstrument } from './name-instrument.js';

export const CONFIDENTIALITY_NOTICE =
  'Confidential health information. If you received this in error, notify the sender and destroy all copies.';

export const SERVICE_NAMES: Record<Service, string> = {
  'massage-therapy': 'medical massage therapy',
  'manual-therapy': 'manual therapy',
  'myofascial-release': 'myofascial release therapy',
  'manual-lymphatic-drainage': 'manual lymphatic drainage',
  'chiropractic-care': 'chiropractic care',
  'physical-therapy': 'physical therapy',
};

interface Named {
  firstName: string;
  middleName?: string | undefined;
  lastName: string;
}

export function fullName(person: Named): string {
  return [person.firstName, person.middleName, person.lastName].filter(Boolean).join(' ');
}

// Payer letters name an adult by title and surname (or full name); a child may be named by first name.
const ADULT_AGE_MONTHS = 18 * 12;

/** Under 18 on the letter's date. */
export function isChild(patient: Pick<Patient, 'dateOfBirth'>, date: string): boolean {
  return addCalendarMonths(patient.dateOfBirth, ADULT_AGE_MONTHS) > date;
}

/**
 * How the letter refers to the patient after the first full mention.
 * @example
 * patientReference({ title: 'Ms.', firstName: 'Maria', lastName: 'Delgado-Reyes', … }, '2026-11-20'); // 'Ms. Delgado-Reyes'
 */
export function patientReference(patient: Patient, date: string): string {
  if (isChild(patient, date)) return patient.firstName;
  return patient.title === undefined ? fullName(patient) : `${patient.title} ${patient.lastName}`;
}

/** Draft unless the caller asks for a copy to sign or the signer has attested electronically. */
export function signatureMode(signature: Signature | undefined): SignatureMode {
  return signature?.mode ?? (signature?.electronic === undefined ? 'draft' : 'electronic');
}

export function providerName(provider: Provider): string {
  return `${fullName(provider)}, ${provider.credentials.join(', ')}`;
}

export function addressLines(address: Address): string[] {
  return [
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    `${address.city}, ${address.state} ${address.postalCode}`,
  ];
}

export function describeFrequency(frequency: Frequency): string {
  const times = frequency.count === 1 ? 'once' : frequency.count === 2 ? 'twice' : `${frequency.count} times`;
  return `${times} per ${frequency.per}`;
}

/** The last day of the course: start + duration − 1 day, or the given end date. */
export function treatmentEndDate(treatment: Treatment): string {
  const { duration, startDate } = treatment;
  if (duration.endDate !== undefined) return duration.endDate;
  if (duration.weeks !== undefined) return addCalendarDays(addCalendarWeeks(startDate, duration.weeks), -1);
  return addCalendarDays(addCalendarMonths(startDate, duration.months ?? 0), -1);
}

export function describeDuration(treatment: Treatment): string {
  const { duration } = treatment;
  if (duration.weeks !== undefined) return `${duration.weeks} week${duration.weeks === 1 ? '' : 's'}`;
  if (duration.months !== undefined) return `${duration.months} month${duration.months === 1 ? '' : 's'}`;
  const weeks = Math.round((daysBetween(treatment.startDate, treatmentEndDate(treatment)) + 1) / 7);
  return `${weeks} week${weeks === 1 ? '' : 's'}`;
}

/** Sessions planned over the course (whole weeks or months only; partial periods are not counted). */
export function countSessions(treatment: Treatment): number {
  const days = daysBetween(treatment.startDate, treatmentEndDate(treatment)) + 1;
  const { count, per } = treatment.frequency;
  if (per === 'day') return count * days;
  if (per === 'week') return count * Math.floor(days / 7);
  return count * (treatment.duration.months ?? Math.max(1, Math.round(days / 30.44)));
}

export function diagnosisDescription(diagnosis: Diagnosis): string | undefined {
  return diagnosis.description ?? lookupIcd(diagnosis.code)?.title;
}

/** Each diagnosis as letters list it: code, words, onset. */
export function diagnosesView(diagnoses: readonly Diagnosis[]) {
  return diagnoses.map((diagnosis) => ({
    code: diagnosis.code,
    description: diagnosisDescription(diagnosis) ?? '',
    onset: diagnosis.onset && formatLongDate(diagnosis.onset),
  }));
}

// Scores go to templates as text: Handlebars' {{#if}} treats a score of 0 as absent.
function score(value: number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** Outcome measures with each instrument spelled out, and the short names of those the patient reports. */
export function measuresView(measures: readonly OutcomeMeasure[]) {
  const named = measures.map((measure) => ({ measure, name: nameInstrument(measure.instrument) }));
  return {
    rows: named.map(({ measure, name }) => ({
      full: name.full,
      short: name.short,
      baseline: String(measure.baseline),
      baselineDate: measure.baselineDate && formatLongDate(measure.baselineDate),
      current: score(measure.current),
      currentDate: measure.currentDate && formatLongDate(measure.currentDate),
      target: score(measure.target),
    })),
    patientReported: named.filter(({ name }) => name.patientReported).map(({ name }) => name.short),
  };
}

/** The clinical fields with dates and scores as the letter prints them. */
export function clinicalView(clinical: Clinical) {
  return {
    ...clinical,
    treatingSince: clinical.treatingSince && formatLongDate(clinical.treatingSince),
    symptoms: clinical.symptoms.map((symptom) => ({ ...symptom, severity: score(symptom.severity) })),
  };
}

export function procedureLabel(code: string): string {
  return lookupCpt(code)?.label ?? 'procedure';
}

interface CommonInput {
  date: string;
  patient: Patient;
  provider: Provider;
  recipient?: Recipient | undefined;
  coverSheet?: 'fax' | undefined;
  fax?: { subject?: string | undefined } | undefined;
}

interface MemberIds {
  memberId?: string | undefined;
  groupNumber?: string | undefined;
}

/** The template context every letter shares, under `letter`. */
export function commonContext(data: CommonInput, coverage?: MemberIds) {
  const { patient, provider, recipient } = data;
  const practice = provider.practice;
  const signature = provider.signature;
  const mode = signatureMode(signature);
  const electronic = mode === 'electronic' ? signature?.electronic : undefined;
  return {
    date: formatLongDate(data.date),
    practice: {
      name: practice.name,
      lines: [
        addressLines(practice.address).join(' · '),
        [`Phone ${practice.phone}`, practice.fax && `Fax ${practice.fax}`, practice.email]
          .filter(Boolean)
          .join(' · '),
      ],
      logo: practice.logo !== undefined,
    },
    recipient: recipient && {
      lines: [
        recipient.name,
        recipient.department,
        recipient.organization,
        ...(recipient.address ? addressLines(recipient.address) : []),
      ].filter(Boolean),
      fax: recipient.fax,
      salutation: recipient.name ? `Dear ${recipient.name}:` : 'To whom it may concern:',
    },
    patient: {
      name: fullName(patient),
      reference: patientReference(patient, data.date),
      dateOfBirth: formatLongDate(patient.dateOfBirth),
      memberId: coverage?.memberId ?? patient.memberId,
      groupNumber: coverage?.groupNumber ?? patient.groupNumber,
    },
    provider: {
      name: providerName(provider),
      plainName: fullName(provider),
      specialty: provider.specialty,
      npi: provider.npi,
      license: `${provider.license.state} ${provider.license.number}`,
      contact: [`Phone ${practice.phone}`, practice.fax && `Fax ${practice.fax}`].filter(Boolean).join(' · '),
    },
    signature: {
      /** A line to sign on, for drafts and copies printed to sign by hand. */
      byHand: electronic === undefined && mode !== 'digital',
      image: electronic !== undefined && signature?.image !== undefined,
      electronic: electronic && {
        signed: `Electronically signed by ${providerName(provider)} on ${formatLongDate(electronic.attestedOn)}.`,
        statement: electronic.statement,
      },
    },
  };
}

/** The fax cover sheet's facts when the input asks for one; its page count is known only after layout. */
function faxCoverView(data: CommonInput): FaxCoverView | undefined {
  if (data.coverSheet !== 'fax') return undefined;
  const { provider, recipient } = data;
  return {
    to: {
      lines: [recipient?.name, recipient?.department, recipient?.organization].filter(
        (line): line is string => line !== undefined,
      ),
      fax: recipient?.fax,
    },
    from: {
      provider: providerName(provider),
      practice: provider.practice.name,
      phone: provider.practice.phone,
      fax: provider.practice.fax,
    },
    date: formatLongDate(data.date),
    subject: data.fax?.subject,
  };
}

/** Metadata and images every letter shares. */
export function commonView(data: CommonInput, title: string, context: object): LetterView {
  const { patient, provider } = data;
  const signature = provider.signature;
  const faxCover = faxCoverView(data);
  return {
    context,
    ...(faxCover && { faxCover }),
    info: {
      title,
      author: `${providerName(provider)}, ${provider.practice.name}`,
      subject: title,
      runningHeader: `${fullName(patient)} · DOB ${formatShortDate(patient.dateOfBirth)}`,
      footer: CONFIDENTIALITY_NOTICE,
      draft: signatureMode(signature) === 'draft',
    },
    images: {
      ...(provider.practice.logo !== undefined && { logo: provider.practice.logo }),
      ...(signature?.image !== undefined &&
        signatureMode(signature) === 'electronic' && { signature: signature.image }),
    },
  };
}

/** Where each named image comes from in the input, for error paths. */
export const IMAGE_PATHS = { logo: 'provider.practice.logo', signature: 'provider.signature.image' } as const;
