// Issue 9: a letter says only what its input says, prints all of it, keeps codes and words in
// agreement, explains unusual amounts of care, signs honestly and reads in a clinician's voice.
import { describe, expect, it } from 'vitest';
import { check, generate, type Finding } from '../../src/index.js';
import { describesSameCondition } from '../../src/letters/content-rules.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

type Input = Record<string, any>;

function example(name: string, mutate: (input: Input) => void = () => undefined): Input {
  const input = loadExample(name);
  mutate(input);
  return input;
}

const kindOf = (name: string) => (name.startsWith('lmn') ? 'lmn' : name);

async function textOf(name: string, mutate?: (input: Input) => void) {
  const { pdf } = await generate(kindOf(name), example(name, mutate), { today: TODAY, force: true });
  return readPdf(pdf);
}

function findingsOf(name: string, mutate?: (input: Input) => void): Finding[] {
  const report = check(kindOf(name), example(name, mutate), { today: TODAY });
  expect(report.issues).toEqual([]);
  return report.findings;
}

const withCode = (findings: Finding[], code: string) => findings.filter((finding) => finding.code === code);

const ATTESTATION = {
  attestedOn: '2026-11-20',
  statement: 'I reviewed this letter and sign it electronically.',
};

describe('a letter says only what its input says (observation 1)', () => {
  const bare = (input: Input) => {
    for (const field of [
      'priorTreatments',
      'functionalLimitations',
      'outcomeMeasures',
      'goals',
      'symptoms',
    ]) {
      input.clinical[field] = [];
    }
    delete input.clinical.expectedOutcome;
    delete input.clinical.withoutTreatment;
    delete input.clinical.reassessEveryWeeks;
    delete input.clinical.examFindings;
  };

  it('leaves the optional sections of an insurance LMN out, with their headings, and asks for what a payer needs', async () => {
    const { text } = await textOf('lmn-insurance', bare);
    expect(text).not.toContain('has not yet received other treatment');
    expect(text).not.toContain('return to the activities listed above');
    expect(text).not.toContain('with the same measures');
    expect(text).not.toContain('I will reassess progress');
    expect(text).not.toContain('muscle guarding');
    for (const heading of [
      'Treatment to date',
      'Why this treatment is necessary',
      'Goals and reassessment',
    ]) {
      expect(text).not.toContain(heading);
    }
    const findings = findingsOf('lmn-insurance', bare);
    expect(withCode(findings, 'NECESSITY_NOT_EXPLAINED')).toEqual([
      expect.objectContaining({ level: 'error', path: 'clinical.expectedOutcome' }),
    ]);
    expect(withCode(findings, 'NO_OUTCOME_MEASURE')).toEqual([
      expect.objectContaining({ level: 'warning', path: 'clinical.outcomeMeasures' }),
    ]);
  });

  it('prints no stock sentence about muscle guarding in an HSA/FSA letter, and warns instead', async () => {
    for (const name of ['lmn-hsa-fsa', 'lmn-hsa-fsa-generic', 'lmn-hsa-fsa-navia']) {
      const { text } = await textOf(name, (input) => delete input.clinical.expectedOutcome);
      expect(text).not.toContain('muscle guarding');
      expect(text).not.toContain('expected to reduce pain');
    }
    expect(
      withCode(
        findingsOf('lmn-hsa-fsa-navia', (input) => delete input.clinical.expectedOutcome),
        'HSA_FSA_PURPOSE_NOT_EXPLAINED',
      ),
    ).toEqual([expect.objectContaining({ level: 'warning', path: 'clinical.expectedOutcome' })]);
  });

  it('never calls patient-reported scores objective in an appeal', async () => {
    const { text } = await textOf('appeal');
    expect(text).not.toContain('Objective');
    expect(text).toContain('Patient-reported progress.');
    expect(text).toContain('NPRS, ODI and PSFS are patient-reported.');
  });
});

