// CPT codes are AMA-copyrighted: we store the numbers with our own short labels, never the
// AMA descriptors (DOMAIN §2). HCPCS Level II codes (letter + 4 digits) are CMS public domain.

export interface ProcedureCode {
  code: string;
  /** Our own short label, fit for a table cell in a letter. */
  label: string;
  /** Billed in 15-minute units under the 8-minute rule; untimed codes are one unit per session. */
  timed: boolean;
  system: 'CPT' | 'HCPCS';
}

export const CPT_CODES: readonly ProcedureCode[] = [
  { code: '97124', label: 'Massage therapy', timed: true, system: 'CPT' },
  { code: '97140', label: 'Manual therapy', timed: true, system: 'CPT' },
  { code: '97112', label: 'Neuromuscular re-education', timed: true, system: 'CPT' },
  { code: '97110', label: 'Therapeutic exercise', timed: true, system: 'CPT' },
  { code: '97530', label: 'Therapeutic activities', timed: true, system: 'CPT' },
  { code: '97035', label: 'Ultrasound therapy', timed: true, system: 'CPT' },
  { code: '97010', label: 'Hot or cold packs', timed: false, system: 'CPT' },
  { code: '97012', label: 'Mechanical traction', timed: false, system: 'CPT' },
  { code: '97014', label: 'Electrical stimulation, unattended', timed: false, system: 'CPT' },
  { code: 'G0283', label: 'Electrical stimulation, unattended (Medicare)', timed: false, system: 'HCPCS' },
  { code: '97161', label: 'Physical therapy evaluation, low complexity', timed: false, system: 'CPT' },
  { code: '97162', label: 'Physical therapy evaluation, moderate complexity', timed: false, system: 'CPT' },
  { code: '97163', label: 'Physical therapy evaluation, high complexity', timed: false, system: 'CPT' },
  { code: '97164', label: 'Physical therapy re-evaluation', timed: false, system: 'CPT' },
  { code: '98940', label: 'Chiropractic spinal manipulation, 1–2 regions', timed: false, system: 'CPT' },
  { code: '98941', label: 'Chiropractic spinal manipulation, 3–4 regions', timed: false, system: 'CPT' },
  { code: '98942', label: 'Chiropractic spinal manipulation, 5 regions', timed: false, system: 'CPT' },
  { code: '98943', label: 'Chiropractic extraspinal manipulation', timed: false, system: 'CPT' },
];

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
