import { describe, expect, it } from 'vitest';
import { check, generate, RuleError, type Finding } from '../../src/index.js';
import { appealDeadline } from '../../src/letters/appeal/deadline.js';
import { loadSharedCodeSets } from '../support/code-sets.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const codeSets = await loadSharedCodeSets();

/** The example, re-dated: the letter on `date` (TODAY unless given), a denial and two visits before it. */
function redated(denialDate: string, changes: { date?: string; level?: string; planType?: string } = {}) {
  const input = loadExample('appeal');
  input.date = changes.date ?? TODAY;
  input.provider.signature.electronic.attestedOn = input.date;
  input.denial.denialDate = denialDate;
  input.denial.datesOfService = ['2026-04-06', '2026-04-08'];
  if (changes.level) input.denial.level = changes.level;
  if (changes.planType) input.coverage.planType = changes.planType;
  return input;
}

function findingsOf(input: Record<string, any>): Finding[] {
  const report = check('appeal', input, { today: TODAY, codeSets });
  expect(report.issues).toEqual([]);
  return report.findings;
}

function mutated(mutate: (input: Record<string, any>) => void): Record<string, any> {
  const input = loadExample('appeal');
  mutate(input);
  return input;
}

/** Findings other than the ODI change the example reports below its MCID. */
const codesOf = (findings: Finding[]) =>
  findings.map((finding) => finding.code).filter((code) => code !== 'OUTCOME_BELOW_MCID');

async function textOf(input: Record<string, any>) {
  const { pdf } = await generate('appeal', input, { today: TODAY, codeSets, force: true });
  return readPdf(pdf);
}

describe('appeal deadline', () => {
  it('counts 180 days for a commercial internal appeal', () => {
    expect(appealDeadline({ denialDate: '2026-05-01', level: 'first-internal' }, 'PPO')).toMatchObject({
      date: '2026-10-28',
      basis: '180 days after the denial notice',
    });
    expect(appealDeadline({ denialDate: '2026-05-01', level: 'second-internal' }, 'HMO').date).toBe(
      '2026-10-28',
    );
  });

  it('counts 4 months after the final internal denial for external review', () => {
    expect(appealDeadline({ denialDate: '2026-07-27', level: 'external-review' }, 'PPO').date).toBe(
      '2026-11-27',
    );
  });

  it('counts 120 days from presumed receipt, 5 days after the notice, for a Medicare redetermination', () => {
    expect(
      appealDeadline({ denialDate: '2026-08-01', level: 'medicare-redetermination' }, 'Medicare').date,
    ).toBe('2026-12-04');
  });

  it('counts 65 days from the notice for a Medicare Advantage reconsideration (42 CFR 422.582(b))', () => {
    expect(
      appealDeadline({ denialDate: '2026-10-01', level: 'first-internal' }, 'Medicare Advantage'),
    ).toMatchObject({
      date: '2026-12-05',
      basis: '65 days after the date of the plan’s organization determination notice',
    });
  });

  it('counts 60 days for Medicaid managed care and 90 days for TRICARE', () => {
    expect(appealDeadline({ denialDate: '2026-10-01', level: 'first-internal' }, 'Medicaid').date).toBe(
      '2026-11-30',
    );
    expect(appealDeadline({ denialDate: '2026-10-01', level: 'first-internal' }, 'TRICARE').date).toBe(
      '2026-12-30',
    );
  });

  it('counts external review as 45 CFR 147.136(d)(2)(i) does: October 30 gives March 1', () => {
    expect(appealDeadline({ denialDate: '2026-10-30', level: 'external-review' }, 'PPO').date).toBe(
      '2027-03-01',
    );
    // February 13, 2027 is a Saturday and February 15 Washington's Birthday.
    expect(appealDeadline({ denialDate: '2026-10-13', level: 'external-review' }, 'PPO').date).toBe(
      '2027-02-16',
    );
  });

  it('takes the date printed in the notice when there is one', () => {
    expect(
      appealDeadline(
        { denialDate: '2026-10-01', level: 'first-internal', noticeDeadline: '2026-12-31' },
        'PPO',
      ),
    ).toMatchObject({ date: '2026-12-31', basis: 'the deadline stated in the plan’s denial notice' });
  });
});

