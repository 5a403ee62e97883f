// Outcome measures for progress and appeal letters: payers look for a change that reaches the
// MCID (minimal clinically important difference), given in each row with the paper it comes from.

/** The paper (or guideline) a row's MCID comes from. */
export interface OutcomeSource {
  document: string;
  url: string;
}

export interface OutcomeMeasure {
  id: string;
  name: string;
  min: number;
  max: number;
  higherIsBetter: boolean;
  /** The smallest change that matters, in the scale's own unit; null where no single MCID is accepted. */
  mcid: number | null;
  /** Or a change of this share of the baseline (0.3 for 30 %), where the source gives one. */
  mcidRelative: number | null;
  unit: 'points' | 'mm' | 'cm' | '%' | 'degrees';
  /** A scale scored another way is a row of its own: the name says which ("NDI (%)", "VAS in cm"). */
  scaleHint?: RegExp;
  source: OutcomeSource | null;
}

export interface OutcomeChange {
  /** Positive when the patient improved, whatever the scale's direction. */
  change: number;
  improved: boolean;
  /** Null when the instrument has no MCID or is unknown. */
  meetsMcid: boolean | null;
}

const FARRAR_2001: OutcomeSource = {
  document:
    'Farrar JT et al., Clinical importance of changes in chronic pain intensity, Pain 2001;94:149–158',
  url: 'https://doi.org/10.1016/S0304-3959(01)00349-9',
};
const OSTELO_2008: OutcomeSource = {
  document:
    'Ostelo RW et al., Interpreting change scores for pain and functional status in low back pain, Spine 2008;33:90–94',
  url: 'https://doi.org/10.1097/BRS.0b013e31815e3a10',
};
const YOUNG_2009: OutcomeSource = {
  document: 'Young IA et al., Responsiveness of the Neck Disability Index, Spine J 2009;9:802–808',
  url: 'https://doi.org/10.1016/j.spinee.2009.06.002',
};
const ROY_2009: OutcomeSource = {
  document:
    'Roy JS et al., Measuring shoulder function: a systematic review of four questionnaires, Arthritis Rheum 2009;61:623–632',
  url: 'https://doi.org/10.1002/art.24396',
};
const RYSSTAD_2020: OutcomeSource = {
  document:
    'Rysstad T et al., Responsiveness and minimal important change of the QuickDASH and PSFS, BMC Musculoskelet Disord 2020;21:328',
  url: 'https://doi.org/10.1186/s12891-020-03289-z',
};

const pain = { min: 0, higherIsBetter: false } as const;