describe('everything the input says reaches the letter (observation 2)', () => {
  it('prints the HSA/FSA symptoms, deliverer, precautions, outcome measures and diagnosis onset', async () => {
    const { text } = await textOf('lmn-hsa-fsa', (input) => {
      input.clinical.symptoms = [{ description: 'Night spasm of the back muscles', severity: 6 }];
      input.treatment.precautions = ['light pressure over the brace pressure points'];
      input.clinical.outcomeMeasures = [{ instrument: 'NPRS', baseline: 6, target: 2 }];
      input.diagnoses[0].onset = '2024-05-01';
    });
    expect(text).toContain('Night spasm of the back muscles, rated 6/10');
    expect(text).toContain('by a state-licensed massage therapist');
    expect(text).toContain('Precautions light pressure over the brace pressure points');
    expect(text).toContain('Numeric Pain Rating Scale (NPRS), baseline 6, target 2');
    expect(text).toContain('(onset May 1, 2024)');
  });

  it('prints the insurance LMN targets and a units column for its codes', async () => {
    const { text } = await textOf('lmn-insurance');
    expect(text).toContain('Numeric Pain Rating Scale (NPRS), baseline 7 on November 13, 2026, target 3');
    expect(text).toContain('Code Service Minutes per session Units per session');
    expect(text).toContain('97124-XS Massage therapy, gluteal muscles and hips 30 2');
  });

  it('prints the appeal precautions', async () => {
    const { text } = await textOf('appeal');
    expect(text).toContain('Precautions: no lumbar manipulation (osteopenia on the 2025 DEXA scan).');
  });
});

describe('codes agree with their words (observation 3)', () => {
  it('warns when a description does not match its code, naming the code and its title', () => {
    const findings = findingsOf('lmn-insurance', (input) => {
      input.diagnoses[0].description = 'Fibromyalgia';
    });
    expect(withCode(findings, 'DIAGNOSIS_DESCRIPTION_MISMATCH')).toEqual([
      expect.objectContaining({ level: 'warning', path: 'diagnoses.0.description' }),
    ]);
    expect(withCode(findings, 'DIAGNOSIS_DESCRIPTION_MISMATCH')[0]?.message).toContain(
      'M54.50, “Low back pain, unspecified”',
    );
  });

  it('tolerates case, punctuation, "unspecified", plurals and word order', () => {
    expect(describesSameCondition('low back pain', 'Low back pain, unspecified')).toBe(true);
    expect(describesSameCondition('Spasms of the back muscles', 'Muscle spasm of back')).toBe(true);
    expect(
      describesSameCondition('Tension-type headache', 'Tension-type headache, unspecified, not intractable'),
    ).toBe(true);
    expect(
      describesSameCondition(
        'Scoliosis, adolescent idiopathic (thoracolumbar)',
        'Adolescent idiopathic scoliosis, thoracolumbar region',
      ),
    ).toBe(true);
    expect(describesSameCondition('Fibromyalgia', 'Low back pain, unspecified')).toBe(false);
    expect(describesSameCondition('Neck pain', 'Low back pain, unspecified')).toBe(false);
  });

  it('refuses a diagnosis or procedure code listed twice', () => {
    const findings = findingsOf('lmn-insurance', (input) => {
      input.diagnoses = [...(input.diagnoses as object[]), { code: 'm5450' }];
      input.treatment.procedures = [
        ...(input.treatment.procedures as object[]),
        { code: '97124', minutes: 8 },
      ];
      input.treatment.sessionMinutes = 61;
    });
    expect(withCode(findings, 'DUPLICATE_DIAGNOSIS_CODE')).toEqual([
      expect.objectContaining({ level: 'error', path: 'diagnoses.2.code' }),
    ]);
    expect(withCode(findings, 'DUPLICATE_PROCEDURE_CODE')).toEqual([
      expect.objectContaining({ level: 'error', path: 'treatment.procedures.2.code' }),
    ]);
  });

  it('refuses a general examination code (Z00–Z13) in an HSA/FSA letter only', () => {
    const wellness = (input: Input) => {
      input.diagnoses = [...(input.diagnoses as object[]), { code: 'Z00.00' }];
    };
    expect(withCode(findingsOf('lmn-hsa-fsa', wellness), 'WELLNESS_CODE_IN_HSA_FSA')).toEqual([
      expect.objectContaining({ level: 'error', path: 'diagnoses.2.code' }),
    ]);
    expect(withCode(findingsOf('lmn-insurance', wellness), 'WELLNESS_CODE_IN_HSA_FSA')).toEqual([]);
  });

  it('warns about an office-visit code in an LMN, a prescription and a prior-authorization request', () => {
    const officeVisit = (input: Input) => {
      input.treatment.procedures = [...(input.treatment.procedures as object[]), { code: '99213' }];
    };
    for (const name of ['lmn-insurance', 'lmn-hsa-fsa', 'prescription', 'prior-auth']) {
      expect(withCode(findingsOf(name, officeVisit), 'PROCEDURE_NOT_THERAPY'), name).toEqual([
        expect.objectContaining({
          level: 'warning',
          path: expect.stringMatching(/^treatment\.procedures\.\d\.code$/),
        }),
      ]);
    }
    expect(withCode(findingsOf('lmn-insurance'), 'PROCEDURE_NOT_THERAPY')).toEqual([]);
  });
});

