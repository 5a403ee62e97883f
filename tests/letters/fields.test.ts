import { describe, expect, it } from 'vitest';
import { check, generate } from '../../src/index.js';
import {
  CalendarDate,
  choice,
  Clinical,
  Coverage,
  Diagnosis,
  Npi,
  Phone,
  Procedure,
  Provider,
  Service,
} from '../../src/letters/fields.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

function issuesOf(mutate: (input: Record<string, any>) => void, example = 'lmn-insurance') {
  const input = loadExample(example);
  mutate(input);
  return check('lmn', input, { today: TODAY }).issues;
}

describe('field schemas of every kind', () => {
  it('accepts an NPI whose check digit matches and refuses one that does not', () => {
    expect(Npi.safeParse('1234567893').success).toBe(true);
    expect(Npi.safeParse('1234567890').success).toBe(false);
    expect(Npi.safeParse('12345678').success).toBe(false);
  });

  it('normalises an ICD-10-CM code: trims, uppercases and accepts it with or without the dot', () => {
    expect(Diagnosis.parse({ code: ' m54.50' }).code).toBe('M54.50');
    expect(Diagnosis.parse({ code: 'm5450' }).code).toBe('M54.50');
    expect(Diagnosis.parse({ code: 'QA01' }).code).toBe('QA0.1');
    expect(Diagnosis.safeParse({ code: '54.50' }).success).toBe(false);
    expect(Diagnosis.safeParse({ code: 'M5' }).success).toBe(false);
  });

  it('refuses calendar dates that do not exist', () => {
    expect(CalendarDate.safeParse('2026-02-28').success).toBe(true);
    expect(CalendarDate.safeParse('2028-02-29').success).toBe(true);
    expect(CalendarDate.safeParse('2026-02-30').success).toBe(false);
    expect(CalendarDate.safeParse('2026-13-01').success).toBe(false);
    expect(CalendarDate.safeParse('01/05/2026').success).toBe(false);
  });

  it('accepts CPT and HCPCS procedure codes only', () => {
    expect(Procedure.safeParse({ code: '97124', minutes: 30 }).success).toBe(true);
    expect(Procedure.parse({ code: 'g0283' }).code).toBe('G0283');
    expect(Procedure.safeParse({ code: '9712' }).success).toBe(false);
    expect(Procedure.safeParse({ code: '97124', minutes: 12.5 }).success).toBe(false);
  });

  it('accepts phone numbers with at least ten digits', () => {
    expect(Phone.safeParse('(916) 555-0198').success).toBe(true);
    expect(Phone.safeParse('+1 916 555 0198 ext. 12').success).toBe(true);
    expect(Phone.safeParse('555-0198').success).toBe(false);
  });

  it('requires at least one credential for the provider', () => {
    const provider = loadExample('lmn-insurance').provider;
    expect(Provider.safeParse(provider).success).toBe(true);
    expect(Provider.safeParse({ ...provider, credentials: [] }).success).toBe(false);
  });
});

