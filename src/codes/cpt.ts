// CPT codes are AMA-copyrighted: we store the numbers with our own short labels, never the
// AMA descriptors. HCPCS Level II codes (letter + 4 digits) are CMS public domain.
// Timed codes are those whose descriptor counts "each 15 minutes"; they are billed by the total
// timed minutes of the session (Medicare Claims Processing Manual, Pub. 100-04, ch. 5 §20.2,
// https://www.cms.gov/Regulations-and-Guidance/Guidance/Manuals/downloads/clm104c05.pdf).

export interface ProcedureCode {
  code: string;
  /** Our own short label, fit for a table cell in a letter. */
  label: string;
  /** Billed in 15-minute units under the 8-minute rule; untimed codes are one unit per session. */
  timed: boolean;
  /** Billed per hour (work hardening, each additional hour), so neither rule above counts it. */
  hourly?: true;
  system: 'CPT' | 'HCPCS';
}

type Row = [code: string, label: string, billing: 'timed' | 'untimed' | 'hourly'];

const ROWS: readonly Row[] = [
  // Supervised modalities: one unit a session.
  ['97010', 'Hot or cold packs', 'untimed'],
  ['97012', 'Mechanical traction', 'untimed'],
  ['97014', 'Electrical stimulation, unattended', 'untimed'],
  ['97016', 'Vasopneumatic compression device', 'untimed'],
  ['97018', 'Paraffin bath', 'untimed'],
  ['97022', 'Whirlpool', 'untimed'],
  ['97024', 'Diathermy', 'untimed'],
  ['97026', 'Infrared light', 'untimed'],
  ['97028', 'Ultraviolet light', 'untimed'],
  // Constant-attendance modalities, in 15-minute units.
  ['97032', 'Electrical stimulation, attended', 'timed'],
  ['97033', 'Iontophoresis', 'timed'],
  ['97034', 'Contrast baths', 'timed'],
  ['97035', 'Ultrasound therapy', 'timed'],
  ['97036', 'Hubbard tank', 'timed'],
  // Low-level laser (2025): its descriptor states no time.
  ['97037', 'Low-level laser therapy', 'untimed'],
  // Unlisted codes are billed by report, one line a session.
  ['97039', 'Other modality (unlisted)', 'untimed'],
  // Therapeutic procedures.
  ['97110', 'Therapeutic exercise', 'timed'],
  ['97112', 'Neuromuscular re-education', 'timed'],
  ['97113', 'Aquatic therapy with exercise', 'timed'],
  ['97116', 'Gait training', 'timed'],
  ['97124', 'Massage therapy', 'timed'],
  ['97129', 'Cognitive function intervention, first 15 minutes', 'timed'],
  ['97130', 'Cognitive function intervention, each further 15 minutes', 'timed'],
  ['97139', 'Other therapeutic procedure (unlisted)', 'untimed'],
  ['97140', 'Manual therapy', 'timed'],
  ['97150', 'Group therapeutic procedure', 'untimed'],
  ['97530', 'Therapeutic activities', 'timed'],
  ['97533', 'Sensory integration techniques', 'timed'],
  ['97535', 'Self-care and home management training', 'timed'],
  ['97537', 'Community and work reintegration training', 'timed'],
  ['97542', 'Wheelchair management training', 'timed'],
  ['97545', 'Work hardening, first 2 hours', 'untimed'],
  ['97546', 'Work hardening, each further hour', 'hourly'],
  // Evaluations: one a session.
  ['97161', 'Physical therapy evaluation, low complexity', 'untimed'],
  ['97162', 'Physical therapy evaluation, moderate complexity', 'untimed'],
  ['97163', 'Physical therapy evaluation, high complexity', 'untimed'],
  ['97164', 'Physical therapy re-evaluation', 'untimed'],
  ['97165', 'Occupational therapy evaluation, low complexity', 'untimed'],
  ['97166', 'Occupational therapy evaluation, moderate complexity', 'untimed'],
  ['97167', 'Occupational therapy evaluation, high complexity', 'untimed'],
  ['97168', 'Occupational therapy re-evaluation', 'untimed'],
  // Tests, measurements, orthotics and prosthetics, in 15-minute units.
  ['97750', 'Physical performance test', 'timed'],
  ['97755', 'Assistive technology assessment', 'timed'],
  ['97760', 'Orthotic management and training, first encounter', 'timed'],
  ['97761', 'Prosthetic training, first encounter', 'timed'],
  ['97763', 'Orthotic or prosthetic management, later encounter', 'timed'],
  // Chiropractic manipulation: one a session, by the regions treated.
  ['98940', 'Chiropractic spinal manipulation, 1–2 regions', 'untimed'],
  ['98941', 'Chiropractic spinal manipulation, 3–4 regions', 'untimed'],
  ['98942', 'Chiropractic spinal manipulation, 5 regions', 'untimed'],
  ['98943', 'Chiropractic extraspinal manipulation', 'untimed'],
  ['G0283', 'Electrical stimulation, unattended (Medicare)', 'untimed'],
];

export const CPT_CODES: readonly ProcedureCode[] = ROWS.map(([code, label, billing]) => ({
  code,
  label,
  timed: billing === 'timed',
  ...(billing === 'hourly' && { hourly: true as const }),
  system: /^\d/.test(code) ? 'CPT' : 'HCPCS',
}));

/**
 * Our entry for a CPT or HCPCS code (case and surrounding spaces ignored).
 * @example
 * lookupCpt('97124')?.label; // 'Massage therapy'
 */
export function lookupCpt(code: string): ProcedureCode | undefined {
  const wanted = code.trim().toUpperCase();
  return CPT_CODES.find((entry) => entry.code === wanted);
}

/**
 * Whether a code looks like a CPT code (5 digits) or a HCPCS Level II code (a letter and
 * 4 digits). Expects a trimmed, upper-case code.
 * @example
 * isProcedureCodeFormat('97140'); // true
 * isProcedureCodeFormat('G0283'); // true
 */
export function isProcedureCodeFormat(code: string): boolean {
  return /^(?:\d{5}|[A-Z]\d{4})$/.test(code);
}
