// Baseline against now for each outcome measure, and whether the change is clinically
// meaningful (the MCID of src/codes/outcome-measures.ts, absolute or relative).
import {
  assessChange,
  lookupOutcomeMeasure,
  OUTCOME_MEASURES,
  type OutcomeMeasure as Instrument,
} from '../codes/outcome-measures.js';
import type { OutcomeMeasure } from './fields.js';

export interface Progress {
  /** Undefined for an instrument we do not know: its direction and MCID are unknown. */
  instrument: Instrument | undefined;
  baseline: number;
  current: number;
  /** Positive when the patient improved (known instruments); current − baseline otherwise. */
  change: number;
  /** Null for an unknown instrument. */
  improved: boolean | null;
  /** Null when the instrument has no MCID or is unknown. */
  meetsMcid: boolean | null;
}

/**
 * The instrument a measure names: its id (`NPRS`), its id followed by a note (`NPRS (sitting)`), or
 * its name; a note naming another scale picks that row (`NDI (%)`, `VAS in cm`).
 */
export function findInstrument(name: string): Instrument | undefined {
  const wanted = name.trim().toLowerCase();
  return (
    OUTCOME_MEASURES.find((instrument) => instrument.scaleHint?.test(wanted)) ??
    lookupOutcomeMeasure(name) ??
    OUTCOME_MEASURES.find(
      (instrument) =>
        new RegExp(`^${instrument.id.toLowerCase()}\\b`).test(wanted) ||
        wanted.startsWith(instrument.name.toLowerCase()),
    )
  );
}

/** Undefined when the measure has not been taken again since baseline. */
export function assessProgress(measure: OutcomeMeasure): Progress | undefined {
  const { baseline, current } = measure;
  if (current === undefined) return undefined;
  const instrument = findInstrument(measure.instrument);
  if (instrument === undefined) {
    return {
      instrument,
      baseline,
      current,
      change: round(current - baseline),
      improved: null,
      meetsMcid: null,
    };
  }
  const { change, improved, meetsMcid } = assessChange({ instrument: instrument.id, baseline, current });
  return { instrument, baseline, current, change, improved, meetsMcid };
}

/** 2 points, 1 point, 15 mm, 10° ("%" scales move in percentage points). */
export function describeAmount(value: number, instrument: Instrument | undefined): string {
  const amount = String(Math.abs(value));
  switch (instrument?.unit) {
    case undefined:
      return amount;
    case 'degrees':
      return `${amount}°`;
    case 'mm':
      return `${amount} mm`;
    case 'cm':
      return `${amount} cm`;
    default:
      return `${amount} point${Math.abs(value) === 1 ? '' : 's'}`;
  }
}

/** The MCID as a letter states it: "2 points or 30 % of the baseline". */
export function describeMcid(instrument: Instrument): string | undefined {
  if (instrument.mcid === null) return undefined;
  const absolute = describeAmount(instrument.mcid, instrument);
  return instrument.mcidRelative === null
    ? absolute
    : `${absolute} or ${Math.round(instrument.mcidRelative * 100)} % of the baseline`;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 + 0;
}
