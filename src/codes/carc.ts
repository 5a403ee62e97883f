// Claim Adjustment Reason Codes (X12 CARC, https://x12.org/codes/claim-adjustment-reason-codes)
// common on massage / manual-therapy denials, with our own short meaning and what an appeal should add.

const CARC_GROUPS = ['CO', 'PR', 'OA', 'PI'] as const;

/** CO contractual obligation, PR patient responsibility, OA other adjustment, PI payer-initiated. */
export type CarcGroup = (typeof CARC_GROUPS)[number];

export interface CarcEntry {
  number: number;
  /** The group code a payer usually sends with it. */
  usualGroup: CarcGroup;
  meaning: string;
  appealAdvice: string;
  /** Whether a letter arguing the case can change the outcome (rather than a corrected claim). */
  appealable: boolean;
}

/** A CARC as reported on a remittance, with our notes. */
export interface CarcInfo {
  /** Group and number, e.g. `CO-50`. */
  code: string;
  group: CarcGroup;
  number: number;
  meaning: string;
  appealAdvice: string;
  appealable: boolean;
}

const SAME_AS_96 = 'Plan exclusion: check the benefit wording; an HSA/FSA letter may be the better route.';

export const CARC_CODES: readonly CarcEntry[] = [
  {
    number: 50,
    usualGroup: 'CO',
    meaning: 'The payer says the service was not medically necessary.',
    appealAdvice:
      'Send a letter of medical necessity: diagnosis, functional limits, objective measures, plan of care, expected improvement and why manual therapy, with guideline citations.',
    appealable: true,
  },
  {
    number: 96,
    usualGroup: 'CO',
    meaning: 'The charge is not covered.',
    appealAdvice: SAME_AS_96,
    appealable: false,
  },
  {
    number: 204,
    usualGroup: 'CO',
    meaning: 'The service is not covered under the patient’s benefit plan.',
    appealAdvice: SAME_AS_96,
    appealable: false,
  },
  {
    number: 197,
    usualGroup: 'CO',
    meaning: 'Prior authorization or precertification was missing.',
    appealAdvice:
      'Request retroactive authorization; show the emergency or the payer’s error that prevented it.',
    appealable: true,
  },
  {
    number: 198,
    usualGroup: 'CO',
    meaning: 'The authorized number of visits or units was exceeded.',
    appealAdvice: 'Request an extension of the authorization with progress data.',
    appealable: true,
  },
  {
    number: 11,
    usualGroup: 'CO',
    meaning: 'The diagnosis does not match the procedure.',
    appealAdvice:
      'Correct the diagnosis–procedure pairing (for example add M99.0- for spinal manipulation) and resubmit.',
    appealable: false,
  },
  {
    number: 16,
    usualGroup: 'CO',
    meaning: 'Information is missing or the claim has a billing error (see the remark code).',
    appealAdvice: 'Correct the claim as the remark code says and resubmit; this is not an appeal.',
    appealable: false,
  },
  {
    number: 151,
    usualGroup: 'CO',
    meaning: 'The payer says the information does not support this many services or this frequency.',
    appealAdvice: 'Send progress notes, gains that reach the MCID, and a revised plan of care.',
    appealable: true,
  },
  {
    number: 167,
    usualGroup: 'CO',
    meaning: 'The diagnosis is not covered.',
    appealAdvice: 'Use a more specific or covered diagnosis if documented; cite the coverage policy (LCD).',
    appealable: true,
  },
  {
    number: 97,
    usualGroup: 'CO',
    meaning: 'The payment is included in another service (bundling).',
    appealAdvice: 'Show a separate body region and add modifier 59 or XS, with the documentation.',
    appealable: true,
  },
  {
    number: 4,
    usualGroup: 'CO',
    meaning: 'The modifier is missing or does not fit the procedure.',
    appealAdvice: 'Add the right modifier (GP, AT, 59 …) and resubmit.',
    appealable: false,
  },
  {
    number: 18,
    // X12: "use only with group code OA" (except where state workers' compensation rules require CO).
    usualGroup: 'OA',
    meaning: 'The claim or service is an exact duplicate.',
    appealAdvice: 'Usually nothing to appeal; check whether the first claim was paid.',
    appealable: false,
  },
  {
    number: 29,
    usualGroup: 'CO',
    meaning: 'The time limit for filing has expired.',
    appealAdvice: 'Send proof of timely filing (clearinghouse report, earlier submission).',
    appealable: true,
  },
  {
    number: 45,
    usualGroup: 'CO',
    meaning: 'The charge exceeds the fee schedule or allowed amount.',
    appealAdvice: 'Contractual write-off; not appealable.',
    appealable: false,
  },
  {
    number: 119,
    usualGroup: 'CO',
    meaning: 'The benefit maximum for the period has been reached.',
    appealAdvice:
      'Plan limit; consider other funding such as an HSA or FSA with a letter of medical necessity.',
    appealable: false,
  },
  {
    number: 170,
    usualGroup: 'CO',
    meaning: 'The payer does not pay this type of provider for the service.',
    appealAdvice: 'Credentialing issue (for example a massage therapist): bill through an eligible provider.',
    appealable: false,
  },
  {
    number: 185,
    usualGroup: 'CO',
    meaning: 'The rendering provider is not eligible to perform the service billed.',
    appealAdvice: 'Credentialing issue: bill under an eligible rendering provider.',
    appealable: false,
  },
  {
    number: 242,
    usualGroup: 'CO',
    meaning: 'The provider is out of network.',
    appealAdvice: 'Request a network exception: no in-network provider offers the service within reach.',
    appealable: true,
  },
  {
    number: 243,
    usualGroup: 'CO',
    meaning: 'The service was not authorized by a network provider.',
    appealAdvice: 'Request a network exception or the referral that was missing.',
    appealable: true,
  },
  {
    number: 1,
    usualGroup: 'PR',
    meaning: 'Deductible: the patient owes this amount.',
    appealAdvice: 'Nothing to appeal; the patient may pay it from an HSA or FSA if the care is medical care.',
    appealable: false,
  },
  {
    number: 2,
    usualGroup: 'PR',
    meaning: 'Coinsurance: the patient owes this amount.',
    appealAdvice: 'Nothing to appeal; the patient may pay it from an HSA or FSA if the care is medical care.',
    appealable: false,
  },
  {
    number: 3,
    usualGroup: 'PR',
    meaning: 'Copayment: the patient owes this amount.',
    appealAdvice: 'Nothing to appeal; the patient may pay it from an HSA or FSA if the care is medical care.',
    appealable: false,
  },
  {
    number: 19,
    usualGroup: 'CO',
    meaning: 'A work injury: workers’ compensation should pay.',
    appealAdvice: 'Bill the workers’ compensation carrier first.',
    appealable: false,
  },
  {
    number: 20,
    usualGroup: 'CO',
    meaning: 'An injury covered by a liability carrier.',
    appealAdvice: 'Bill the liability carrier first.',
    appealable: false,
  },
  {
    number: 21,
    usualGroup: 'CO',
    meaning: 'An injury covered by a no-fault (auto, PIP) carrier.',
    appealAdvice: 'Bill the no-fault carrier first; show when PIP benefits are exhausted.',
    appealable: false,
  },
  {
    number: 22,
    usualGroup: 'CO',
    meaning: 'Another payer may be primary (coordination of benefits).',
    appealAdvice: 'Have the patient update coordination of benefits, then resubmit.',
    appealable: false,
  },
];

