// How a letter names an outcome instrument: spelled out with its abbreviation on first use
// ("Oswestry Disability Index (ODI)"), and whether the patient reports the score.
import { findInstrument } from './assess-progress.js';

// Questionnaires and rating scales the patient answers (patient-reported outcome measures);
// range of motion is measured by the clinician. Sources are cited in findings/letter-content.ts.
const PATIENT_REPORTED = new Set(['NPRS', 'VAS', 'ODI', 'NDI', 'PSFS']);

export interface InstrumentName {
  /** First use: "Numeric Pain Rating Scale (NPRS)", or the input's words for an unknown instrument. */
  full: string;
  /** Later uses: "NPRS", as the input writes it. */
  short: string;
  /** False for clinician measures and for instruments lmnkit does not know. */
  patientReported: boolean;
}

/**
 * @example
 * nameInstrument('ODI').full; // 'Oswestry Disability Index (ODI)'
 * nameInstrument('NPRS (sitting)').full; // 'Numeric Pain Rating Scale (NPRS), sitting'
 */
export function nameInstrument(instrument: string): InstrumentName {
  const known = findInstrument(instrument);
  const written = instrument.trim();
  if (known === undefined) return { full: written, short: written, patientReported: false };
  const patientReported = PATIENT_REPORTED.has(known.id);
  const lower = written.toLowerCase();
  const startsWithName = lower.startsWith(known.name.toLowerCase());
  const rest = written.slice(startsWithName ? known.name.length : known.id.length).trim();
  const note = rest.replace(/^\((.*)\)$/, '$1').replace(/^[,;:–-]\s*/, '');
  const full = `${known.name} (${known.id})${note === '' ? '' : `, ${note}`}`;
  const short = startsWithName ? `${known.id}${note === '' ? '' : `, ${note}`}` : written;
  return { full, short, patientReported };
}