describe('appeal rules', () => {
  it('reports only the ODI change below its MCID for the example', () => {
    expect(findingsOf(loadExample('appeal'))).toEqual([
      expect.objectContaining({
        code: 'OUTCOME_BELOW_MCID',
        level: 'info',
        path: 'clinical.outcomeMeasures.1.current',
        source: expect.stringContaining('<https://doi.org/10.1097/BRS.0b013e31815e3a10>'),
      }),
    ]);
  });

  it('refuses a denial of May 1, 2026 appealed on November 27, 2026: past 180 days', async () => {
    const input = redated('2026-05-01');
    const findings = findingsOf(input);
    expect(findings).toEqual([
      expect.objectContaining({ code: 'APPEAL_PAST_DEADLINE', level: 'error', path: 'denial.denialDate' }),
      expect.objectContaining({ code: 'OUTCOME_BELOW_MCID' }),
    ]);
    expect(findings[0]?.message).toContain('October 28, 2026 (180 days after the denial notice)');
    await expect(generate('appeal', input, { today: TODAY, codeSets })).rejects.toThrow(RuleError);
    const { text } = await textOf(input);
    expect(text).toContain(
      'The deadline to file was October 28, 2026, 180 days after the denial notice; I ask the plan to accept this appeal for good cause.',
    );
  });

  it('warns, with the date, when the deadline is 14 days away or less', () => {
    const near = findingsOf(redated('2026-06-14'));
    expect(near).toEqual([
      expect.objectContaining({ code: 'APPEAL_DEADLINE_NEAR', level: 'warning', path: 'denial.denialDate' }),
      expect.objectContaining({ code: 'OUTCOME_BELOW_MCID' }),
    ]);
    expect(near[0]?.message).toContain('December 11, 2026, 14 days after the letter date');
    expect(codesOf(findingsOf(redated('2026-06-15')))).toEqual([]);
  });

  it('applies the Medicare and Medicare Advantage deadlines', () => {
    const redetermination = { level: 'medicare-redetermination', planType: 'Medicare' };
    expect(codesOf(findingsOf(redated('2026-07-20', redetermination)))).toEqual(['APPEAL_PAST_DEADLINE']);
    const near = findingsOf(redated('2026-08-01', redetermination));
    expect(codesOf(near)).toEqual(['APPEAL_DEADLINE_NEAR']);
    expect(near[0]?.message).toContain('December 4, 2026');
    const advantage = { level: 'first-internal', planType: 'Medicare Advantage' };
    expect(codesOf(findingsOf(redated('2026-09-20', advantage)))).toEqual(['APPEAL_PAST_DEADLINE']);
    expect(codesOf(findingsOf(redated('2026-10-15', advantage)))).toEqual([]);
  });

  it('titles a Medicare Advantage appeal a request for reconsideration, and notes a second level goes to the IRE', async () => {
    const advantage = redated('2026-10-15', { planType: 'Medicare Advantage' });
    const { text } = await textOf(advantage);
    expect(text).toContain('RE: Request for Reconsideration — denied claim for manual therapy');
    expect(text).toContain('to request a reconsideration of your denial');
    const second = redated('2026-10-15', { planType: 'Medicare Advantage', level: 'second-internal' });
    expect(codesOf(findingsOf(second))).toEqual(['MEDICARE_ADVANTAGE_SECOND_LEVEL']);
  });

  it('warns when the level does not fit the plan', () => {
    expect(codesOf(findingsOf(redated('2026-10-15', { planType: 'Medicare' })))).toEqual([
      'APPEAL_LEVEL_NOT_FOR_PLAN',
    ]);
    expect(codesOf(findingsOf(redated('2026-10-15', { level: 'medicare-redetermination' })))).toEqual([
      'APPEAL_LEVEL_NOT_FOR_PLAN',
    ]);
  });

  it('asks external review for a final internal denial, and warns about state windows after 60 days', () => {
    const external = redated('2026-10-15', { level: 'external-review' });
    expect(findingsOf(external)).toEqual([
      expect.objectContaining({
        code: 'EXTERNAL_REVIEW_WITHOUT_FINAL_DENIAL',
        level: 'warning',
        path: 'denial.finalInternalDenial',
      }),
      expect.objectContaining({ code: 'OUTCOME_BELOW_MCID' }),
    ]);
    external.denial.finalInternalDenial = true;
    expect(codesOf(findingsOf(external))).toEqual([]);
    const deemed = redated('2026-10-15', { level: 'external-review' });
    deemed.denial.deemedExhausted = 'the plan did not decide the first appeal within 30 days';
    expect(codesOf(findingsOf(deemed))).toEqual([]);

    const late = redated('2026-09-01', { level: 'external-review' });
    late.denial.finalInternalDenial = true;
    expect(codesOf(findingsOf(late))).toEqual(['EXTERNAL_REVIEW_AFTER_60_DAYS']);
    late.denial.noticeDeadline = '2026-12-31';
    expect(codesOf(findingsOf(late))).toEqual([]);
    const past = redated('2026-07-25', { level: 'external-review' });
    past.denial.finalInternalDenial = true;
    expect(codesOf(findingsOf(past))).toEqual(['APPEAL_PAST_DEADLINE']);
    // November 26, 2026 is Thanksgiving Day: the last day moves to the letter date, November 27.
    const holiday = redated('2026-07-26', { level: 'external-review' });
    holiday.denial.finalInternalDenial = true;
    expect(codesOf(findingsOf(holiday))).toEqual(['APPEAL_DEADLINE_NEAR', 'EXTERNAL_REVIEW_AFTER_60_DAYS']);
  });

  it('writes the external-review statement into the letter', async () => {
    const input = redated('2026-10-15', { level: 'external-review' });
    input.denial.finalInternalDenial = true;
    const { text, info } = await textOf(input);
    expect(info).toMatchObject({ Title: 'Request for External Review — denied claim for manual therapy' });
    expect(text).toContain(
      "Internal appeals are exhausted: the denial of October 15, 2026 is the plan's final internal decision. I request an independent external review of this decision.",
    );
    expect(text).toContain(
      'the deadline is February 16, 2027, 4 months after the final internal denial, moved to the next business day when that is a weekend or federal holiday',
    );
  });

  it('warns about an expedited appeal without a reason', () => {
    expect(
      codesOf(
        findingsOf(
          mutated((input) => {
            input.denial.level = 'expedited';
          }),
        ),
      ),
    ).toEqual(['EXPEDITED_WITHOUT_REASON']);
  });

  it('warns about a denial code a letter rarely changes, and one it does not know', () => {
    const billing = findingsOf(
      mutated((input) => {
        input.denial.reasonCode = 'co16';
      }),
    );
    expect(codesOf(billing)).toEqual(['DENIAL_NOT_APPEALABLE']);
    expect(billing[0]?.message).toContain('resubmit');
    expect(
      codesOf(
        findingsOf(
          mutated((input) => {
            input.denial.reasonCode = 'CO-B7';
          }),
        ),
      ),
    ).toEqual(['DENIAL_CODE_UNKNOWN']);
  });

  it('asks for a direct answer when the reason is not medical necessity', () => {
    const input = mutated((value) => {
      value.denial.reasonCode = 'CO-197';
      delete value.answer;
    });
    expect(findingsOf(input)).toEqual([
      expect.objectContaining({ code: 'APPEAL_WITHOUT_ANSWER', level: 'warning', path: 'answer' }),
      expect.objectContaining({ code: 'OUTCOME_BELOW_MCID' }),
    ]);
    input.answer =
      'The patient was seen the day after a fall; your authorization line was closed for the holiday.';
    expect(codesOf(findingsOf(input))).toEqual([]);
  });

  it('warns when no progress is documented', () => {
    expect(
      findingsOf(
        mutated((input) => {
          for (const measure of input.clinical.outcomeMeasures) delete measure.current;
        }),
      ),
    ).toEqual([expect.objectContaining({ code: 'NO_DOCUMENTED_PROGRESS', level: 'warning' })]);
  });

  it('selects the code set by the first date of service', () => {
    const before = mutated((input) => {
      input.diagnoses = [{ code: 'M72.2', description: 'Plantar fascial fibromatosis' }];
      input.denial.datesOfService = ['2026-10-05', '2026-09-28'];
    });
    expect(codesOf(findingsOf(before))).toEqual([]);
    before.denial.datesOfService = ['2026-10-05'];
    expect(codesOf(findingsOf(before))).toEqual(['DIAGNOSIS_CODE_NOT_BILLABLE']);
  });

  it('refuses dates that contradict each other as input problems', () => {
    const input = mutated((value) => {
      (value.denial.datesOfService as string[]).push('2026-11-12');
    });
    expect(check('appeal', input, { today: TODAY }).issues).toEqual([
      {
        path: 'denial.denialDate',
        code: 'DENIAL_BEFORE_SERVICE',
        message: 'must not be before a date of service',
      },
    ]);
    const late = mutated((value) => {
      value.denial.denialDate = '2026-11-26';
    });
    expect(check('appeal', late, { today: TODAY }).issues).toEqual([
      {
        path: 'denial.denialDate',
        code: 'DENIAL_AFTER_LETTER',
        message: 'must not be after the letter date',
      },
    ]);
  });

  it('normalises the reason code and refuses one that is not a CARC', () => {
    const input = mutated((value) => {
      value.denial.reasonCode = ' co 50 ';
    });
    expect(check('appeal', input, { today: TODAY, codeSets }).issues).toEqual([]);
    input.denial.reasonCode = 'denied';
    expect(check('appeal', input, { today: TODAY }).issues).toEqual([
      { path: 'denial.reasonCode', code: 'INVALID_CARC', message: expect.any(String) },
    ]);
  });
});