// An optional group, then a number or a letter-prefixed code (X12 also has A1, B7, P1 …).
const CARC_FORMAT = /^(?:(CO|PR|OA|PI)\s*-?\s*)?([ABDPWY]?\d{1,3})$/;

/**
 * Whether a string looks like a CARC, with or without its group code: `CO-50`, `co50`,
 * `PR-1`, `50`, `CO-B7`. Says nothing about whether the code exists.
 * @example
 * isCarcFormat('CO-50'); // true
 */
export function isCarcFormat(code: string): boolean {
  return CARC_FORMAT.test(code.trim().toUpperCase());
}

/**
 * Our notes on a CARC. The group is kept as given (`PR-50` stays PR) and defaults to the one
 * payers usually send; undefined for codes outside our table.
 * @example
 * lookupCarc('co50')?.code; // 'CO-50'
 * lookupCarc('1')?.code; // 'PR-1'
 */
export function lookupCarc(code: string): CarcInfo | undefined {
  const match = CARC_FORMAT.exec(code.trim().toUpperCase());
  const digits = match?.[2];
  if (digits === undefined || !/^\d+$/.test(digits)) return undefined;
  const entry = CARC_CODES.find((candidate) => candidate.number === Number(digits));
  if (!entry) return undefined;
  const group = CARC_GROUPS.find((candidate) => candidate === match?.[1]) ?? entry.usualGroup;
  const { number, meaning, appealAdvice, appealable } = entry;
  return { code: `${group}-${number}`, group, number, meaning, appealAdvice, appealable };
}
