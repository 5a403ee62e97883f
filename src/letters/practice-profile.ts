// A practice's letterhead and providers, entered once and reused for every letter (no patient data).
import { z } from 'zod';
import { ValidationError } from '../errors.js';
import { ImageData, Practice, Provider } from './fields.js';
import { parseInput } from './to-issues.js';

const PracticeProvider = Provider.pick({
  firstName: true,
  lastName: true,
  credentials: true,
  specialty: true,
  npi: true,
  license: true,
}).extend({
  /** Printed only above the provider's own electronic attestation, never by itself. */
  signatureImage: ImageData.optional(),
});

export const PracticeProfile = z.strictObject({
  practice: Practice,
  providers: z.array(PracticeProvider).min(1, 'must list at least one provider').max(50),
});
export type PracticeProfile = z.infer<typeof PracticeProfile>;

/**
 * Checks a practice profile (a practice file, or one a form exported).
 * @throws {ValidationError} naming each field that is missing or wrong.
 * @example
 * const profile = parsePracticeProfile(JSON.parse(readFileSync('practice.json', 'utf8')));
 */
export function parsePracticeProfile(input: unknown): PracticeProfile {
  const result = parseInput(PracticeProfile, input);
  if (!result.success) throw new ValidationError(result.issues);
  return result.data as PracticeProfile;
}
