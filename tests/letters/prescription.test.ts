import { describe, expect, it } from 'vitest';
import { check, generate, type Finding } from '../../src/index.js';
import { loadSharedCodeSets } from '../support/code-sets.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const codeSets = await loadSharedCodeSets();

function findingsOf(mutate: (input: Record<string, any>) => void = () => undefined): Finding[] {
  const input = loadExample('prescription');
  mutate(input);
  const report = check('prescription', input, { today: TODAY, codeSets });
  expect(report.issues).toEqual([]);
  return report.findings;
}

const codesOf = (findings: Finding[]) => findings.map((finding) => finding.code);

async function textOf(mutate: (input: Record<string, any>) => void = () => undefined) {
  const input = loadExample('prescription');
  mutate(input);
  const { pdf } = await generate<string>('prescription', input, { today: TODAY, codeSets, force: true });
  return readPdf(pdf);
}

describe('prescription', () => {
  it('finds nothing to say about the example, with or without the code set', () => {
    expect(findingsOf()).toEqual([]);
    expect(check('prescription', loadExample('prescription'), { today: TODAY }).findings).toEqual([]);
  });

  it('fits the example on one page with every part of the order', async () => {
    const { pages, text, info } = await textOf();
    expect(pages).toHaveLength(1);
    expect(info).toMatchObject({ Title: 'Prescription for medical massage therapy' });
    expect(text).toContain('James Whitaker');
    expect(text).toContain(
      'S39.012D — Strain of muscle, fascia and tendon of lower back, subsequent encounter',
    );
    expect(text).toContain('M62.830 — Muscle spasm of back');
    expect(text).toContain('97140 manual therapy, lumbar spine: 38 minutes, 3 units per session');
    expect(text).toContain(
      '97124-XS massage therapy, gluteal muscles and hips: 22 minutes, 1 unit per session',
    );
    expect(text).toContain('twice per week, 60 minutes per session, for 6 weeks (12 sessions)');
    expect(text).toContain('November 30, 2026 through January 10, 2027');
    expect(text).toContain('myofascial release, trigger point therapy and soft-tissue mobilization');
    expect(text).toContain('lumbar paraspinals, quadratus lumborum and gluteal muscles');
    expect(text).toContain('Precautions moderate pressure over the lumbar spine');
    expect(text).not.toContain('Contraindications');
    expect(text).toContain('Re-evaluation by January 8, 2027');
    expect(text).toContain('NPI 1740293810');
    expect(text).toContain(
      'CMS 8-minute rule: 60 timed minutes make 4 units; the last unit goes to the largest remainder.',
    );
  });

  it('never prints "none known" for precautions nobody gave, and asks for them instead', async () => {
    const { text } = await textOf((input) => {
      input.treatment.precautions = [];
    });
    expect(text).not.toContain('none known');
    expect(text).not.toContain('Precautions');
    expect(text).not.toContain('Contraindications');
    expect(
      findingsOf((input) => {
        input.treatment.precautions = [];
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'PRESCRIPTION_WITHOUT_PRECAUTIONS',
        level: 'warning',
        path: 'contraindications',
      }),
    ]);
    const { text: stated } = await textOf((input) => {
      input.treatment.precautions = [];
      input.contraindications = ['none known'];
    });
    expect(stated).toContain('Contraindications none known');
  });

  it.each([
    // Worked examples of the 8-minute rule (CMS Pub. 100-04 ch. 5 §20.2).
    {
      procedures: [
        { code: '97110', minutes: 33 },
        { code: '97140', minutes: 7 },
      ],
      lines: ['97110 therapeutic exercise: 33 minutes, 2 units', '97140 manual therapy: 7 minutes, 1 unit'],
      note: '40 timed minutes make 3 units',
    },
    {
      procedures: [
        { code: '97112', minutes: 24 },
        { code: '97110', minutes: 23 },
      ],
      lines: [
        '97112 neuromuscular re-education: 24 minutes, 2 units',
        '97110 therapeutic exercise: 23 minutes, 1 unit',
      ],
      note: '47 timed minutes make 3 units',
    },
    {
      procedures: [
        { code: '97110', minutes: 7 },
        { code: '97140', minutes: 7 },
        { code: '97112', minutes: 7 },
      ],
      lines: [
        '97110 therapeutic exercise: 7 minutes, 1 unit',
        '97140 manual therapy: 7 minutes, 0 units',
        '97112 neuromuscular re-education: 7 minutes, 0 units',
      ],
      note: '21 timed minutes make 1 unit',
    },
  ])('shows the 8-minute rule for $note', async ({ procedures, lines, note }) => {
    const { text } = await textOf((input) => {
      input.treatment.procedures = procedures;
    });
    for (const line of lines) expect(text).toContain(line);
    expect(text).toContain(note);
  });

  it('warns about a timed code without minutes, and not about an untimed one', () => {
    expect(
      findingsOf((input) => {
        delete input.treatment.procedures[1].minutes;
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'TIMED_CODE_WITHOUT_MINUTES',
        level: 'warning',
        path: 'treatment.procedures.1.minutes',
      }),
    ]);
    expect(
      findingsOf((input) => {
        (input.treatment.procedures as object[]).push({ code: '97010' });
      }),
    ).toEqual([]);
  });

  it('refuses more units than the minutes allow, and accepts as many', () => {
    expect(
      findingsOf((input) => {
        input.treatment.procedures[0].units = 4;
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'UNITS_EXCEED_MINUTES',
        level: 'error',
        path: 'treatment.procedures.0.units',
      }),
    ]);
    expect(
      findingsOf((input) => {
        input.treatment.procedures[0].units = 3;
      }),
    ).toEqual([]);
    expect(
      codesOf(
        findingsOf((input) => {
          (input.treatment.procedures as object[]).push({ code: '97010', units: 2 });
        }),
      ),
    ).toEqual(['UNITS_EXCEED_MINUTES']);
  });

  it('never prints more units than the minutes allow, even when forced', async () => {
    const { text } = await textOf((input) => {
      input.treatment.procedures[0].units = 6;
    });
    expect(text).toContain('97140 manual therapy, lumbar spine: 38 minutes, 3 units per session');
  });

  it('warns when the procedures take longer than the session', () => {
    expect(
      codesOf(
        findingsOf((input) => {
          input.treatment.sessionMinutes = 50;
        }),
      ),
    ).toEqual(['PROCEDURE_MINUTES_EXCEED_SESSION']);
  });

  it('explains Original Medicare and TRICARE for massage, and notes Medicare Advantage', () => {
    const medicare = findingsOf((input) => {
      input.coverage.planType = 'Medicare';
    });
    expect(medicare[0]).toEqual(
      expect.objectContaining({
        code: 'MEDICARE_NO_MASSAGE_BENEFIT',
        level: 'warning',
        path: 'coverage.planType',
      }),
    );
    // The Medicare therapy billing rules follow (tests/letters/billing-rules.test.ts).
    expect(codesOf(medicare.slice(1)).every((code) => code.startsWith('MEDICARE_'))).toBe(true);
    expect(medicare[0]?.message).toContain('plan of care');
    expect(
      codesOf(
        findingsOf((input) => {
          input.coverage.planType = 'TRICARE';
        }),
      ),
    ).toEqual(['TRICARE_EXCLUDES_MASSAGE']);
    expect(
      findingsOf((input) => {
        input.coverage.planType = 'Medicare Advantage';
      }),
    ).toEqual([expect.objectContaining({ code: 'MEDICARE_ADVANTAGE_MASSAGE_VARIES', level: 'info' })]);
    expect(
      findingsOf((input) => {
        input.coverage.planType = 'Medicare';
        input.treatment.service = 'chiropractic-care';
        input.treatment.procedures = [{ code: '98940' }];
      }),
    ).toEqual([]);
  });

  it('warns about an HMO with neither referral nor authorization on file', () => {
    expect(
      findingsOf((input) => {
        input.coverage.planType = 'HMO';
      }),
    ).toEqual([expect.objectContaining({ code: 'HMO_WITHOUT_REFERRAL', level: 'warning' })]);
    expect(
      findingsOf((input) => {
        input.coverage.planType = 'HMO';
        input.coverage.referralOnFile = true;
      }),
    ).toEqual([]);
    expect(
      findingsOf((input) => {
        input.coverage.planType = 'HMO';
        input.coverage.priorAuthorizationNumber = 'A-2211';
      }),
    ).toEqual([]);
  });

  it('warns about an initial-encounter injury code in a therapy prescription', () => {
    expect(
      findingsOf((input) => {
        input.diagnoses[0].code = 'S39.012A';
      }),
    ).toEqual([
      expect.objectContaining({ code: 'INJURY_CODE_INITIAL_ENCOUNTER', path: 'diagnoses.0.code' }),
      // The example's words still say "subsequent encounter".
      expect.objectContaining({ code: 'DIAGNOSIS_DESCRIPTION_MISMATCH', path: 'diagnoses.0.description' }),
    ]);
  });

  it('refuses S33.5 and accepts S33.5XXD', () => {
    expect(
      codesOf(
        findingsOf((input) => {
          input.diagnoses[0] = { code: 'S33.5', description: 'Sprain of ligaments of lumbar spine' };
        }),
      ),
    ).toEqual(['DIAGNOSIS_CODE_NEEDS_7TH_CHARACTER']);
    expect(
      findingsOf((input) => {
        input.diagnoses[0] = { code: 'S33.5XXD' };
      }),
    ).toEqual([]);
  });

  it('warns about dates that do not hold together', () => {
    expect(
      findingsOf((input) => {
        input.reEvaluationDate = '2027-02-01';
      }),
    ).toEqual([expect.objectContaining({ code: 'REEVALUATION_AFTER_COURSE', path: 'reEvaluationDate' })]);
    expect(
      codesOf(
        findingsOf((input) => {
          input.treatment.startDate = '2026-11-16';
          input.reEvaluationDate = '2026-12-18';
        }),
      ),
    ).toEqual(['TREATMENT_BEFORE_PRESCRIPTION']);
  });

  it('defaults the re-evaluation to the last day of the course', async () => {
    const { text } = await textOf((input) => {
      delete input.reEvaluationDate;
    });
    expect(text).toContain('Re-evaluation by January 10, 2027');
  });

  it('reports every input problem at once, with its path', () => {
    const input = loadExample('prescription');
    input.reEvaluationDate = '2026-11-01';
    input.contraindications = 'none';
    input.treatment.procedures[0].code = '9714';
    delete input.provider.npi;
    const report = check('prescription', input, { today: TODAY });
    expect(report.ok).toBe(false);
    expect(report.issues.map((issue) => `${issue.path}: ${issue.message}`).sort()).toEqual([
      'contraindications: must be a list',
      'provider.npi: is required',
      'treatment.procedures.0.code: must be a CPT code (5 digits) or a HCPCS code (a letter and 4 digits)',
    ]);
    const dates = loadExample('prescription');
    dates.reEvaluationDate = '2026-11-01';
    expect(check('prescription', dates, { today: TODAY }).issues).toEqual([
      {
        path: 'reEvaluationDate',
        code: 'REEVALUATION_BEFORE_START',
        message: 'must not be before the start date',
      },
    ]);
  });
});
