// Date checks every letter needs.
import { formatLongDate } from '../calendar.js';
import type { Finding } from '../errors.js';
import { finding } from './findings/index.js';
import type { RuleContext } from './kind.js';

interface DatedLetter {
  date: string;
  patient: { dateOfBirth: string };
  provider: { practice: { fax?: string | undefined } };
  recipient?: { fax?: string | undefined } | undefined;
  coverSheet?: 'fax' | undefined;
  fax?: { subject?: string | undefined } | undefined;
}

/** A fax cover sheet needs the number it is sent to and the practice's own. */
function faxCoverRules(data: DatedLetter): Finding[] {
  if (data.coverSheet !== 'fax') {
    return data.fax?.subject === undefined ? [] : [finding('FAX_SUBJECT_WITHOUT_COVER_SHEET', 'fax.subject')];
  }
  return [
    ...(data.recipient?.fax === undefined
      ? [finding('FAX_COVER_RECIPIENT_FAX_MISSING', 'recipient.fax')]
      : []),
    ...(data.provider.practice.fax === undefined
      ? [finding('FAX_COVER_PRACTICE_FAX_MISSING', 'provider.practice.fax')]
      : []),
  ];
}

export function letterRules(data: DatedLetter, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  if (data.patient.dateOfBirth > data.date) {
    findings.push(finding('BIRTH_AFTER_LETTER_DATE', 'patient.dateOfBirth'));
  }
  if (data.date > context.today) {
    findings.push(finding('LETTER_DATE_IN_FUTURE', 'date', { today: formatLongDate(context.today) }));
  }
  return [...findings, ...faxCoverRules(data)];
}
