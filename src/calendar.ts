// Calendar dates (YYYY-MM-DD) are days, never instants: every computation here works on
// local-midnight dates built from the parts, so the result is the same in every time zone.
import { addDays, addMonths, addWeeks, differenceInCalendarDays, format } from 'date-fns';
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

export function addCalendarMonths(value: string, months: number): string {
  return toIso(addMonths(toDate(value), months));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(toDate(to), toDate(from));
}

/** Today's calendar date where the process runs — only for defaults, never inside a letter. */
export function today(): string {
  return toIso(new Date());
}
