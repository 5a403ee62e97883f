// Findings about who signs: a clinician who can diagnose and order the care, and a chiropractor's
// scope, in general and under Medicare.
import { defineFindings } from './catalogue.js';
import { SOURCES } from './sources.js';

export const SIGNER_FINDINGS = defineFindings({
  SIGNER_NOT_QUALIFIED: {
    level: 'error',
    title: 'The signer’s credentials do not include one that can diagnose and order the care',
    fix: 'Have the letter signed by a physician (MD, DO), chiropractor (DC), podiatrist (DPM), nurse practitioner, clinical nurse specialist, physician assistant, or a physical or occupational therapist.',
    message: (params: { credentials: string }) =>
      `Signed as ${params.credentials}, which cannot diagnose and order this care: a letter of medical necessity, prescription or prior-authorization request is signed by a physician (MD, DO), chiropractor (DC), podiatrist (DPM), nurse practitioner, clinical nurse specialist, physician assistant, or a physical or occupational therapist who sets the plan of care.`,
    sources: [SOURCES.THERAPY_PLAN_OF_CARE, SOURCES.PHYSICIAN_DEFINITION],
  },
  SIGNER_CREDENTIAL_UNKNOWN: {
    level: 'warning',
    title: 'lmnkit does not know whether the signer’s credentials can order the care',
    fix: 'Check that the signer may diagnose and order the care in the state, or list a credential lmnkit knows (MD, DO, DC, DPM, NP, CNS, PA, PT, DPT, OT).',
    message: (params: { credentials: string }) =>
      `lmnkit does not know whether ${params.credentials} can diagnose and order this care; a physician, chiropractor, podiatrist, nurse practitioner, clinical nurse specialist, physician assistant, or a physical or occupational therapist can.`,
    sources: [SOURCES.THERAPY_PLAN_OF_CARE, SOURCES.PHYSICIAN_DEFINITION],
  },
  CHIROPRACTIC_OUTSIDE_SCOPE: {
    level: 'warning',
    title: 'A chiropractor’s letter for a condition outside the neuromusculoskeletal scope',
    fix: 'Check that the condition is within the chiropractor’s state scope of practice, or have a physician sign.',
    message:
      'This diagnosis is not a musculoskeletal or neuromusculoskeletal condition, which is what chiropractors treat; payers, Medicare included, do not accept a chiropractor’s letter for it.',
    sources: [SOURCES.MEDICARE_CHIROPRACTIC],
  },
  MEDICARE_CHIROPRACTIC_ONLY_MANIPULATION: {
    level: 'warning',
    title: 'Original Medicare pays a chiropractor only for manual manipulation of the spine',
    fix: 'Leave other services out of a chiropractor’s Medicare letter, or have them ordered and given by a clinician Medicare pays for them.',
    message:
      'Original Medicare pays chiropractors only for manual manipulation of the spine to correct a subluxation (98940–98942); it does not cover other services a chiropractor gives or orders.',
    sources: [SOURCES.MEDICARE_CHIROPRACTIC, SOURCES.CHIROPRACTIC_LCD],
  },
  MEDICARE_CHIROPRACTIC_EXTRASPINAL: {
    level: 'warning',
    title: 'Extraspinal manipulation (98943) for Original Medicare',
    fix: 'Leave 98943 out of the Medicare request; Medicare covers spinal manipulation only.',
    message: '98943, extraspinal manipulation, is not a Medicare benefit.',
    sources: [SOURCES.MEDICARE_CHIROPRACTIC_CODES],
  },
  MEDICARE_CHIROPRACTIC_SUBLUXATION: {
    level: 'warning',
    title: 'Medicare spinal manipulation without a subluxation as the primary diagnosis',
    fix: 'List the subluxation (M99.0- or M99.1-) first, and bill active treatment with the AT modifier.',
    message:
      'Medicare covers spinal manipulation to correct a subluxation: list the subluxation first (M99.0- or M99.1-), and bill active treatment with the AT modifier; maintenance care is not covered.',
    sources: [SOURCES.MEDICARE_CHIROPRACTIC, SOURCES.CHIROPRACTIC_LCD],
  },
});
