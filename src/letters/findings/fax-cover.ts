// Findings about the fax cover sheet: it needs a number to send to and one to answer.
import { defineFindings, type Source } from './catalogue.js';

const SOURCES = {
  safeguards: {
    document: '45 CFR 164.530 (HIPAA Privacy Rule: safeguards for protected health information)',
    section: '(c)',
    url: 'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-E/section-164.530',
  },
  faxFaq: {
    document:
      'HHS Office for Civil Rights, FAQ 482: sharing patient information for treatment by fax, e-mail or phone (reasonable safeguards: confirm the fax number)',
    url: 'https://www.hhs.gov/hipaa/for-professionals/faq/482/does-hipaa-permit-a-doctor-to-share-patient-information-for-treatment-over-the-phone/index.html',
  },
} satisfies Record<string, Source>;

export const FAX_COVER_FINDINGS = defineFindings({
  FAX_COVER_RECIPIENT_FAX_MISSING: {
    level: 'error',
    title: 'A fax cover sheet without the recipient’s fax number',
    fix: 'Give the recipient with its fax number (recipient.fax), confirmed with the recipient, or leave coverSheet out.',
    message:
      'The fax cover sheet is addressed to the recipient’s fax, and none is given: add recipient.fax, confirmed with the recipient before sending.',
    sources: [SOURCES.safeguards, SOURCES.faxFaq],
  },
  FAX_COVER_PRACTICE_FAX_MISSING: {
    level: 'error',
    title: 'A fax cover sheet without the practice’s fax number',
    fix: 'Give the practice’s fax number (provider.practice.fax), or leave coverSheet out.',
    message:
      'The fax cover sheet gives the practice’s phone and fax so that a recipient can answer or report a misdirected fax; add provider.practice.fax.',
    sources: [SOURCES.safeguards],
  },
  FAX_SUBJECT_WITHOUT_COVER_SHEET: {
    level: 'warning',
    title: 'A fax subject without a fax cover sheet',
    fix: 'Add "coverSheet": "fax" to print the cover sheet, or leave fax out.',
    message:
      'fax.subject is printed only on a fax cover sheet, and coverSheet is not "fax": the subject is not printed.',
    sources: [SOURCES.safeguards],
  },
});
