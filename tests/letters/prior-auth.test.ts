import { describe, expect, it } from 'vitest';
import { check, generate, type Finding } from '../../src/index.js';
import { loadSharedCodeSets } from '../support/code-sets.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const codeSets = await loadSharedCodeSets();
// The example is dated November 18, 2026.
const LETTER_DAY = '2026-11-18';

function findingsOf(mutate: (input: Record<string, any>) => void = () => undefined): Finding[] {
  const input = loadExample('prior-auth');
  mutate(input);
  const report = check('prior-auth', input, { today: LETTER_DAY, codeSets });
  expect(report.issues).toEqual([]);
  return report.findings;
}

const codesOf = (findings: Finding[]) => findings.map((finding) => finding.code);

async function textOf(mutate: (input: Record<string, any>) => void = () => undefined) {
  const input = loadExample('prior-auth');
  mutate(input);
  const { pdf } = await generate('prior-auth', input, { today: LETTER_DAY, codeSets, force: true });
  return (await readPdf(pdf)).text;
}

describe('prior-authorization request', () => {
  it('finds nothing to say about the example', () => {
    expect(findingsOf()).toEqual([]);
    expect(check('prior-auth', loadExample('prior-auth'), { today: TODAY }).findings).toEqual([]);
  });

  it('states the request: service, units, visits, dates, urgency and the decision time', async () => {
    const text = await textOf();
    expect(text).toContain('Prior Authorization Request — manual therapy');
    expect(text).toContain('Member ID: R0047719263 · Group: 81720A');
    expect(text).toContain(
      '36 units over 12 visits, twice per week for 6 weeks, from December 7, 2026 through January 17, 2027',
    );
    expect(text).toContain('97140 manual therapy: 30 minutes, 2 units per visit');
    expect(text).toContain('97112 neuromuscular re-education: 15 minutes, 1 unit per visit');
    expect(text).toContain('Standard: decision within 15 calendar days of receipt');
    expect(text).toContain('Rendering provider Jenna Park, LMT, Bayview Manual Therapy, NPI 1492876531');
    expect(text).toContain('Referral on file from the primary care physician');
    expect(text).toContain(
      'Outcome measures: Numeric Pain Rating Scale (NPRS), baseline 6 on November 12, 2026, target 2; Neck Disability Index (NDI), baseline 24 on November 12, 2026, target 12. NPRS and NDI are patient-reported.',
    );
    expect(text).toContain('Cyclobenzaprine 5 mg at night, 2 weeks: stopped because of morning drowsiness');
    expect(text).toContain('cervical radiograph report of October 6, 2026');
    expect(text).toContain('Please send your written decision to me by fax at (415) 555-0121');
    expect(text).toContain('peer-to-peer discussion');
    expect(text).toContain('please call me at (415) 555-0120');
  });

  it('asks Medicare Advantage and Medicaid plans for the CMS-0057-F decision times', async () => {
    const text = await textOf((input) => {
      input.coverage.planType = 'Medicare Advantage';
      input.priorAuth.urgency = 'expedited';
      input.priorAuth.expeditedReason = 'She is due back at full duty on December 14.';
    });
    expect(text).toContain('Prior Authorization Request — manual therapy — EXPEDITED');
    expect(text).toContain(
      'I ask for your decision within 72 hours, the time allowed for expedited requests (CMS-0057-F)',
    );
    expect(text).toContain('She is due back at full duty on December 14.');
    const standard = await textOf((input) => {
      input.coverage.planType = 'Medicaid';
    });
    expect(standard).toContain('within 7 calendar days of receipt');
  });

  it('refuses more units than the plan of care supports, and accepts as many', () => {
    expect(
      findingsOf((input) => {
        input.priorAuth.requestedUnits = 37;
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'REQUESTED_UNITS_EXCEED_PLAN',
        level: 'error',
        path: 'priorAuth.requestedUnits',
      }),
    ]);
    expect(
      findingsOf((input) => {
        input.priorAuth.requestedUnits = 36;
      }),
    ).toEqual([]);
  });

  it('warns about an expedited request without a reason', () => {
    expect(
      findingsOf((input) => {
        input.priorAuth.urgency = 'expedited';
      }),
    ).toEqual([expect.objectContaining({ code: 'EXPEDITED_WITHOUT_REASON', level: 'warning' })]);
    expect(
      findingsOf((input) => {
        input.priorAuth.urgency = 'expedited';
        input.priorAuth.expeditedReason = 'Her job requires full duty by December 14.';
      }),
    ).toEqual([]);
  });

  it('asks an HMO request for the referral only', () => {
    const findings = findingsOf((input) => {
      delete input.coverage.referralOnFile;
      input.coverage.priorAuthorizationNumber = 'PA-1';
    });
    expect(findings).toEqual([
      expect.objectContaining({
        code: 'HMO_WITHOUT_REFERRAL',
        level: 'warning',
        path: 'coverage.referralOnFile',
      }),
    ]);
    expect(findings[0]?.message).toContain('referral');
  });

  it('refuses a request without a member ID anywhere', () => {
    expect(
      findingsOf((input) => {
        delete input.coverage.memberId;
      }),
    ).toEqual([
      expect.objectContaining({ code: 'MEMBER_ID_MISSING', level: 'error', path: 'coverage.memberId' }),
    ]);
    expect(
      findingsOf((input) => {
        delete input.coverage.memberId;
        input.patient.memberId = 'R0047719263';
      }),
    ).toEqual([]);
  });

  it('warns about care that starts before the request, and notes a start before the decision is due', () => {
    expect(
      codesOf(
        findingsOf((input) => {
          input.treatment.startDate = '2026-11-16';
        }),
      ),
    ).toEqual(['SERVICE_BEFORE_REQUEST']);
    expect(
      findingsOf((input) => {
        input.treatment.startDate = '2026-11-25';
      }),
    ).toEqual([expect.objectContaining({ code: 'DECISION_DUE_AFTER_START', level: 'info' })]);
  });

  it('checks outcome scores against their scale, goals and prior treatment', () => {
    expect(
      findingsOf((input) => {
        input.clinical.outcomeMeasures[0].baseline = 11;
      }),
    ).toEqual([
      expect.objectContaining({
        code: 'OUTCOME_OUT_OF_RANGE',
        level: 'error',
        path: 'clinical.outcomeMeasures.0.baseline',
      }),
    ]);
    expect(
      codesOf(
        findingsOf((input) => {
          input.clinical.goals = ['Feel better'];
          input.clinical.priorTreatments = [];
        }),
      ),
    ).toEqual(['NO_MEASURABLE_GOAL', 'NO_PRIOR_TREATMENT']);
  });

  it('explains Original Medicare for massage', () => {
    expect(
      codesOf(
        findingsOf((input) => {
          input.coverage.planType = 'Medicare';
          input.treatment.service = 'massage-therapy';
        }),
      ),
    ).toEqual(['MEDICARE_NO_MASSAGE_BENEFIT', 'MEDICARE_NO_DECISION_TIME']);
  });

  it('asks Original Medicare for no decision time, which it does not set for therapy', async () => {
    const input = loadExample('prior-auth');
    input.coverage.planType = 'Medicare';
    const { pdf } = await generate('prior-auth', input, { today: TODAY, force: true });
    const { text } = await readPdf(pdf);
    expect(text).toContain('This is a standard request: I ask for your written decision.');
    expect(text).not.toContain('15 calendar days');
  });

  it('reports every input problem at once', () => {
    const input = loadExample('prior-auth');
    input.priorAuth = { urgency: 'soon', requestedUnits: 0 };
    input.coverage.planType = 'Cash';
    const report = check('prior-auth', input, { today: TODAY });
    expect(report.issues.map((issue) => issue.path).sort()).toEqual([
      'coverage.planType',
      'priorAuth.requestedUnits',
      'priorAuth.urgency',
    ]);
  });
});
