import { describe, expect, it } from 'vitest';
import { check, type Finding } from '../../src/index.js';
import { loadSharedCodeSets } from '../support/code-sets.js';
import { loadExample, TODAY } from '../support/pdf.js';

const codeSets = await loadSharedCodeSets();

function findingsOf(kind: string, example: string, mutate: (input: Record<string, any>) => void): Finding[] {
  const input = loadExample(example);
  mutate(input);
  const report = check(kind, input, { today: TODAY, codeSets });
  expect(report.issues).toEqual([]);
  return report.findings;
}

const signerCodes = (findings: Finding[]) =>
  findings.map((finding) => finding.code).filter((code) => code.startsWith('SIGNER_'));

describe('signer', () => {
  it.each([
    ['lmn', 'lmn-insurance'],
    ['prescription', 'prescription'],
    ['prior-auth', 'prior-auth'],
  ])(
    'refuses a %s signed by a clinician who cannot order the care, naming the credential',
    (kind, example) => {
      for (const credentials of [['LMT', 'BCTMB'], ['LMBT'], ['RN']]) {
        const findings = findingsOf(kind, example, (input) => {
          input.provider.credentials = credentials;
        });
        const signer = findings.filter((finding) => finding.code === 'SIGNER_NOT_QUALIFIED');
        expect(signer).toEqual([expect.objectContaining({ level: 'error', path: 'provider.credentials' })]);
        expect(signer[0]?.message).toContain(`Signed as ${credentials.join(', ')},`);
        expect(signer[0]?.source).toContain('42 CFR 410.61');
      }
    },
  );

  it('accepts the clinicians who can diagnose and order, and warns about a credential it does not know', () => {
    for (const credentials of [
      ['MD'],
      ['D.O.'],
      ['DC'],
      ['NP'],
      ['PA-C'],
      ['PT', 'DPT'],
      ['OTR'],
      ['LMT', 'DPT'],
    ]) {
      const findings = findingsOf('prescription', 'prescription', (input) => {
        input.provider.credentials = credentials;
      });
      expect(signerCodes(findings)).toEqual([]);
    }
    const unknown = findingsOf('prescription', 'prescription', (input) => {
      input.provider.credentials = ['LAc'];
    });
    expect(signerCodes(unknown)).toEqual(['SIGNER_CREDENTIAL_UNKNOWN']);
  });
});

describe('chiropractic scope', () => {
  it('warns about a chiropractor’s letter for a condition outside the neuromusculoskeletal scope', () => {
    const findings = findingsOf('lmn', 'lmn-insurance', (input) => {
      input.diagnoses = [...input.diagnoses, { code: 'I10', description: 'Essential hypertension' }];
    });
    expect(findings.filter((finding) => finding.code === 'CHIROPRACTIC_OUTSIDE_SCOPE')).toEqual([
      expect.objectContaining({ level: 'warning', path: 'diagnoses.2.code' }),
    ]);
  });

  it('applies Original Medicare’s chiropractic rules: manipulation only, with a subluxation first', () => {
    const findings = findingsOf('lmn', 'lmn-insurance', (input) => {
      input.coverage.planType = 'Medicare';
      input.treatment.service = 'chiropractic-care';
      input.treatment.procedures = [{ code: '98940' }, { code: '98943' }, { code: '97014' }];
    });
    const codes = findings.map((finding) => [finding.code, finding.path]);
    expect(codes).toContainEqual(['MEDICARE_CHIROPRACTIC_EXTRASPINAL', 'treatment.procedures.1.code']);
    expect(codes).toContainEqual(['MEDICARE_CHIROPRACTIC_ONLY_MANIPULATION', 'treatment.procedures.2.code']);
    expect(codes).toContainEqual(['MEDICARE_UNATTENDED_STIMULATION_CODE', 'treatment.procedures.2.code']);
    expect(codes).toContainEqual(['MEDICARE_CHIROPRACTIC_SUBLUXATION', 'diagnoses.0.code']);
    const subluxation = findingsOf('lmn', 'lmn-insurance', (input) => {
      input.coverage.planType = 'Medicare';
      input.treatment.procedures = [{ code: '98940' }];
      input.diagnoses = [
        { code: 'M99.03', description: 'Segmental and somatic dysfunction of lumbar region' },
        ...input.diagnoses,
      ];
    });
    expect(
      subluxation.map((finding) => finding.code).filter((code) => code.startsWith('MEDICARE_CHIRO')),
    ).toEqual([]);
  });
});
