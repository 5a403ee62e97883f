// Who may sign: a clinician who can diagnose and order the care (42 CFR 410.61(b); SSA §1861(r)),
// and what a chiropractor's letter may cover (Pub. 100-02, ch. 15 §240.1.3).
import type { Finding } from '../errors.js';
import type { Coverage, Diagnosis, Provider, Treatment } from './fields.js';
import { finding } from './findings/index.js';

// Credentials that can diagnose and order therapy: physicians (MD, DO, DPM, DC within their
// scope), NP, CNS, PA, and the physical or occupational therapist who sets the plan of care.
const ORDERING = new Set([
  'MD',
  'DO',
  'DPM',
  'DC',
  'NP',
  'APRN',
  'FNP',
  'CNS',
  'PA',
  'PA-C',
  'PT',
  'DPT',
  'OT',
  'OTR',
  'OTD',
]);
// Credentials that cannot: massage therapists and bodywork boards, nurses, assistants, trainers.
const NOT_ORDERING = new Set([
  'LMT',
  'CMT',
  'RMT',
  'LMP',
  'LMBT',
  'BCTMB',
  'NCTMB',
  'CNMT',
  'RN',
  'LPN',
  'LVN',
  'CNA',
  'MA',
  'PTA',
  'COTA',
  'ATC',
  'CSCS',
]);
const PHYSICIAN = new Set(['MD', 'DO']);
const MANIPULATION = new Set(['98940', '98941', '98942']);
// Neuromusculoskeletal conditions: the M chapter, injuries, headache and nerve disorders, pain;
// external-cause and Z codes say how or why, not what.
const NEUROMUSCULOSKELETAL = /^(M|S|T0[0-9]|T1[0-4]|G4[34]|G5|R2[5-9]|R51|R52|G89|[V-Z])/;
const SUBLUXATION = /^M99\.[01]/;

function normalizeCredential(credential: string): string {
  return credential.toUpperCase().replace(/\./g, '');
}

/** An LMN, prescription or prior-authorization request is signed by a clinician who can order the care. */
export function signerRules(provider: Pick<Provider, 'credentials'>): Finding[] {
  const credentials = provider.credentials.map(normalizeCredential);
  if (credentials.some((credential) => ORDERING.has(credential))) return [];
  const named = provider.credentials.join(', ');
  return credentials.every((credential) => NOT_ORDERING.has(credential))
    ? [finding('SIGNER_NOT_QUALIFIED', 'provider.credentials', { credentials: named })]
    : [finding('SIGNER_CREDENTIAL_UNKNOWN', 'provider.credentials', { credentials: named })];
}

interface ChiropracticLetter {
  provider: Pick<Provider, 'credentials'>;
  diagnoses: readonly Diagnosis[];
  treatment: Pick<Treatment, 'procedures'>;
  coverage?: Pick<Coverage, 'planType'> | undefined;
}

/** A letter signed by a chiropractor (and no physician): its scope, and Original Medicare's rules. */
export function chiropracticRules(data: ChiropracticLetter): Finding[] {
  const credentials = data.provider.credentials.map(normalizeCredential);
  if (!credentials.includes('DC') || credentials.some((credential) => PHYSICIAN.has(credential))) return [];
  const findings = data.diagnoses.flatMap((diagnosis, index) =>
    NEUROMUSCULOSKELETAL.test(diagnosis.code)
      ? []
      : [finding('CHIROPRACTIC_OUTSIDE_SCOPE', `diagnoses.${index}.code`)],
  );
  if (data.coverage?.planType !== 'Medicare') return findings;
  const { procedures } = data.treatment;
  procedures.forEach((procedure, index) => {
    const path = `treatment.procedures.${index}.code`;
    if (procedure.code === '98943') findings.push(finding('MEDICARE_CHIROPRACTIC_EXTRASPINAL', path));
    else if (!MANIPULATION.has(procedure.code))
      findings.push(finding('MEDICARE_CHIROPRACTIC_ONLY_MANIPULATION', path));
  });
  const manipulates = procedures.some((procedure) => MANIPULATION.has(procedure.code));
  if (manipulates && !SUBLUXATION.test(data.diagnoses[0]?.code ?? '')) {
    findings.push(finding('MEDICARE_CHIROPRACTIC_SUBLUXATION', 'diagnoses.0.code'));
  }
  return findings;
}
