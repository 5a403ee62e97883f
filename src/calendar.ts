// Calendar dates (YYYY-MM-DD) are days, never instants: every computation here works on
// local-midnight dates built from the parts, so the result is the same in every time zone.
import { addDays, addWeeks, differenceInCalendarDays, format, getDaysInMonth } from 'date-fns';
import { es } from 'date-fns/locale/es';

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDate(value: string): Date {
  const match = PATTERN.exec(value);
  if (!match) throw new RangeError('not a YYYY-MM-DD date');
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

function toIso(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

export function isCalendarDate(value: string): boolean {
  const match = PATTERN.exec(value);
  if (!match) return false;
  const date = toDate(value);
  return date.getFullYear() === Number(match[1]) && toIso(date) === value;
}

/** January 5, 2026 (or "5 de enero de 2026"). */
export function formatLongDate(value: string, language: 'en' | 'es' = 'en'): string {
  const date = toDate(value);
  return language === 'es'
    ? format(date, "d 'de' MMMM 'de' yyyy", { locale: es })
    : format(date, 'MMMM d, yyyy');
}

/** 01/05/2026, the form payers print on claims. */
export function formatShortDate(value: string): string {
  return format(toDate(value), 'MM/dd/yyyy');
}

export function addCalendarDays(value: string, days: number): string {
  return toIso(addDays(toDate(value), days));
}

export function addCalendarWeeks(value: string, weeks: number): string {
  return toIso(addWeeks(toDate(value), weeks));
}

/**
 * The same day `months` later, or the first day of the month after when that day does not
 * exist: October 30 + 4 months is March 1 (45 CFR 147.136(d)(2)(i) counts months this way),
 * so "N months less a day" ends on the last day of the shorter month (January 31 + 1 month − 1
 * day is February 28 or 29).
 * @example
 * addCalendarMonths('2026-10-30', 4); // '2027-03-01'
 */
export function addCalendarMonths(value: string, months: number): string {
  const date = toDate(value);
  const target = new Date(date.getFullYear(), date.getMonth() + months, 1);
  return date.getDate() > getDaysInMonth(target)
    ? toIso(new Date(target.getFullYear(), target.getMonth() + 1, 1))
    : toIso(new Date(target.getFullYear(), target.getMonth(), date.getDate()));
}

/**
 * The federal holidays of 5 U.S.C. 6103(a) in a year, on the day they are observed: one on a
 * Saturday is observed the Friday before, one on a Sunday the Monday after (Executive Order 11582).
 */
export function federalHolidays(year: number): string[] {
  const fixed = (month: number, day: number) => observed(new Date(year, month - 1, day));
  // The nth (or, with n = -1, the last) given weekday (0 Sunday … 6 Saturday) of a month.
  const nth = (month: number, weekday: number, n: number) => {
    if (n === -1) {
      const last = new Date(year, month, 0);
      return new Date(year, month - 1, last.getDate() - ((last.getDay() - weekday + 7) % 7));
    }
    const first = new Date(year, month - 1, 1);
    return new Date(year, month - 1, 1 + ((weekday - first.getDay() + 7) % 7) + (n - 1) * 7);
  };
  return [
    fixed(1, 1),
    nth(1, 1, 3), // Birthday of Martin Luther King, Jr.
    nth(2, 1, 3), // Washington's Birthday
    nth(5, 1, -1), // Memorial Day
    fixed(6, 19), // Juneteenth National Independence Day
    fixed(7, 4),
    nth(9, 1, 1), // Labor Day
    nth(10, 1, 2), // Columbus Day
    fixed(11, 11), // Veterans Day
    nth(11, 4, 4), // Thanksgiving Day
    fixed(12, 25),
  ].map(toIso);
}

function observed(date: Date): Date {
  const weekday = date.getDay();
  return weekday === 6 ? addDays(date, -1) : weekday === 0 ? addDays(date, 1) : date;
}

/**
 * The date itself, or the next day that is not a Saturday, Sunday or federal holiday.
 * @example
 * nextBusinessDay('2026-12-26'); // '2026-12-28' (a Saturday, then Sunday)
 */
export function nextBusinessDay(value: string): string {
  let date = value;
  const isHoliday = (day: string) => federalHolidays(Number(day.slice(0, 4))).includes(day);
  while ([0, 6].includes(toDate(date).getDay()) || isHoliday(date)) date = addCalendarDays(date, 1);
  return date;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** Today's calendar date where the process runs — only for defaults, never inside a letter. */
export function today(): string {
  return toIso(new Date());
}
