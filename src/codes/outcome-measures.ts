// Outcome measures for progress and appeal letters (DOMAIN §7): payers look for a change
// that reaches the MCID (minimal clinically important difference).

export interface OutcomeMeasure {
  id: string;
  name: string;
  min: number;
  max: number;
  higherIsBetter: boolean;
  /** In the scale's own unit; null where no single MCID is accepted. */
  mcid: number | null;
  unit: string;
}

export interface OutcomeChange {
  /** Positive when the patient improved, whatever the scale's direction. */
  change: number;
  improved: boolean;
  /** Null when the instrument has no MCID or is unknown. */
  meetsMcid: boolean | null;
}

export const OUTCOME_MEASURES: readonly OutcomeMeasure[] = [
  // Childs 2005, Farrar 2001: 2 points (or a 30 % reduction).
  {
    id: 'NPRS',
    name: 'Numeric Pain Rating Scale',
    min: 0,
    max: 10,
    higherIsBetter: false,
    mcid: 2,
    unit: 'points',
  },
  // Ostelo 2008 consensus.
  {
    id: 'VAS',
    name: 'Visual Analogue Scale for pain',
    min: 0,
    max: 100,
    higherIsBetter: false,
    mcid: 15,
    unit: 'mm',
  },
  {
    id: 'ODI',
    name: 'Oswestry Disability Index',
    min: 0,
    max: 100,
    higherIsBetter: false,
    mcid: 10,
    unit: '%',
  },
  // Young 2009: 7.5 of 50 points.
  {
    id: 'NDI',
    name: 'Neck Disability Index',
    min: 0,
    max: 50,
    higherIsBetter: false,
    mcid: 7.5,
    unit: 'points',
  },
  // Mean of the activity scores (Stratford 1995, Horn 2012).
  {
    id: 'PSFS',
    name: 'Patient-Specific Functional Scale',
    min: 0,
    max: 10,
    higherIsBetter: true,
    mcid: 2,
    unit: 'points',
  },
  // No universal MCID: compare with measurement error and normal values instead.
  { id: 'ROM', name: 'Range of motion', min: 0, max: 180, higherIsBetter: true, mcid: null, unit: 'degrees' },
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
 * How much a score moved between baseline and now, and whether it reaches the MCID
 * (DOMAIN [OUT-2]). Unknown instruments are allowed: their direction is `higherIsBetter`
 * (default false, as for pain and disability scales) and `meetsMcid` is null.
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
  return { change, improved: change > 0, meetsMcid: mcid === null ? null : change >= mcid };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor + 0;
}
