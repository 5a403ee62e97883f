import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, generate, RuleError, type Finding } from '../../src/index.js';
import {
  AdministratorProfile,
  findAdministratorProfile,
  listAdministratorProfiles,
} from '../../src/letters/lmn/administrators/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

type Input = Record<string, any>;

function findingsOf(example: string, mutate: (input: Input) => void = () => undefined): Finding[] {
  const input = loadExample(example);
  mutate(input);
  const report = check('lmn', input, { today: TODAY });
  expect(report.issues).toEqual([]);
  return report.findings;
}

/** Findings from the administrator profiles only (other rules have their own tests). */
function administratorFindings(example: string, mutate?: (input: Input) => void): Finding[] {
  return findingsOf(example, mutate).filter((finding) => finding.code.startsWith('ADMINISTRATOR_'));
}

const EXAMPLES = readdirSync(new URL('../../examples/', import.meta.url))
  .filter((file) => file.startsWith('lmn-hsa-fsa') && file.endsWith('.json'))
  .map((file) => file.slice(0, -5));

/** The example written for each profile, by the profile its administrator selects. */
function exampleFor(profileId: string): string | undefined {
  return EXAMPLES.find(
    (example) =>
      findAdministratorProfile(loadExample(example).coverage?.administrator).profile.id === profileId,
  );
}

describe('administrator profiles', () => {
  it('has one valid profile per administrator, each with its sources and check date', () => {
    const profiles = listAdministratorProfiles();
    expect(profiles.map((profile) => profile.id)).toEqual([
      'healthequity',
      'fsafeds',
      'take-command',
      'via-benefits',
      'lively',
      'navia',
      'first-dollar',
      'generic',
    ]);
    for (const profile of profiles) {
      expect(AdministratorProfile.parse(profile)).toEqual(profile);
      expect(profile.sources.length).toBeGreaterThan(0);
      expect(profile.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(profile.maxMonths).toBeLessThanOrEqual(12);
    }
  });

  it('refuses a profile with an unknown field key or placeholder', () => {
    const [first] = listAdministratorProfiles();
    expect(() => AdministratorProfile.parse({ ...first, requires: ['patientShoeSize'] })).toThrow();
    expect(() => AdministratorProfile.parse({ ...first, certification: 'For {patient}.' })).toThrow();
  });

  it.each([
    ['HealthEquity', 'healthequity'],
    ['healthequity', 'healthequity'],
    ['WageWorks', 'healthequity'],
    ['Health Equity', 'healthequity'],
    ['FSAFEDS', 'fsafeds'],
    ['fsafeds', 'fsafeds'],
    ['Take Command Health', 'take-command'],
    ['take-command', 'take-command'],
    ['Vía Benefits', 'via-benefits'],
    ['LIVELY', 'lively'],
    ['Navia Benefit Solutions', 'navia'],
    ['First Dollar', 'first-dollar'],
  ])('matches %s to the %s profile, ignoring case, spaces and accents', (name, id) => {
    expect(findAdministratorProfile(name)).toMatchObject({ status: 'matched', profile: { id } });
  });

  it('uses the generic profile, with an info finding, for an unknown or missing administrator', () => {
    expect(findAdministratorProfile('Optum Financial')).toMatchObject({
      status: 'unknown',
      profile: { id: 'generic' },
    });
    expect(
      administratorFindings('lmn-hsa-fsa', (input) => {
        input.coverage.administrator = 'Acme Benefits';
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_UNKNOWN',
        level: 'info',
        path: 'coverage.administrator',
      }),
    ]);
    expect(
      administratorFindings('lmn-hsa-fsa', (input) => {
        delete input.coverage.administrator;
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_NOT_NAMED',
        level: 'info',
        path: 'coverage.administrator',
      }),
    ]);
  });
});

interface MissingCase {
  profile: string;
  field: string;
  path: string;
  /** The administrator's rule, as quoted in the message. */
  rule: RegExp;
  mutate: (input: Input) => void;
}

