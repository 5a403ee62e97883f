// Everyday words for the built-in ICD-10-CM table, so that the look-up finds "neck pain" (M54.2,
// Cervicalgia) and "plantar heel pain" (plantar fasciitis). A search aid only: the letter prints the
// code's official title. Keyed by code or code prefix (every code that starts with it).
export const ICD10CM_KEYWORDS: Readonly<Record<string, string>> = {
  'M54.2': 'neck pain ache stiff sore',
  'M54.5': 'lower back pain ache lumbago backache sore',
  'M54.6': 'upper back pain ache mid middle between shoulder blades',
  'M54.3': 'back leg pain nerve',
  'M54.1': 'pinched nerve',
  'M25.51': 'shoulder pain ache sore',
  'M25.55': 'hip pain ache',
  'M25.56': 'knee pain ache',
  'M79.67': 'foot pain ache',
  'M72.2': 'plantar heel pain foot arch',
  'M67.A': 'plantar heel pain foot arch',
  'G44.2': 'headache tension stress',
  'R51.9': 'headache head pain ache',
  'M62.83': 'muscle spasm cramp knot knots tight tightness',
  'M79.1': 'muscle pain ache sore soreness',
  'M79.7': 'widespread pain',
  'M77.1': 'tennis elbow pain',
  'G56.0': 'wrist hand numbness tingling',
  'M26.6': 'tmj jaw pain ache clenching',
  'S13.4': 'whiplash neck strain sprain car accident',
};

/** The everyday words for a code, from every key it starts with. */
export function keywordsFor(code: string): string {
  return Object.entries(ICD10CM_KEYWORDS)
    .filter(([prefix]) => code.startsWith(prefix))
    .map(([, words]) => words)
    .join(' ');
}
