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
  Diagnosis,
  Frequency,
  Patient,
  Provider,
  Recipient,
  Service,
  Treatment,
} from './fields.js';
import type { LetterView } from './kind.js';

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

export function procedureLabel(code: string): string {
  return lookupCpt(code)?.label ?? 'procedure';
}

interface CommonInput {
  date: string;
  patient: Patient;
  provider: Provider;
  recipient?: Recipient | undefined;
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
  const signedOn = signature?.signedOn ?? (signature?.image ? data.date : undefined);
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
      image: signature?.image !== undefined,
      electronic:
        signature?.image === undefined && signedOn !== undefined
          ? `Electronically signed by ${providerName(provider)} on ${formatLongDate(signedOn)}`
          : undefined,
      signedOn: signedOn && formatLongDate(signedOn),
    },
  };
}

/** Metadata and images every letter shares. */
export function commonView(data: CommonInput, title: string, context: object): LetterView {
  const { patient, provider } = data;
  const signature = provider.signature;
  return {
    context,
    info: {
      title,
      author: `${providerName(provider)}, ${provider.practice.name}`,
      subject: title,
      runningHeader: `${fullName(patient)} · DOB ${formatShortDate(patient.dateOfBirth)}`,
      footer: CONFIDENTIALITY_NOTICE,
      draft: signature?.image === undefined && signature?.signedOn === undefined,
    },
    images: {
      ...(provider.practice.logo !== undefined && { logo: provider.practice.logo }),
      ...(signature?.image !== undefined && { signature: signature.image }),
    },
  };
}

/** Where each named image comes from in the input, for error paths. */
export const IMAGE_PATHS = { logo: 'provider.practice.logo', signature: 'provider.signature.image' } as const;