describe('the amount of care is plausible or explained (observation 4)', () => {
  it('asks why an insurance letter wants 7 visits a week for 12 months, or 60 weeks', () => {
    const daily = findingsOf('lmn-insurance', (input) => {
      input.treatment.frequency = { count: 7, per: 'week' };
      input.treatment.duration = { months: 12 };
    });
    expect(withCode(daily, 'CARE_AMOUNT_NOT_EXPLAINED')).toEqual([
      expect.objectContaining({ level: 'warning', path: 'treatment.rationale' }),
    ]);
    expect(withCode(daily, 'CARE_AMOUNT_NOT_EXPLAINED')[0]?.message).toContain(
      '7 visits a week, 52 weeks of care and 364 sessions',
    );
    const long = findingsOf('lmn-insurance', (input) => {
      input.treatment.frequency = { count: 1, per: 'week' };
      input.treatment.duration = { weeks: 60 };
    });
    expect(withCode(long, 'CARE_AMOUNT_NOT_EXPLAINED')[0]?.message).toContain(
      '60 weeks of care and 60 sessions',
    );
    expect(withCode(findingsOf('lmn-insurance'), 'CARE_AMOUNT_NOT_EXPLAINED')).toEqual([]);
  });

  it('accepts the amount with a rationale, and prints it', async () => {
    const explained = (input: Input) => {
      input.treatment.frequency = { count: 4, per: 'week' };
      input.treatment.rationale = 'Spasm returns within two days of each visit during the first month.';
    };
    expect(withCode(findingsOf('prior-auth', explained), 'CARE_AMOUNT_NOT_EXPLAINED')).toEqual([]);
    expect((await textOf('lmn-insurance', explained)).text).toContain(
      'Spasm returns within two days of each visit during the first month.',
    );
  });
});

describe('three signing states, each honest (observation 6)', () => {
  it('marks a draft DRAFT on every page', async () => {
    const { pages } = await textOf('lmn-insurance', (input) => delete input.provider.signature);
    for (const page of pages) expect(page).toContain('DRAFT');
  });

  it('prints a clean copy to sign by hand, with the signer named, claiming no signature', async () => {
    const { text } = await textOf('lmn-insurance', (input) => {
      input.provider.signature = { mode: 'for-signature' };
    });
    expect(text).not.toContain('DRAFT');
    expect(text).not.toContain('Electronically signed');
    expect(text).toContain('Signature: ______________________________ Date: ______________');
    expect(text).toContain('Daniel Okafor, DC');
  });

  it('says "Electronically signed" only with the signer’s attestation, which it prints', async () => {
    const { text } = await textOf('lmn-insurance', (input) => {
      input.provider.signature = { electronic: ATTESTATION };
    });
    expect(text).toContain(
      'Electronically signed by Daniel Okafor, DC on November 20, 2026. I reviewed this letter and sign it electronically.',
    );
    expect(text).not.toContain('DRAFT');
    expect(text).not.toContain('Signature: ___');
  });

  it('no longer takes a bare signedOn date, or an image alone, as a signature', () => {
    const signedOn = check(
      'lmn',
      example('lmn-insurance', (input) => {
        input.provider.signature = { signedOn: '2026-11-20' };
      }),
    );
    expect(signedOn.issues).toEqual([
      expect.objectContaining({
        path: 'provider.signature.signedOn',
        code: 'UNKNOWN_FIELD',
        message: expect.stringContaining('a date alone does not sign a letter: use mode "for-signature"'),
      }),
    ]);
    const image = check(
      'lmn',
      example('lmn-insurance', (input) => {
        input.provider.signature = {
          image:
            'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
        };
      }),
    );
    expect(image.issues).toEqual([
      expect.objectContaining({ path: 'provider.signature.image', code: 'ATTESTATION_REQUIRED' }),
    ]);
    const mode = check(
      'lmn',
      example('lmn-insurance', (input) => {
        input.provider.signature = { mode: 'electronic' };
      }),
    );
    expect(mode.issues).toEqual([
      expect.objectContaining({ path: 'provider.signature.electronic', code: 'ATTESTATION_REQUIRED' }),
    ]);
  });

  it('refuses an attestation dated before the letter', () => {
    const findings = findingsOf('lmn-insurance', (input) => {
      input.provider.signature = { electronic: { ...ATTESTATION, attestedOn: '2026-11-01' } };
    });
    expect(withCode(findings, 'SIGNED_BEFORE_LETTER_DATE')).toEqual([
      expect.objectContaining({ level: 'error', path: 'provider.signature.electronic.attestedOn' }),
    ]);
  });
});