const MISSING: MissingCase[] = [
  {
    profile: 'healthequity',
    field: "the account holder's employer",
    path: 'patient.accountHolder.employer',
    rule: /HealthEquity \/ WageWorks requires the account holder's employer .*its Letter of Medical Necessity form/,
    mutate: (input) => {
      delete input.patient.accountHolder.employer;
    },
  },
  {
    profile: 'healthequity',
    field: "the account holder's name (a minor patient)",
    path: 'patient.accountHolder',
    rule: /HealthEquity \/ WageWorks requires the account holder's name .*the patient is a minor/,
    mutate: (input) => {
      delete input.patient.accountHolder;
    },
  },
  {
    profile: 'healthequity',
    field: 'the participant ID (an adult patient who holds the account)',
    path: 'coverage.participantId',
    rule: /HealthEquity \/ WageWorks requires the last 4 digits of the participant ID/,
    mutate: (input) => {
      delete input.patient.accountHolder;
      input.patient.dateOfBirth = '1985-02-09';
      input.coverage.employer = 'Riverside Unified School District';
    },
  },
  {
    profile: 'fsafeds',
    field: "the participant's employer",
    path: 'coverage.employer',
    rule: /FSAFEDS requires the account holder's employer .*may deny a letter that is missing any item on its list/,
    mutate: (input) => {
      delete input.coverage.employer;
    },
  },
  {
    profile: 'fsafeds',
    field: 'the participant ID',
    path: 'coverage.participantId',
    rule: /FSAFEDS requires the last 4 digits of the participant ID or SSN/,
    mutate: (input) => {
      delete input.coverage.participantId;
    },
  },
  {
    profile: 'fsafeds',
    field: 'how the treatment alleviates the condition',
    path: 'clinical.expectedOutcome',
    rule: /FSAFEDS requires how the treatment helps the condition/,
    mutate: (input) => {
      delete input.clinical.expectedOutcome;
    },
  },
  {
    profile: 'via-benefits',
    field: 'the last 4 of the SSN',
    path: 'coverage.participantId',
    rule: /Via Benefits requires the last 4 digits .*identifying information/,
    mutate: (input) => {
      delete input.coverage.participantId;
    },
  },
  {
    profile: 'lively',
    field: 'the expected outcome',
    path: 'clinical.expectedOutcome',
    rule: /Lively requires how the treatment helps the condition .*Lively lists it/,
    mutate: (input) => {
      delete input.clinical.expectedOutcome;
    },
  },
  {
    profile: 'lively',
    field: 'the alternatives tried',
    path: 'clinical.priorTreatments',
    rule: /Lively requires the treatments tried before/,
    mutate: (input) => {
      input.clinical.priorTreatments = [];
    },
  },
  {
    profile: 'generic',
    field: "a dependent's account holder's employer",
    path: 'patient.accountHolder.employer',
    rule: /HSA\/FSA administrators ask for the account holder's employer/,
    mutate: (input) => {
      input.patient.accountHolder = {
        firstName: 'Omar',
        lastName: 'Rahman',
        relationship: 'spouse',
        idLast4: '0412',
      };
      delete input.coverage.employer;
    },
  },
  {
    profile: 'generic',
    field: "a minor patient's account holder",
    path: 'patient.accountHolder',
    rule: /HSA\/FSA administrators ask for the account holder's name/,
    mutate: (input) => {
      input.patient.dateOfBirth = '2012-06-01';
    },
  },
];

