import { describe, expect, it } from 'vitest';
import { check, type Finding } from '../../src/index.js';
import { loadFixtureCodeSets } from '../support/code-set-fixtures.js';
import { loadExample, TODAY } from '../support/pdf.js';

const codeSets = await loadFixtureCodeSets();

function findingsOf(
  kind: string,
  example: string,
  mutate: (input: Record<string, any>) => void,
  today = TODAY,
): Finding[] {
  const input = loadExample(example);
  mutate(input);
  const report = check(kind, input, { today, codeSets });
  expect(report.issues).toEqual([]);
  return report.findings;
}

const billing = (findings: Finding[]) =>
  findings.filter((finding) => /^(NCCI_|MEDICARE_(THERAPY|KX|RECERT|PROGRESS))/.test(finding.code));
const codesOf = (findings: Finding[]) => billing(findings).map((finding) => finding.code);

/** The procedures as the examples billed them before regions and modifiers were given. */
function withoutRegions(input: Record<string, any>) {
  for (const procedure of input.treatment.procedures) {
    delete procedure.region;
    delete procedure.modifiers;
  }
}

describe('NCCI procedure-to-procedure pairs', () => {
  it.each([
    ['lmn', 'lmn-insurance', 'treatment.procedures.0.region'],
    ['prescription', 'prescription', 'treatment.procedures.1.region'],
  ])(
    'warns about 97124 with 97140 in the %s example as it was billed, with no regions',
    (kind, example, path) => {
      const findings = billing(findingsOf(kind, example, withoutRegions));
      expect(findings).toEqual([
        expect.objectContaining({ code: 'NCCI_PAIR_SAME_REGION', level: 'warning', path }),
      ]);
      expect(findings[0]?.message).toContain('97124 and 97140 are an NCCI procedure-to-procedure pair');
      expect(findings[0]?.message).toContain('modifier 59 or XS');
      expect(findings[0]?.source).toContain('Procedure-to-Procedure (PTP) edits');
    },
  );

  it('warns about the pair on one named region, even with modifier XS', () => {
    const findings = findingsOf('lmn', 'lmn-insurance', (input) => {
      input.treatment.procedures[0].region = 'Lumbar spine';
    });
    expect(codesOf(findings)).toEqual(['NCCI_PAIR_SAME_REGION']);
  });

  it('asks for modifier XS or 59 on distinct regions, and accepts either', () => {
    const missing = findingsOf('lmn', 'lmn-insurance', (input) => {
      delete input.treatment.procedures[0].modifiers;
    });
    expect(billing(missing)).toEqual([
      expect.objectContaining({
        code: 'NCCI_PAIR_NEEDS_MODIFIER',
        level: 'info',
        path: 'treatment.procedures.0.modifiers',
      }),
    ]);
    expect(missing[0]?.message).toContain('97124 and 97140 are an NCCI pair, here on distinct regions');
    expect(codesOf(findingsOf('lmn', 'lmn-insurance', () => undefined))).toEqual([]);
    expect(
      codesOf(
        findingsOf('lmn', 'lmn-insurance', (input) => {
          input.treatment.procedures[0].modifiers = ['59'];
        }),
      ),
    ).toEqual([]);
  });

  it.each(['97140', '97124', '97112'])(
    'warns about chiropractic manipulation with %s on its region',
    (code) => {
      const findings = findingsOf('lmn', 'lmn-auto-pip', (input) => {
        input.treatment.procedures[0].region = 'cervical and thoracic spine';
        (input.treatment.procedures as unknown[]).push({
          code,
          minutes: 15,
          region: 'cervical and thoracic spine',
        });
        input.treatment.sessionMinutes = 45;
      });
      expect(billing(findings)).toEqual([
        expect.objectContaining({ code: 'NCCI_PAIR_SAME_REGION', path: 'treatment.procedures.2.region' }),
      ]);
      expect(findings[0]?.message).toContain(`${code} and 98941 are an NCCI procedure-to-procedure pair`);
    },
  );

  it('says nothing about manipulation with exercise, which is not a pair', () => {
    expect(codesOf(findingsOf('lmn', 'lmn-auto-pip', () => undefined))).toEqual([]);
  });
});

describe('Medicare outpatient therapy', () => {
  function medicare(input: Record<string, any>) {
    input.coverage.planType = 'Medicare';
    input.treatment.service = 'physical-therapy';
    input.treatment.procedures = [
      { code: '97110', minutes: 30, modifiers: ['GP'] },
      { code: '97140', minutes: 15, modifiers: ['GP'] },
    ];
    input.treatment.duration = { weeks: 4 };
    input.treatment.frequency = { count: 2, per: 'week' };
    input.treatment.sessionMinutes = 45;
  }

  it('notes the KX threshold of the letter’s calendar year and the targeted-review amount', () => {
    const findings = billing(findingsOf('prescription', 'prescription', medicare));
    expect(findings).toEqual([expect.objectContaining({ code: 'MEDICARE_KX_THRESHOLD', level: 'info' })]);
    expect(findings[0]?.message).toContain('For 2026');
    expect(findings[0]?.message).toContain('above $2,480 a year must carry modifier KX');
    expect(findings[0]?.message).toContain('above $3,000 claims may be selected for targeted medical review');
    expect(findings[0]?.source).toContain('90 FR 49266');
  });

  it('says when it does not know the year’s threshold', () => {
    const findings = findingsOf(
      'prescription',
      'prescription',
      (input) => {
        medicare(input);
        input.date = '2027-01-11';
        input.provider.signature = { mode: 'for-signature' };
        input.treatment.startDate = '2027-01-18';
        delete input.reEvaluationDate;
      },
      '2027-01-11',
    );
    expect(codesOf(findings)).toEqual(['MEDICARE_KX_THRESHOLD_UNKNOWN']);
  });

  it('asks for modifier GP on each therapy code that lacks it', () => {
    const findings = findingsOf('prescription', 'prescription', (input) => {
      medicare(input);
      delete input.treatment.procedures[1].modifiers;
    });
    expect(billing(findings)[0]).toEqual(
      expect.objectContaining({
        code: 'MEDICARE_THERAPY_MODIFIER_MISSING',
        level: 'warning',
        path: 'treatment.procedures.1.modifiers',
      }),
    );
    expect(codesOf(findings)).toEqual(['MEDICARE_THERAPY_MODIFIER_MISSING', 'MEDICARE_KX_THRESHOLD']);
  });

  // Pub. 100-02 ch. 15 §220.1.3: certified for at most 90 calendar days; §220.3.D: a progress
  // report at least every 10 treatment days.
  it('asks for recertification of a course past 90 days, and progress reports past 10 visits', () => {
    const findings = billing(
      findingsOf('prescription', 'prescription', (input) => {
        medicare(input);
        input.treatment.duration = { weeks: 16 };
      }),
    );
    expect(findings.map((finding) => finding.code)).toEqual([
      'MEDICARE_KX_THRESHOLD',
      'MEDICARE_RECERTIFICATION_DUE',
      'MEDICARE_PROGRESS_REPORTS',
    ]);
    // The prescription's course starts on November 30, 2026; 90 days later is February 28, 2027.
    expect(findings[1]?.message).toContain('recertified by February 28, 2027');
    expect(findings[2]?.message).toContain('This course plans 32 visits');
  });

  it('leaves the other plans alone', () => {
    expect(
      codesOf(
        findingsOf('prescription', 'prescription', (input) => {
          medicare(input);
          input.coverage.planType = 'PPO';
          input.treatment.duration = { weeks: 16 };
        }),
      ),
    ).toEqual([]);
  });
});