describe('appeal letter', () => {
  it('shows the deadline, the CARC meaning and the progress table', async () => {
    const { text } = await textOf(loadExample('appeal'));
    expect(text).toContain('First-Level Internal Appeal — denied claim for manual therapy');
    expect(text).toContain('Claim number: UH26-3318-70452');
    expect(text).toContain(
      'This appeal is filed within the time allowed: the deadline is May 8, 2027, 180 days after the denial notice.',
    );
    expect(text).toContain('Filing deadline May 8, 2027 (180 days after the denial notice)');
    expect(text).toContain('CO-50: The payer says the service was not medically necessary.');
    expect(text).toContain('Amount billed $1,140.00');
    expect(text).toContain(
      'Numeric Pain Rating Scale (NPRS) and Patient-Specific Functional Scale (PSFS) improved by a clinically meaningful amount',
    );
    expect(text).toContain('Measure Baseline Current Target Change MCID reached');
    expect(text).toContain(
      'NPRS 7 09/28/2026 3 11/16/2026 2 4 points better Yes (MCID 2 points or 30 % of the baseline)',
    );
    expect(text).toContain(
      'ODI 44 09/28/2026 36 11/16/2026 20 8 points better No (MCID 10 points or 30 % of the baseline)',
    );
    expect(text).toContain('PSFS 3.3 09/28/2026 6 11/16/2026 8 2.7 points better Yes (MCID 2 points)');
    expect(text).toContain(
      'I ask you to reverse the denial and reprocess claim UH26-3318-70452 for payment of $1,140.00.',
    );
    expect(text).toContain(
      'approve the remaining visits of the plan of care, twice per week through December 8, 2026',
    );
    expect(text).toContain('denial notice of November 9, 2026');
  });

  it('words progress below the MCID honestly', async () => {
    const { text } = await textOf(loadExample('appeal'));
    expect(text).toContain(
      'ODI went from 44 to 36, 8 points better. That is less than the minimal clinically important difference of 10 points or 30 % of the baseline, so I do not count it as a clinically meaningful change.',
    );
    expect(text).toContain('the change in Oswestry Disability Index (ODI) is not yet clinically meaningful');
    const { text: none } = await textOf(
      mutated((input) => {
        input.clinical.outcomeMeasures = [
          { instrument: 'NPRS', baseline: 7, current: 6, target: 2 },
          { instrument: 'NDI', baseline: 20, current: 22 },
        ];
      }),
    );
    expect(none).toContain('NPRS went from 7 to 6, 1 point better. That is less than');
    expect(none).toContain('NDI went from 20 to 22, 2 points worse.');
    expect(none).toContain('None of these changes yet reaches its minimal clinically important difference');
    expect(none).not.toContain('the treatment is working');
  });
});