describe('a clinician’s voice (observation 7)', () => {
  it('names an adult by title and surname, or by full name, never by first name alone', async () => {
    const titled = (await textOf('lmn-insurance')).text;
    expect(titled).toContain('I have been treating Ms. Delgado-Reyes since September 8, 2026');
    expect(titled).not.toMatch(/\bMaria\b(?! Delgado-Reyes)/);
    const untitled = (await textOf('lmn-insurance', (input) => delete input.patient.title)).text;
    expect(untitled).toContain('I have been treating Maria Delgado-Reyes since');
    const appeal = (
      await textOf('appeal', (input) => {
        input.denial.level = 'expedited';
      })
    ).text;
    expect(appeal).toContain("jeopardize Mr. Brennan's health");
  });

  it('may name a child by first name', async () => {
    const { text } = await textOf('lmn-hsa-fsa', (input) => {
      input.purpose = 'insurance';
      input.recipient = { organization: 'Blue Shield of California' };
      input.coverage = { payer: 'Blue Shield of California', planType: 'PPO', memberId: 'X1' };
      delete input.packet;
    });
    expect(text).toContain('I have been treating Liam since May 14, 2019');
  });

  it('writes as a clinician, not a form: no "treating … provider of", no "HSA account", clean list joins', async () => {
    const { text } = await textOf('lmn-hsa-fsa');
    expect(text).not.toContain('I am the treating');
    expect(text).not.toMatch(/(HSA|FSA|HRA) account/);
    expect(text).toContain('I have treated Liam Nguyen since May 14, 2019 in my pediatrics practice.');
    expect(text).toContain('from the flexible spending account (FSA) of Thu Nguyen');
    expect(text).toContain('Physical therapy (Schroth exercises), 12 weeks: curve stable; spasm unchanged.');
    expect(text).not.toContain(') (');
    const appeal = (await textOf('appeal')).text;
    expect(appeal).not.toMatch(/; [A-Z][a-z]/);
    expect(appeal).toContain(
      'Home exercise program from his physician, 4 weeks: could not progress because of spasm.',
    );
  });

  it('spells out each instrument on first use', async () => {
    const { text } = await textOf('lmn-insurance');
    expect(text.indexOf('Oswestry Disability Index (ODI)')).toBeGreaterThan(-1);
    expect(text.indexOf('Numeric Pain Rating Scale (NPRS)')).toBeLessThan(text.indexOf('on the NPRS'));
  });

  it('cites the ERISA claims rule only for an employer plan', async () => {
    const california = (await textOf('prior-auth')).text;
    expect(california).not.toContain('2560.503-1');
    expect(california).toContain('I ask for your written decision within 15 calendar days of receipt.');
    const employer = (
      await textOf('prior-auth', (input) => {
        input.coverage.employerPlan = true;
      })
    ).text;
    expect(employer).toContain('the time allowed for pre-service claims (29 CFR 2560.503-1)');
  });
});
