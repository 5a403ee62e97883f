import { describe, expect, it } from 'vitest';
import { addCalendarDays, addCalendarMonths, federalHolidays, nextBusinessDay } from '../src/calendar.js';

const lastDayOf = (start: string, months: number) => addCalendarDays(addCalendarMonths(start, months), -1);

describe('addCalendarMonths', () => {
  it('counts to the same day, or the first day of the next month when that day does not exist', () => {
    // 45 CFR 147.136(d)(2)(i): "if the date of receipt of the notice is October 30, because there
    // is no February 30, the request must be filed by March 1".
    expect(addCalendarMonths('2026-10-30', 4)).toBe('2027-03-01');
    expect(addCalendarMonths('2026-11-15', 4)).toBe('2027-03-15');
    expect(addCalendarMonths('2027-10-29', 4)).toBe('2028-02-29');
  });

  it('ends a period of months on the last day of a shorter month, losing no day', () => {
    expect(lastDayOf('2028-02-29', 12)).toBe('2029-02-28');
    expect(lastDayOf('2027-01-31', 1)).toBe('2027-02-28');
    expect(lastDayOf('2028-01-31', 1)).toBe('2028-02-29');
    expect(lastDayOf('2026-06-15', 12)).toBe('2027-06-14');
  });
});

describe('federal holidays and business days', () => {
  it('lists the 5 U.S.C. 6103(a) holidays on their observed days', () => {
    expect(federalHolidays(2027)).toEqual([
      '2027-01-01',
      '2027-01-18',
      '2027-02-15',
      '2027-05-31',
      '2027-06-18', // June 19 is a Saturday
      '2027-07-05', // July 4 is a Sunday
      '2027-09-06',
      '2027-10-11',
      '2027-11-11',
      '2027-11-25',
      '2027-12-24', // December 25 is a Saturday
    ]);
  });

  it('moves a weekend or holiday to the next business day', () => {
    expect(nextBusinessDay('2027-03-01')).toBe('2027-03-01');
    expect(nextBusinessDay('2027-02-13')).toBe('2027-02-16'); // Saturday, Sunday, Washington's Birthday
    expect(nextBusinessDay('2026-12-25')).toBe('2026-12-28');
  });
});
