// Date checks every letter needs.
import { formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import { finding } from './findings/index.js';
import type { RuleContext } from './kind.js';

interface DatedLetter {
  date: string;
  patient: { dateOfBirth: string };
}

export function letterRules(data: DatedLetter, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (data.patient.dateOfBirth > data.date) {
    findings.push(finding('BIRTH_AFTER_LETTER_DATE', 'patient.dateOfBirth'));
  }
  if (data.date > context.today) {
    findings.push(finding('LETTER_DATE_IN_FUTURE', 'date', { today: formatLongDate(context.today) }));
  }
  return findings;
}
