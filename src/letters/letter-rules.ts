// Date checks every letter needs, with the codes the LMN uses for them.
import { formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import type { RuleContext } from './kind.js';

interface DatedLetter {
  date: string;
  patient: { dateOfBirth: string };
}

export function letterRules(data: DatedLetter, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (data.patient.dateOfBirth > data.date) {
    findings.push({
      code: 'BIRTH_AFTER_LETTER_DATE',
      level: 'error',
      path: 'patient.dateOfBirth',
      message: 'The date of birth is after the letter date.',
      source: 'DOMAIN §5.2',
    });
  }
  if (data.date > context.today) {
    findings.push({
      code: 'LETTER_DATE_IN_FUTURE',
      level: 'warning',
      path: 'date',
      message: `The letter is dated after today (${formatLongDate(context.today)}); reviewers reject post-dated letters.`,
      source: 'DOMAIN §5.2',
    });
  }
  return findings;
}
