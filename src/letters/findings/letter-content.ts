// Findings about the letter as a document: its dates and what it says.
import { defineFindings } from './catalogue.js';

export const LETTER_CONTENT_FINDINGS = defineFindings({
  BIRTH_AFTER_LETTER_DATE: {
    level: 'error',
    title: 'The date of birth is after the letter date',
    fix: 'Correct patient.dateOfBirth or the letter date.',
    message: 'The date of birth is after the letter date.',
    // A consistency check of the input itself; no outside rule to cite.
    sources: [],
  },
  LETTER_DATE_IN_FUTURE: {
    level: 'warning',
    title: 'The letter is dated after today',
    fix: 'Date the letter on the day it is signed.',
    message: (params: { today: string }) =>
      `The letter is dated after today (${params.today}); reviewers reject post-dated letters.`,
    sources: [],
  },
});
