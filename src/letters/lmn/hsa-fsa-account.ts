// What an HSA/FSA letter knows about the account: the administrator's profile, the participant, the
// valid-through date. Shared by the administrator rules and the letter's view.
import type { z } from 'zod';
import { addCalendarDays, addCalendarMonths } from '../../calendar.js';
import { findAdministratorProfile, type AdministratorMatch } from './administrators/index.js';
import { fullName, treatmentEndDate } from '../letter-view.js';
import type { LmnHsaFsa } from './schema.js';

export type HsaFsaLetter = z.output<typeof LmnHsaFsa>;

/** The account holder, who is the patient unless `patient.accountHolder` names someone else. */
export interface Participant {
  name: string;
  relationship: string | undefined;
  employer: string | undefined;
  idLast4: string | undefined;
  isPatient: boolean;
}

export interface HsaFsaAccount extends AdministratorMatch {
  participant: Participant;
  /** The patient is under 18 on the letter date, so rarely the account holder. */
  patientIsMinor: boolean;
  /** The last day of the course. */
  endDate: string;
  /** The last day any HSA/FSA letter may cover: 12 months from the start, less a day. */
  latestEndDate: string;
  /** The last day this administrator accepts, counted from the start or the signature. */
  profileLatestEndDate: string;
  /** The day the profile's months count from. */
  profileAnchorDate: string;
  /**
   * What the letter and its cover page print: the end of the course, cut to what the
   * administrator accepts and, when it wants a new letter each plan year, to the plan year's end.
   */
  validThrough: string;
}

const GENERIC_MAX_MONTHS = 12;
const ADULT_AGE_MONTHS = 18 * 12;

function lastDayAfterMonths(from: string, months: number): string {
  return addCalendarDays(addCalendarMonths(from, months), -1);
}

/** The last 4 letters or digits of an ID, however it is punctuated. */
function lastFour(id: string): string {
  return id.replace(/[^A-Za-z0-9]/g, '').slice(-4);
}

function findParticipant(data: HsaFsaLetter): Participant {
  const holder = data.patient.accountHolder;
  const coverage = data.coverage;
  if (holder) {
    return {
      name: fullName(holder),
      relationship: holder.relationship,
      employer: holder.employer ?? coverage?.employer,
      idLast4: holder.idLast4,
      isPatient: false,
    };
  }
  const id = coverage?.participantId && lastFour(coverage.participantId);
  return {
    name: fullName(data.patient),
    relationship: undefined,
    employer: coverage?.employer,
    idLast4: id || undefined,
    isPatient: true,
  };
}

/**
 * The administrator's profile and the dates and people it checks.
 * @example
 * describeAccount(letter).profile.id; // 'fsafeds'
 */
export function describeAccount(data: HsaFsaLetter): HsaFsaAccount {
  const match = findAdministratorProfile(data.coverage?.administrator);
  const { treatment } = data;
  const endDate = treatmentEndDate(treatment);
  const latestEndDate = lastDayAfterMonths(treatment.startDate, GENERIC_MAX_MONTHS);
  const { profile } = match;
  const profileAnchorDate =
    profile.validFrom === 'start'
      ? treatment.startDate
      : profile.validFrom === 'letter'
        ? data.date
        : (data.provider.signature?.electronic?.attestedOn ?? data.date);
  const profileLatestEndDate = lastDayAfterMonths(profileAnchorDate, profile.maxMonths);
  const planYearEnd = data.coverage?.planYearEnd;
  const planYearLimit =
    profile.newLetterEachPlanYear && planYearEnd !== undefined && planYearEnd >= treatment.startDate
      ? [planYearEnd]
      : [];
  return {
    ...match,
    participant: findParticipant(data),
    patientIsMinor: addCalendarMonths(data.patient.dateOfBirth, ADULT_AGE_MONTHS) > data.date,
    endDate,
    latestEndDate,
    profileLatestEndDate,
    profileAnchorDate,
    validThrough: [endDate, latestEndDate, profileLatestEndDate, ...planYearLimit].reduce((a, b) =>
      a < b ? a : b,
    ),
  };
}
