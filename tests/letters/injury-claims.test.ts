import { describe, expect, it } from 'vitest';
import { check, generate, type Finding } from '../../src/index.js';
import { loadFixtureCodeSets } from '../support/code-set-fixtures.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const codeSets = await loadFixtureCodeSets();
const options = { today: TODAY, codeSets };

function findingsOf(example: string, mutate: (input: Record<string, any>) => void = () => undefined) {
  const input = loadExample(example);
  mutate(input);
  const report = check('lmn', input, options);
  expect(report.issues).toEqual([]);
  return report.findings;
}

const codes = (findings: Finding[]) => findings.map((finding) => finding.code);

async function pdfTextOf(input: Record<string, any>): Promise<string> {
  const { pdf } = await generate<string>('lmn', input, options);
  return (await readPdf(pdf)).text;
}

describe('workers’ compensation and auto PIP letters', () => {
  it('find nothing to say about the realistic examples', () => {
    expect(findingsOf('lmn-workers-comp')).toEqual([]);
    expect(findingsOf('lmn-auto-pip')).toEqual([]);
  });

  it('print the workers’ compensation claim and the clinician’s causation statement', async () => {
    const text = await pdfTextOf(loadExample('lmn-workers-comp'));
    expect(text).toContain("Plan: State Compensation Insurance Fund (Workers' Compensation)");
    expect(text).toContain('Workers’ compensation claim');
    expect(text).toContain('Claim number 05528814-WC');
    expect(text).toContain('Date of injury October 14, 2026');
    expect(text).toContain('State of the claim CA');
    expect(text).toContain('Employer Northgate Produce Distributors, Inc.');
    expect(text).toContain('Adjuster Angela Ruiz, State Compensation Insurance Fund, phone (916) 555-0376');
    expect(text).toContain(
      'How the injury happened: On October 14, 2026, while working as a warehouse selector',
    );
    expect(text).toContain(
      'Relation of the diagnoses to the injury In my opinion, to a reasonable degree of medical probability, the lumbar strain',
    );
  });

  it('print the PIP claim with the insured and the causation statement', async () => {
    const text = await pdfTextOf(loadExample('lmn-auto-pip'));
    expect(text).toContain('Auto insurance claim (personal injury protection)');
    expect(text).toContain('Claim number KMA-26-0441907');
    expect(text).toContain('Date of injury October 30, 2026');
    expect(text).toContain('Insured Elena Vasquez (policyholder)');
    expect(text).toContain(
      'Adjuster Daniel Brooks, Keystone Mutual Auto Insurance, phone (813) 555-0241 ext. 318',
    );
    expect(text).toContain('resulted from the rear-end collision of October 30, 2026');
  });

  it('say nothing about causation that no field states, and report it', async () => {
    const input = loadExample('lmn-workers-comp');
    delete input.coverage.injury.causation;
    expect(codes(check('lmn', input, options).findings)).toEqual(['CAUSATION_NOT_STATED']);
    const { pdf } = await generate<string>('lmn', input, { ...options, force: true });
    const { text } = await readPdf(pdf);
    expect(text).toContain('Claim number 05528814-WC');
    expect(text).not.toContain('Relation of the diagnoses to the injury');
    expect(text).not.toContain('caused by');
  });

  it('refuse a workers’ compensation letter without its claim', () => {
    const findings = findingsOf('lmn-workers-comp', (input) => {
      delete input.coverage.injury;
    });
    expect(findings).toEqual([
      expect.objectContaining({ code: 'INJURY_CLAIM_MISSING', level: 'error', path: 'coverage.injury' }),
    ]);
    expect(findings[0]?.message).toContain("A Workers' Compensation letter");
  });

  it('name each missing claim detail', () => {
    const findings = findingsOf('lmn-workers-comp', (input) => {
      const { injury } = input.coverage;
      delete injury.claimNumber;
      delete injury.dateOfInjury;
      delete injury.state;
      delete injury.employer;
      injury.adjuster = { name: 'Angela Ruiz' };
    });
    expect(findings.map(({ code, level, path }) => [code, level, path])).toEqual([
      ['INJURY_CLAIM_NUMBER_MISSING', 'error', 'coverage.injury.claimNumber'],
      ['INJURY_DATE_MISSING', 'error', 'coverage.injury.dateOfInjury'],
      ['INJURY_STATE_MISSING', 'warning', 'coverage.injury.state'],
      ['INJURY_EMPLOYER_MISSING', 'warning', 'coverage.injury.employer'],
      ['INJURY_ADJUSTER_MISSING', 'warning', 'coverage.injury.adjuster'],
    ]);
  });

  it('ask an auto letter for the insured and no member ID', () => {
    expect(
      codes(
        findingsOf('lmn-auto-pip', (input) => {
          delete input.coverage.injury.insured;
          input.coverage.planType = 'Auto Med-Pay';
        }),
      ),
    ).toEqual(['INJURY_INSURED_MISSING']);
  });

  it('refuse a date of injury after the letter', () => {
    expect(
      codes(
        findingsOf('lmn-auto-pip', (input) => {
          input.coverage.injury.dateOfInjury = '2026-11-21';
        }),
      ),
    ).toEqual(['INJURY_DATE_AFTER_LETTER']);
  });
});

describe('an injury billed to a health plan', () => {
  function healthPlanFor(injury: Record<string, unknown> | undefined, diagnosis = 'S39.012D') {
    return (input: Record<string, any>) => {
      input.diagnoses = [{ code: diagnosis, description: 'Strain of muscle of lower back' }];
      if (injury !== undefined) input.coverage.injury = injury;
    };
  }

  it('warns when an injury code has an accident date and no note of the primary payer', () => {
    const findings = findingsOf('lmn-insurance', healthPlanFor({ dateOfInjury: '2026-10-14' }));
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'PRIMARY_PAYER_NOT_NOTED',
        level: 'warning',
        path: 'coverage.primaryPayer',
      }),
    ]);
    expect(findings[0]?.source).toContain('Medicare Secondary Payer Manual');
  });

  it('is satisfied by a note of the primary payer, and prints it', async () => {
    const mutate = healthPlanFor({ dateOfInjury: '2026-10-14' });
    const note = 'Auto PIP benefits exhausted on November 3, 2026; the carrier’s letter is enclosed';
    expect(
      findingsOf('lmn-insurance', (input) => {
        mutate(input);
        input.coverage.primaryPayer = note;
      }),
    ).toEqual([]);
    const input = loadExample('lmn-insurance');
    mutate(input);
    input.coverage.primaryPayer = note;
    const text = await pdfTextOf(input);
    expect(text).toContain(`Injury Date of injury October 14, 2026 Primary payer ${note}`);
  });

  it('says nothing without an accident date, or for a sequela', () => {
    expect(findingsOf('lmn-insurance', healthPlanFor(undefined))).toEqual([]);
    expect(
      codes(findingsOf('lmn-insurance', healthPlanFor({ dateOfInjury: '2024-03-02' }, 'S39.012S'))),
    ).toEqual(['SEQUELA_CODE_FIRST']);
  });
});
