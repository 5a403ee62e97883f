// Findings about the procedure codes of a plan of care and the units their minutes allow.
import { defineFindings } from './catalogue.js';
import { SOURCES } from './sources.js';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

export const PROCEDURE_FINDINGS = defineFindings({
  PROCEDURE_CODE_UNKNOWN: {
    level: 'warning',
    title: 'A procedure code lmnkit does not know',
    fix: 'Check the code; give its units per session, since lmnkit cannot tell whether it is timed.',
    message:
      'This code is not in lmnkit’s table of physical-medicine, manual-therapy and chiropractic codes, so its units are not counted from the minutes; check the code and give its units.',
    sources: [SOURCES.EIGHT_MINUTE_RULE],
  },
  TIMED_CODE_WITHOUT_MINUTES: {
    level: 'warning',
    title: 'A timed code is listed without its minutes per session',
    fix: 'Give the minutes per session of each timed code.',
    message:
      'This code is billed in 15-minute units; give its minutes per session so the units can be counted by the 8-minute rule.',
    sources: [SOURCES.EIGHT_MINUTE_RULE],
  },
  TIMED_CODE_WITHOUT_UNITS: {
    level: 'warning',
    title: 'A timed code whose minutes make no billable unit',
    fix: 'Leave the code off the plan, or plan the minutes that make a unit (8 or more in all).',
    message: (params: { minutes: number; belowEight: boolean }) =>
      params.belowEight
        ? `The session’s ${plural(params.minutes, 'timed minute')} are fewer than 8, so they make no billable unit of this code.`
        : `The ${plural(params.minutes, 'minute')} of this code make no billable unit: the units the session’s timed minutes make go to the codes with more minutes.`,
    sources: [SOURCES.EIGHT_MINUTE_RULE],
  },
  UNITS_EXCEED_MINUTES: {
    level: 'error',
    title: 'A code asks for more units per session than its minutes allow',
    fix: 'Ask for no more units than the message gives, or correct the minutes.',
    message: (params: { billing: 'timed' | 'untimed' | 'hourly'; allowed: number }) =>
      params.billing === 'untimed'
        ? 'This code is not timed: it is billed as 1 unit per session.'
        : params.billing === 'hourly'
          ? `This code is billed per hour: the minutes per session allow ${plural(params.allowed, 'unit')}.`
          : `The minutes per session allow ${plural(params.allowed, 'unit')} of this code by the 8-minute rule; ask for no more.`,
    sources: [SOURCES.EIGHT_MINUTE_RULE],
  },
  TIMED_UNITS_EXCEED_TOTAL: {
    level: 'error',
    title: 'The timed codes ask for more units together than their total minutes make',
    fix: 'Give the extra unit of a tie to one code only.',
    message: (params: { minutes: number; units: number }) =>
      `The ${params.minutes} timed minutes per session make ${plural(params.units, 'unit')} in all by the 8-minute rule; when codes tie for the last unit, either may carry it, but not both.`,
    sources: [SOURCES.EIGHT_MINUTE_RULE],
  },
  PROCEDURE_MINUTES_EXCEED_SESSION: {
    level: 'warning',
    title: 'The procedures’ minutes add up to more than the session length',
    fix: 'Correct treatment.sessionMinutes or the minutes of the procedures.',
    message: (params: { minutes: number }) =>
      `The procedures add up to ${params.minutes} minutes, more than the session length.`,
    // A consistency check of the input itself; no outside rule to cite.
    sources: [],
  },
  MEDICARE_UNATTENDED_STIMULATION_CODE: {
    level: 'warning',
    title: 'Unattended electrical stimulation coded 97014 for Original Medicare',
    fix: 'Use HCPCS G0283 for Original Medicare.',
    message:
      'Original Medicare does not pay 97014: unattended electrical stimulation other than for wound care is billed as G0283.',
    sources: [SOURCES.MEDICARE_PFS_RVU],
  },
});