export const OUTCOME_MEASURES: readonly OutcomeMeasure[] = [
  // 2 points or a 30 % reduction.
  {
    id: 'NPRS',
    name: 'Numeric Pain Rating Scale',
    ...pain,
    max: 10,
    mcid: 2,
    mcidRelative: 0.3,
    unit: 'points',
    source: FARRAR_2001,
  },
  // 15 mm (1.5 cm) or 30 %.
  {
    id: 'VAS',
    name: 'Visual Analogue Scale for pain',
    ...pain,
    max: 100,
    mcid: 15,
    mcidRelative: 0.3,
    unit: 'mm',
    source: OSTELO_2008,
  },
  {
    id: 'VAS-CM',
    name: 'Visual Analogue Scale for pain (cm)',
    ...pain,
    max: 10,
    mcid: 1.5,
    mcidRelative: 0.3,
    unit: 'cm',
    scaleHint: /^vas\b.*\bcm\b/i,
    source: OSTELO_2008,
  },
  // 10 points or 30 %.
  {
    id: 'ODI',
    name: 'Oswestry Disability Index',
    ...pain,
    max: 100,
    mcid: 10,
    mcidRelative: 0.3,
    unit: 'points',
    source: OSTELO_2008,
  },
  // 7.5 of 50 points, 15 of 100 when scored as a percentage.
  {
    id: 'NDI',
    name: 'Neck Disability Index',
    ...pain,
    max: 50,
    mcid: 7.5,
    mcidRelative: null,
    unit: 'points',
    source: YOUNG_2009,
  },
  {
    id: 'NDI-%',
    name: 'Neck Disability Index (%)',
    ...pain,
    max: 100,
    mcid: 15,
    mcidRelative: null,
    unit: '%',
    scaleHint: /^ndi\b.*(%|percent)/i,
    source: YOUNG_2009,
  },
  // Mean of the activity scores.
  {
    id: 'PSFS',
    name: 'Patient-Specific Functional Scale',
    min: 0,
    max: 10,
    higherIsBetter: true,
    mcid: 2,
    mcidRelative: null,
    unit: 'points',
    source: RYSSTAD_2020,
  },
  {
    id: 'LEFS',
    name: 'Lower Extremity Functional Scale',
    min: 0,
    max: 80,
    higherIsBetter: true,
    mcid: 9,
    mcidRelative: null,
    unit: 'points',
    source: {
      document: 'Binkley JM et al., The Lower Extremity Functional Scale, Phys Ther 1999;79:371–383',
      url: 'https://doi.org/10.1093/ptj/79.4.371',
    },
  },
  // The upper end of the reported range (10.8–13.6), so the letter does not overclaim.
  {
    id: 'QUICKDASH',
    name: 'QuickDASH',
    ...pain,
    max: 100,
    mcid: 13.6,
    mcidRelative: null,
    unit: 'points',
    source: RYSSTAD_2020,
  },
  {
    id: 'DASH',
    name: 'Disabilities of the Arm, Shoulder and Hand',
    ...pain,
    max: 100,
    mcid: 10.2,
    mcidRelative: null,
    unit: 'points',
    source: ROY_2009,
  },
  // The upper end of the reported range (8–13).
  {
    id: 'SPADI',
    name: 'Shoulder Pain and Disability Index',
    ...pain,
    max: 100,
    mcid: 13,
    mcidRelative: null,
    unit: 'points',
    source: ROY_2009,
  },
  // No universal MCID: compare with measurement error and normal values instead.
  {
    id: 'ROM',
    name: 'Range of motion',
    min: 0,
    max: 180,
    higherIsBetter: true,
    mcid: null,
    mcidRelative: null,
    unit: 'degrees',
    source: null,
  },
];

/**
 * The instrument with this id (case-insensitive), e.g. `NPRS`.
 * @example
 * lookupOutcomeMeasure('odi')?.mcid; // 10
 */
export function lookupOutcomeMeasure(id: string): OutcomeMeasure | undefined {
  const wanted = id.trim().toUpperCase();
  return OUTCOME_MEASURES.find((measure) => measure.id === wanted);
}

/**
 * How much a score moved between baseline and now, and whether it reaches the MCID: the
 * absolute change, or the relative one where the source gives it (NPRS 3 → 1.5 is 50 %).
 * Unknown instruments are allowed: their direction is `higherIsBetter` (default false, as for
 * pain and disability scales) and `meetsMcid` is null.
 * @example
 * assessChange({ instrument: 'NPRS', baseline: 7, current: 4 });
 * // { change: 3, improved: true, meetsMcid: true }
 */
export function assessChange(input: {
  instrument: string;
  baseline: number;
  current: number;
  higherIsBetter?: boolean;
}): OutcomeChange {
  const measure = lookupOutcomeMeasure(input.instrument);
  const higherIsBetter = measure?.higherIsBetter ?? input.higherIsBetter ?? false;
  // Round away binary noise such as 2.3 - 0.3 = 1.9999999999999998.
  const change = roundTo(higherIsBetter ? input.current - input.baseline : input.baseline - input.current, 6);
  const mcid = measure?.mcid ?? null;
  if (mcid === null) return { change, improved: change > 0, meetsMcid: null };
  const relative = measure?.mcidRelative ?? null;
  const relativeMet =
    relative !== null && input.baseline > 0 && change > 0 && roundTo(change / input.baseline, 6) >= relative;
  return { change, improved: change > 0, meetsMcid: change >= mcid || relativeMet };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
}
