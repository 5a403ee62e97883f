// Input checks the published JSON Schema does not express, so a document the schema accepts
// may still get these issues from `check`. Each needs a reason: anything else the schema must
// say itself (tests/json-schema.test.ts). README "The JSON Schema" lists the same checks.

export interface RuleLevelCheck {
  code: string;
  message: string;
  reason: string;
}

export const RULE_LEVEL_CHECKS: readonly RuleLevelCheck[] = [
  {
    code: 'INVALID_NPI',
    message: 'is not a valid NPI (check digit does not match)',
    reason:
      'The Luhn check digit of an NPI is arithmetic a regular expression cannot do in any practical size.',
  },
  {
    code: 'INVALID_PHONE',
    message: 'is not a phone number that can be dialled (check the area code and the number of digits)',
    reason:
      'Whether a number can exist comes from the numbering plans (libphonenumber-js metadata), which change; the schema gives the shape only.',
  },
  {
    code: 'INVALID_IMAGE',
    message: 'could not be read as an image',
    reason: 'Whether base64 decodes to a PNG or JPEG the PDF writer can embed needs the decoder.',
  },
  {
    code: 'DATE_IN_FUTURE',
    message: 'must not be after today',
    reason: 'Depends on today (the `today` option), which a static schema cannot know.',
  },
  {
    code: 'END_BEFORE_START',
    message: 'must not be before the start date',
    reason: 'Compares two fields; JSON Schema has no comparison between values.',
  },
  {
    code: 'REEVALUATION_BEFORE_START',
    message: 'must not be before the start date',
    reason: 'Compares two fields; JSON Schema has no comparison between values.',
  },
  {
    code: 'DENIAL_BEFORE_SERVICE',
    message: 'must not be before a date of service',
    reason: 'Compares two fields; JSON Schema has no comparison between values.',
  },
  {
    code: 'DENIAL_AFTER_LETTER',
    message: 'must not be after the letter date',
    reason: 'Compares two fields; JSON Schema has no comparison between values.',
  },
];