describe('administrator profiles: required fields', () => {
  it.each(MISSING)('$profile: refuses a letter without $field', async ({ profile, path, rule, mutate }) => {
    const example = exampleFor(profile) ?? '';
    const errors = administratorFindings(example, mutate).filter((finding) => finding.level === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ code: 'ADMINISTRATOR_FIELD_MISSING', level: 'error', path }),
    ]);
    expect(errors[0]?.message).toMatch(rule);
    const url =
      listAdministratorProfiles().find((candidate) => candidate.id === profile)?.sources[0]?.url ?? '';
    expect(errors[0]?.source).toContain(`<${url}>`);
    const input = loadExample(example);
    mutate(input);
    await expect(generate('lmn', input, { today: TODAY })).rejects.toThrow(RuleError);
  });

  it('lets an FSAFEDS letter through once the employer is given, on the account holder or the coverage', () => {
    expect(administratorFindings('lmn-hsa-fsa-fsafeds')).toEqual([]);
    const onHolder = administratorFindings('lmn-hsa-fsa-fsafeds', (input) => {
      delete input.coverage.employer;
      input.patient.accountHolder = {
        firstName: 'Paul',
        lastName: 'Harper',
        relationship: 'spouse',
        employer: 'Department of Veterans Affairs',
        idLast4: '5521',
      };
    });
    expect(onHolder).toEqual([]);
  });

  it('asks participant items only where the administrator does, and of dependents under the generic profile', () => {
    // Navia and Take Command do not list the employer; generic asks it only of a dependent's account holder.
    expect(
      administratorFindings('lmn-hsa-fsa-navia', (input) => {
        delete input.patient.accountHolder.employer;
      }),
    ).toEqual([]);
    expect(administratorFindings('lmn-hsa-fsa-take-command')).toEqual([]);
    expect(
      administratorFindings('lmn-hsa-fsa-generic', (input) => {
        delete input.coverage.employer;
      }).map((finding) => finding.code),
    ).toEqual(['ADMINISTRATOR_UNKNOWN']);
  });
});

describe('administrator profiles: duration, timing and signer', () => {
  it('counts Take Command months from the signature, and prints the cut valid-through date when forced', async () => {
    const mutate = (input: Input) => {
      input.treatment.duration = { months: 12 };
      delete input.coverage.planYearEnd;
    };
    expect(administratorFindings('lmn-hsa-fsa-take-command', mutate)).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_DURATION_TOO_LONG',
        level: 'error',
        path: 'treatment.duration',
      }),
    ]);
    expect(administratorFindings('lmn-hsa-fsa-take-command', mutate)[0]?.message).toContain(
      'at most 12 months from the date it is signed; end the course by November 22, 2027',
    );
    // HealthEquity counts from the date the letter is written (November 24, 2026), not the first visit.
    const healthEquity = administratorFindings('lmn-hsa-fsa', mutate);
    expect(healthEquity.map((finding) => finding.code)).toEqual(['ADMINISTRATOR_DURATION_TOO_LONG']);
    expect(healthEquity[0]?.message).toContain(
      'from the date it is written; end the course by November 23, 2027',
    );
    const input = loadExample('lmn-hsa-fsa-take-command');
    mutate(input);
    const { pdf } = await generate('lmn', input, { today: TODAY, force: true });
    expect((await readPdf(pdf)).text).toContain('Valid through November 22, 2027');
  });

  it('warns when a course runs past the plan year for administrators that want a letter each plan year', () => {
    const pastPlanYear = (input: Input) => {
      input.coverage.planYearEnd = '2027-01-31';
    };
    expect(administratorFindings('lmn-hsa-fsa-take-command', pastPlanYear)).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_PAST_PLAN_YEAR',
        level: 'warning',
        path: 'treatment.duration',
      }),
    ]);
    expect(administratorFindings('lmn-hsa-fsa', pastPlanYear)).toEqual([]);
  });

  it('warns FSAFEDS and Take Command letters that name only symptoms', () => {
    const symptomsOnly = (input: Input) => {
      input.diagnoses = [{ code: 'M54.50' }, { code: 'R25.2' }];
    };
    for (const example of ['lmn-hsa-fsa-fsafeds', 'lmn-hsa-fsa-take-command']) {
      expect(administratorFindings(example, symptomsOnly)).toEqual([
        expect.objectContaining({ code: 'ADMINISTRATOR_DIAGNOSIS_NOT_SPECIFIC', level: 'warning' }),
      ]);
    }
    expect(administratorFindings('lmn-hsa-fsa', symptomsOnly)).toEqual([]);
    const withCondition = administratorFindings('lmn-hsa-fsa-take-command', (input) => {
      input.diagnoses = [{ code: 'M54.50' }, { code: 'M48.062' }];
    });
    expect(withCondition).toEqual([]);
  });

  it('warns when a HealthEquity letter is signed after treatment starts', () => {
    const findings = administratorFindings('lmn-hsa-fsa', (input) => {
      input.provider.signature.electronic.attestedOn = '2026-12-05';
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_SIGNED_AFTER_START',
        level: 'warning',
        path: 'provider.signature.electronic.attestedOn',
      }),
    ]);
  });

  it('warns when Via Benefits does not list the signer, and notes states reported to want MD/DO signers', () => {
    const nurse = administratorFindings('lmn-hsa-fsa-via-benefits', (input) => {
      input.provider.credentials = ['FNP-BC'];
    });
    expect(nurse).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_SIGNER_NOT_LISTED',
        level: 'warning',
        path: 'provider.credentials',
      }),
    ]);
    expect(nurse[0]?.message).toContain('MD, DO, PA, PA-C or DC');
    const alabama = administratorFindings('lmn-hsa-fsa-take-command', (input) => {
      input.patient.address = {
        line1: '100 Dexter Avenue',
        city: 'Montgomery',
        state: 'AL',
        postalCode: '36104',
      };
      input.provider.license.state = 'AL';
    });
    expect(alabama).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_STATE_MD_DO_SIGNER',
        level: 'info',
        path: 'provider.credentials',
      }),
    ]);
  });

  it('warns when the provider is licensed in another state than the patient lives in', () => {
    const findings = administratorFindings('lmn-hsa-fsa-lively', (input) => {
      input.patient.address.state = 'OR';
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'ADMINISTRATOR_LICENSE_STATE_DIFFERS',
        level: 'warning',
        path: 'provider.license.state',
      }),
    ]);
  });
});

