import { describe, expect, it } from 'vitest';
import { check, generate, type Finding } from '../../src/index.js';
import { loadFixtureCodeSets } from '../support/code-set-fixtures.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const codeSets = await loadFixtureCodeSets();
const options = { today: TODAY, codeSets };

function appealWith(mutate: (input: Record<string, any>) => void): Record<string, any> {
  const input = loadExample('appeal');
  mutate(input);
  return input;
}

function representationFindings(input: Record<string, any>): Finding[] {
  const report = check('appeal', input, options);
  expect(report.issues).toEqual([]);
  return report.findings.filter((finding) => /REPRESENTATIVE|APPEALING_PARTY|APPOINTMENT/.test(finding.code));
}

const withoutDesignation = (input: Record<string, any>) => {
  delete input.authorizedRepresentative;
};

describe('the member’s authorized representative', () => {
  it('is noted in the letter and its designation enclosed', async () => {
    const { pdf } = await generate<string>('appeal', loadExample('appeal'), options);
    const { text } = await readPdf(pdf);
    expect(text).toContain(
      'Daniel Brennan has designated Sarah Lindqvist, PT, DPT as authorized representative for this appeal (the plan’s authorized representative form, signed November 18, 2026); a copy is enclosed.',
    );
    expect(text).toMatch(/Enclosures: .*; the plan’s authorized representative form\./);
  });

  it('is noted without a copy when none goes with the letter', async () => {
    const input = appealWith((value) => {
      value.authorizedRepresentative.enclosed = false;
    });
    const { text } = await readPdf((await generate<string>('appeal', input, options)).pdf);
    expect(text).toContain('(the plan’s authorized representative form, signed November 18, 2026).');
    expect(text).not.toContain('a copy is enclosed');
    expect(text).not.toMatch(/Enclosures: .*authorized representative form/);
  });

  it('is asked for when a provider appeals a health-plan denial for the member', () => {
    const findings = representationFindings(appealWith(withoutDesignation));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'AUTHORIZED_REPRESENTATIVE_NOT_NOTED',
        level: 'warning',
        path: 'authorizedRepresentative',
      }),
    ]);
    expect(findings[0]?.source).toContain('29 CFR 2560.503-1');
  });

  it('is not asked for on an expedited appeal or an Original Medicare redetermination', () => {
    expect(
      representationFindings(
        appealWith((input) => {
          withoutDesignation(input);
          input.denial.level = 'expedited';
          input.denial.expeditedReason = 'Waiting would put his return to work at risk.';
        }),
      ),
    ).toEqual([]);
    expect(
      representationFindings(
        appealWith((input) => {
          withoutDesignation(input);
          input.coverage.planType = 'Medicare';
          input.denial.level = 'medicare-redetermination';
        }),
      ),
    ).toEqual([]);
  });

  // 32 CFR 199.10; tricare.mil: network providers are not appropriate appealing parties unless
  // appointed by the beneficiary in writing.
  it('is required of a TRICARE network provider, not of a non-network one', () => {
    const tricare = (networkProvider: boolean | undefined) =>
      appealWith((input) => {
        withoutDesignation(input);
        input.coverage.planType = 'TRICARE';
        if (networkProvider !== undefined) input.networkProvider = networkProvider;
      });
    expect(representationFindings(tricare(true))).toEqual([
      expect.objectContaining({
        code: 'TRICARE_NETWORK_PROVIDER_NEEDS_APPOINTMENT',
        level: 'error',
        path: 'authorizedRepresentative',
      }),
    ]);
    expect(representationFindings(tricare(true))[0]?.source).toContain('32 CFR 199.10');
    expect(representationFindings(tricare(false))).toEqual([]);
    expect(representationFindings(tricare(undefined))).toEqual([
      expect.objectContaining({
        code: 'TRICARE_APPEALING_PARTY_UNCLEAR',
        level: 'warning',
        path: 'networkProvider',
      }),
    ]);
    const appointed = tricare(true);
    appointed.authorizedRepresentative = {
      document: 'Appointment of Representative form',
      signedOn: '2026-11-18',
    };
    expect(representationFindings(appointed)).toEqual([]);
  });
});
