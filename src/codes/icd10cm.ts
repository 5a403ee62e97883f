// ICD-10-CM code formats (data/icd10cm/README.md "Formats"): stored dotless (M5450), displayed with a dot after
// the category (M54.50). A well-formed code is not necessarily a valid one: look it up.

// Position 2 may be a letter (QA0, QA1); the letter O never appears after position 1.
const DISPLAY_FORMAT = /^[A-Z][0-9A-NP-Z]{2}(?:\.[0-9A-NP-Z]{1,4})?$/;

/**
 * A code as typed by a user, in display form: trimmed, upper-cased, spaces removed and the
 * dot placed after the third character. The result may still be malformed; check it with
 * {@link isIcdCodeFormat}.
 * @example
 * normalizeIcdCode(' m54.50'); // 'M54.50'
 * normalizeIcdCode('m5450'); // 'M54.50'
 */
export function normalizeIcdCode(raw: string): string {
  return toDisplay(raw);
}

/**
 * Whether a display-form code is well formed: a letter, two letters or
 * digits, then optionally a dot and one to four more.
 * @example
 * isIcdCodeFormat('M54.50'); // true
 * isIcdCodeFormat('M5450'); // false — normalize first
 */
export function isIcdCodeFormat(display: string): boolean {
  return DISPLAY_FORMAT.test(display);
}

/**
 * The storage form used in claims and code-set files, from either form.
 * @example
 * toDotless('M54.50'); // 'M5450'
 */
export function toDotless(code: string): string {
  return code.toUpperCase().replace(/[\s.]/g, '');
}

/**
 * The display form, from either form.
 * @example
 * toDisplay('M5450'); // 'M54.50'
 * toDisplay('R52'); // 'R52'
 */
export function toDisplay(code: string): string {
  const dotless = toDotless(code);
  return dotless.length > 3 ? `${dotless.slice(0, 3)}.${dotless.slice(3)}` : dotless;
}

/**
 * Whether a code belongs to chapter 19, injury and poisoning (S and T codes), where the
 * 7th character says which encounter it is.
 * @example
 * isInjuryCode('S13.4XXA'); // true
 */
export function isInjuryCode(code: string): boolean {
  return /^[ST]/.test(toDotless(code));
}