// What each profile makes the letter print, beyond what every HSA/FSA letter prints.
const PRINTED: Record<string, string[]> = {
  healthequity: [
    'Thu Nguyen (mother), employed by Riverside Unified School District; participant ID ending 4821',
  ],
  fsafeds: [
    'Denise Harper (the patient), employed by Social Security Administration; participant ID ending 7310',
    'that it is given to alleviate this condition as described under Medical reason',
  ],
  'take-command': [
    'M48.062',
    'December 1, 2026 through February 22, 2027',
    'that the expense would not be incurred but for these conditions',
  ],
  'via-benefits': [
    'born April 18, 1956',
    'Rosa María Castillo Vega (the patient); participant ID ending 5517',
  ],
  lively: ['Treatment tried before:', 'that it is an established treatment and not an experimental one'],
  navia: [
    'Kwame Osei (spouse), employed by Cascade Regional Health; participant ID ending 2290',
    'December 3, 2026 through',
  ],
  'first-dollar': ['November 20, 2026', 'M99.03', '10 weeks: November 30, 2026 through February 7, 2027'],
  generic: [
    'Aisha Rahman (the patient), employed by Lakeview Public Library',
    'not for general health, relaxation or cosmetic purposes',
  ],
};

describe('administrator profiles: examples', () => {
  it.each(listAdministratorProfiles().map((profile) => profile.id))(
    'renders the %s profile from its example with every item the profile asks for',
    async (id) => {
      const example = exampleFor(id);
      expect(example).toBeDefined();
      const { pdf, findings } = await generate('lmn', loadExample(example ?? ''), { today: TODAY });
      expect(findings.filter((finding) => finding.level === 'error')).toEqual([]);
      const { text } = await readPdf(pdf);
      expect(text).toMatch(
        /I certify that this treatment is medically necessary to treat the diagnosed condition/,
      );
      expect(text).toContain('Valid through');
      for (const printed of PRINTED[id] ?? ['(no expectation written for this profile)']) {
        expect(text).toContain(printed);
      }
    },
  );
});
