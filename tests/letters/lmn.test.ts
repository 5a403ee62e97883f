import { describe, expect, it } from 'vitest';
import { check, type Finding } from '../../src/index.js';
import { loadSharedCodeSets } from '../support/code-sets.js';
import { loadExample, TODAY } from '../support/pdf.js';

// With the official code sets loaded, valid codes outside the built-in table raise no info finding.
const codeSets = await loadSharedCodeSets();

function findingsOf(
  example: string,
  mutate: (input: Record<string, any>) => void = () => undefined,
  today = TODAY,
) {
  const input = loadExample(example);
  mutate(input);
  const report = check('lmn', input, { today, codeSets });
  expect(report.issues).toEqual([]);
  return report.findings;
}

const codes = (findings: Finding[]) => findings.map((finding) => finding.code);

describe('lmn rules', () => {
  it('finds nothing to say about the realistic examples', () => {
    expect(findingsOf('lmn-insurance')).toEqual([]);
    expect(findingsOf('lmn-hsa-fsa')).toEqual([]);
  });

  it('refuses an HSA/FSA course over 12 months, and accepts exactly 12', () => {
    const over = findingsOf('lmn-hsa-fsa', (input) => {
      input.treatment.duration = { months: 13 };
    });
    expect(over).toEqual([
      expect.objectContaining({
        code: 'HSA_FSA_DURATION_OVER_12_MONTHS',
        level: 'error',
        path: 'treatment.duration',
      }),
      // HealthEquity counts its 12 months from the letter date.
      expect.objectContaining({ code: 'ADMINISTRATOR_DURATION_TOO_LONG' }),
    ]);
    expect(over[0]?.message).toContain('November 30, 2027');
    const twelve = findingsOf('lmn-hsa-fsa', (input) => {
      input.treatment.duration = { months: 12 };
      input.treatment.startDate = input.date;
    });
    expect(codes(twelve)).toEqual([]);
    const insurance = findingsOf('lmn-insurance', (input) => {
      input.treatment.duration = { months: 18 };
    });
    // No 12-month limit for an insurer; the length still needs its reason.
    expect(codes(insurance)).toEqual(['CARE_AMOUNT_NOT_EXPLAINED']);
  });

  // IRS Notice 2010-38: an FSA or HRA reimburses a child through the year the child turns 26;
  // IRS Pub. 969: an HSA only the account holder's tax dependents.
  it('warns when a dependent is past what the account may pay for', () => {
    const adultChild = (accountType: string, dateOfBirth: string) =>
      codes(
        findingsOf('lmn-hsa-fsa', (input) => {
          input.patient.dateOfBirth = dateOfBirth;
          input.coverage.accountType = accountType;
        }),
      ).filter((code) => code.startsWith('FSA_') || code.startsWith('HSA_'));
    // The course runs December 1, 2026 to May 31, 2027: a child born in 2000 turns 26 in 2026.
    expect(adultChild('FSA', '2000-03-15')).toEqual(['FSA_CHILD_PAST_AGE_26']);
    expect(adultChild('FSA', '2001-03-15')).toEqual([]);
    expect(adultChild('HSA', '2005-03-15')).toEqual(['HSA_DEPENDENT_NOT_TAX_DEPENDENT']);
    expect(adultChild('HSA', '2012-03-15')).toEqual([]);
  });

  it('warns when no goal is stated, or none can be measured', () => {
    const none = findingsOf('lmn-insurance', (input) => {
      input.clinical.goals = [];
    });
    expect(none).toEqual([expect.objectContaining({ code: 'NO_MEASURABLE_GOAL', level: 'warning' })]);
    const vague = findingsOf('lmn-insurance', (input) => {
      input.clinical.goals = ['Feel better', 'Move more freely'];
    });
    expect(codes(vague)).toEqual(['NO_MEASURABLE_GOAL']);
  });

  it('notes when no prior treatment is documented', () => {
    const findings = findingsOf('lmn-insurance', (input) => {
      input.clinical.priorTreatments = [];
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'NO_PRIOR_TREATMENT',
        level: 'info',
        path: 'clinical.priorTreatments',
      }),
    ]);
  });

  it('warns about a letter dated after today', () => {
    const findings = findingsOf('lmn-insurance', () => undefined, '2026-11-19');
    expect(findings).toEqual([
      expect.objectContaining({ code: 'LETTER_DATE_IN_FUTURE', level: 'warning', path: 'date' }),
    ]);
  });

  it('refuses a date of birth after the letter date', () => {
    const findings = findingsOf('lmn-insurance', (input) => {
      input.patient.dateOfBirth = '2026-11-21';
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'BIRTH_AFTER_LETTER_DATE',
        level: 'error',
        path: 'patient.dateOfBirth',
      }),
    ]);
  });

  it('warns when an HSA/FSA course starts before the letter', () => {
    const findings = findingsOf('lmn-hsa-fsa', (input) => {
      input.treatment.startDate = '2026-11-01';
    });
    expect(codes(findings)).toEqual(['SERVICE_BEFORE_LETTER']);
  });

  it('warns when only a massage therapist signs', () => {
    const findings = findingsOf('lmn-insurance', (input) => {
      input.provider.credentials = ['LMT'];
    });
    expect(codes(findings)).toEqual(['SIGNER_NOT_QUALIFIED']);
  });

  it('asks for the diagnosis in words when the code is not in the built-in table', () => {
    const findings = findingsOf('lmn-insurance', (input) => {
      input.diagnoses = [{ code: 'M41.125' }, { code: 'M54.50' }];
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'DIAGNOSIS_WITHOUT_DESCRIPTION',
        level: 'error',
        path: 'diagnoses.0.description',
      }),
    ]);
  });

  it('reports blocking findings as not ok', () => {
    const input = loadExample('lmn-insurance');
    input.patient.dateOfBirth = '2027-01-01';
    expect(check('lmn', input, { today: TODAY }).ok).toBe(false);
    expect(check('lmn', loadExample('lmn-insurance'), { today: TODAY }).ok).toBe(true);
  });
});