describe('input problems are reported all at once, with paths and no values', () => {
  it('lists every invalid field with its path', () => {
    const issues = issuesOf((input) => {
      input.provider.npi = '1234567890';
      input.patient.dateOfBirth = '1978-02-30';
      input.diagnoses[1].code = 'not a code';
      delete input.treatment.frequency;
      input.treatment.frequncy = { count: 2, per: 'week' };
    });
    expect(issues).toEqual(
      expect.arrayContaining([
        { path: 'provider.npi', code: 'INVALID_NPI', message: expect.stringContaining('check digit') },
        { path: 'patient.dateOfBirth', code: 'INVALID_DATE', message: 'is not a real calendar date' },
        { path: 'diagnoses.1.code', code: 'INVALID_ICD10CM', message: expect.any(String) },
        { path: 'treatment.frequency', code: 'REQUIRED', message: 'is required' },
        { path: 'treatment.frequncy', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
      ]),
    );
    expect(issues).toHaveLength(5);
  });

  it('says a top-level __proto__ key is not a known field, like any other', () => {
    const input = { ...loadExample('lmn-insurance'), ...(JSON.parse('{"__proto__": {}}') as object) };
    expect(check('lmn', input, { today: TODAY }).issues).toEqual([
      { path: '__proto__', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });

  it('never echoes a field value in a message', () => {
    const canary = 'Zzcanary4471';
    const issues = issuesOf((input) => {
      input.provider.npi = canary;
      input.patient.lastName = `${canary}\u0000`;
      input.patient.dateOfBirth = canary;
      input.purpose = canary;
    });
    expect(issues.length).toBeGreaterThan(0);
    expect(JSON.stringify(issues)).not.toContain(canary);
  });

  it('names a character the fonts cannot draw as an input error (no tofu)', () => {
    const issues = issuesOf((input) => {
      input.patient.firstName = 'Maria 😀';
      input.clinical.history = 'שלום';
    });
    expect(issues).toEqual([
      {
        path: 'patient.firstName',
        code: 'UNSUPPORTED_CHARACTER',
        message: expect.stringContaining('U+1F600'),
      },
      { path: 'clinical.history', code: 'UNSUPPORTED_CHARACTER', message: expect.stringContaining('U+05E9') },
    ]);
  });

  it('accepts Latin, Vietnamese, Greek and Cyrillic names', () => {
    const issues = issuesOf((input) => {
      input.patient.firstName = 'Nguyễn Thị Ánh';
      input.patient.lastName = 'Παπαδοπούλου-Шевченко Łódź';
    });
    expect(issues).toEqual([]);
  });

  it('refuses a course that ends before it starts', () => {
    const issues = issuesOf((input) => {
      input.treatment.duration = { endDate: '2026-11-01' };
    });
    expect(issues).toEqual([
      {
        path: 'treatment.duration.endDate',
        code: 'END_BEFORE_START',
        message: 'must not be before the start date',
      },
    ]);
  });

  it('asks for exactly one way of stating the duration', () => {
    const issues = issuesOf((input) => {
      input.treatment.duration = { weeks: 8, months: 2 };
    });
    expect(issues).toEqual([
      { path: 'treatment.duration', code: 'INVALID_DURATION', message: expect.any(String) },
    ]);
  });

  it('refuses a signature that is not a readable image', () => {
    const issues = issuesOf((input) => {
      input.provider.signature = {
        electronic: { attestedOn: input.date, statement: 'I sign this letter electronically.' },
        image: Buffer.from('GIF89a').toString('base64'),
      };
    });
    expect(issues).toEqual([
      { path: 'provider.signature.image', code: 'INVALID_IMAGE', message: expect.any(String) },
    ]);
  });
});

describe('issue codes', () => {
  it('tells a missing field from a field of the wrong type', () => {
    const input = loadExample('lmn-insurance');
    delete input.date;
    input.treatment.sessionMinutes = 'sixty';
    input.treatment.frequency.count = 1.5;
    expect(check('lmn', input, { today: TODAY }).issues).toEqual([
      { path: 'date', code: 'REQUIRED', message: 'is required' },
      { path: 'treatment.frequency.count', code: 'INVALID_TYPE', message: 'must be a whole number' },
      { path: 'treatment.sessionMinutes', code: 'INVALID_TYPE', message: 'must be a number' },
    ]);
  });
});

describe('messages that say how to fix the input', () => {
  it('asks once for YYYY-MM-DD when a date is written another way', () => {
    const issues = issuesOf((input) => {
      input.date = '11/20/2026';
    });
    expect(issues).toEqual([
      { path: 'date', code: 'INVALID_FORMAT', message: 'use YYYY-MM-DD, e.g. 2026-11-20' },
    ]);
  });

  it('accepts an NPI written with spaces or dashes and keeps its digits only', () => {
    expect(Npi.parse('1558-598-797')).toBe('1558598797');
    expect(Npi.parse(' 1558 598 797 ')).toBe('1558598797');
    expect(issuesOf((input) => (input.provider.npi = '1558-598-797'))).toEqual([]);
    expect(Npi.safeParse('1558-598-79').error?.issues).toEqual([
      expect.objectContaining({ message: 'must be 10 digits (spaces and dashes are ignored)' }),
    ]);
  });

  it('takes a symptom given as a string as its description', () => {
    const clinical = Clinical.parse({ history: 'Low back pain.', symptoms: ['Pain when sitting'] });
    expect(clinical.symptoms).toEqual([{ description: 'Pain when sitting' }]);
    const issues = issuesOf((input) => {
      input.clinical.symptoms = ['Pain when sitting', { description: 'Stiffness', severity: 'high' }];
    });
    expect(issues).toEqual([
      { path: 'clinical.symptoms.1.severity', code: 'INVALID_TYPE', message: 'must be a number' },
    ]);
  });

  it('names the purposes and still reports every other required field', () => {
    expect(check('lmn', {}).issues).toEqual([
      {
        path: 'purpose',
        code: 'REQUIRED',
        message:
          'is required; choose one of: insurance — A health insurer (utilization review); hsa-fsa — An HSA, FSA or HRA administrator',
      },
      ...['date', 'patient', 'provider', 'diagnoses', 'treatment', 'clinical'].map((path) => ({
        path,
        code: 'REQUIRED',
        message: 'is required',
      })),
    ]);
    const issues = issuesOf((input) => {
      input.purpose = 'HSA';
      delete input.date;
    });
    expect(issues).toEqual([
      {
        path: 'purpose',
        code: 'INVALID_VALUE',
        message:
          'must be one of: insurance — A health insurer (utilization review); hsa-fsa — An HSA, FSA or HRA administrator',
      },
      { path: 'date', code: 'REQUIRED', message: 'is required' },
    ]);
  });

  it('matches enumerations without regard to case and spacing', () => {
    const coverage = loadExample('lmn-insurance').coverage;
    expect(Coverage.parse({ ...coverage, planType: 'ppo' }).planType).toBe('PPO');
    expect(Coverage.parse({ ...coverage, planType: ' medicare  advantage ' }).planType).toBe(
      'Medicare Advantage',
    );
    expect(Service.parse('Massage Therapy')).toBe('massage-therapy');
    expect(Service.parse('MANUAL_LYMPHATIC_DRAINAGE')).toBe('manual-lymphatic-drainage');
    expect(issuesOf((input) => (input.coverage.planType = 'ppo'))).toEqual([]);
    expect(Coverage.safeParse({ ...coverage, planType: 'PP' }).success).toBe(false);
  });

  it('asks for the exact spelling where two values differ only in case or spacing', () => {
    const Ambiguous = choice(['A-B', 'a b', 'Other']);
    expect(Ambiguous.parse('A-B')).toBe('A-B');
    expect(Ambiguous.parse('a b')).toBe('a b');
    expect(Ambiguous.safeParse('a-b').success).toBe(false);
    expect(Ambiguous.parse('other')).toBe('Other');
  });

  it('says a missing select is required and lists the choices in the words the form shows', () => {
    expect(issuesOf((input) => delete input.treatment.service)).toEqual([
      {
        path: 'treatment.service',
        code: 'REQUIRED',
        message:
          'is required; choose one of: Massage therapy, Manual therapy, Myofascial release, Manual lymphatic drainage, Chiropractic care, Physical therapy',
      },
    ]);
    const appeal = loadExample('appeal');
    delete appeal.denial.level;
    expect(check('appeal', appeal, { today: TODAY }).issues).toEqual([
      {
        path: 'denial.level',
        code: 'REQUIRED',
        message:
          // A label that is the value in other words (External review) is accepted as it is.
          'is required; choose one of: first-internal — First-level internal appeal; second-internal — Second-level internal appeal; External review; expedited — Expedited appeal; Medicare redetermination',
      },
    ]);
    expect(issuesOf((input) => (input.coverage.planType = 'Gold'))).toEqual([
      {
        path: 'coverage.planType',
        code: 'INVALID_VALUE',
        message:
          "must be one of: PPO, HMO, EPO, POS, HDHP, Medicare, Medicare Advantage, Medicaid, TRICARE, Workers' Compensation, Auto PIP, Auto Med-Pay, Other",
      },
    ]);
  });

  it('writes US phone and fax numbers one way, keeps extensions and refuses impossible numbers', () => {
    expect(Phone.parse('916-555-0198')).toBe('(916) 555-0198');
    expect(Phone.parse('916.555.0198')).toBe('(916) 555-0198');
    expect(Phone.parse('+1 916 555 0198 ext. 12')).toBe('(916) 555-0198 ext. 12');
    expect(Phone.parse('(916) 555-0198 x12')).toBe('(916) 555-0198 ext. 12');
    expect(Phone.parse('+44 20 7946 0958')).toBe('+44 20 7946 0958');
    for (const impossible of ['123-456-7890', '(000) 000-0000', '555-0198']) {
      expect(Phone.safeParse(impossible).error?.issues, impossible).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/phone number/) }),
      ]);
    }
    expect(issuesOf((input) => (input.provider.practice.phone = '123-456-7890'))).toEqual([
      {
        path: 'provider.practice.phone',
        code: 'INVALID_PHONE',
        message: 'is not a phone number that can be dialled (check the area code and the number of digits)',
      },
    ]);
  });

  it('prints every phone and fax number of a letter in the same style', async () => {
    const input = loadExample('lmn-insurance');
    input.provider.practice.phone = '916-555-0198';
    input.provider.practice.fax = '916.555.0199';
    const { text } = await readPdf((await generate<string>('lmn', input, { today: TODAY })).pdf);
    expect(text).toContain('(916) 555-0198');
    expect(text).toContain('(916) 555-0199');
    expect(text).not.toMatch(/916[-.]555/);
  });
});
