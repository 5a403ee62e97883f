import { describe, expect, it } from 'vitest';
import { check } from '../../src/index.js';
import { CalendarDate, Diagnosis, Npi, Phone, Procedure, Provider } from '../../src/letters/fields.js';
import { loadExample, TODAY } from '../support/pdf.js';

function issuesOf(mutate: (input: Record<string, any>) => void, example = 'lmn-insurance') {
  const input = loadExample(example);
  mutate(input);
  return check('lmn', input, { today: TODAY }).issues;
}

describe('shared field schemas', () => {
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
