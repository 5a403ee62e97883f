// A draft (GenerateOptions.draft): what is missing is printed as a placeholder, never as a fact.
import { describe, expect, it } from 'vitest';
import {
  check,
  extractLetterData,
  generate,
  NotALetterError,
  preview,
  ValidationError,
} from '../../src/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

// What a patient knows: their own details and their account's administrator.
const PATIENT_FACTS = {
  purpose: 'hsa-fsa',
  date: TODAY,
  patient: { firstName: 'Liam', lastName: 'Nguyen', dateOfBirth: '1990-03-04' },
  coverage: { administrator: 'navia', accountType: 'FSA' },
};

// The stand-in values the draft fills in internally: none may reach the page.
const STAND_INS = [
  '1558598797',
  '1245319599',
  '555-0198',
  '555-0100',
  'M54.50',
  'M62.830',
  '97124',
  '97140',
  '2001',
  '2002',
  '94612',
  '10001',
];

describe('draft letters', () => {
  it("writes a patient's HSA/FSA draft with placeholders for the provider and the clinical facts", async () => {
    const { pdf, findings } = await generate<string>('lmn', PATIENT_FACTS, { draft: true, today: TODAY });
    const { text, pages } = await readPdf(pdf);
    expect(text).toContain('Liam Nguyen');
    expect(text).toContain('navia (FSA)');
    expect(text).toContain("[provider's NPI]");
    expect(text).toContain("[provider's last name]");
    expect(text).toContain('[diagnosis ICD-10-CM code]');
    expect(text).toContain('[clinical history and current status]');
    for (const value of STAND_INS) expect(text).not.toContain(value);
    expect(text.match(/DRAFT/g)?.length).toBeGreaterThanOrEqual(pages.length);
    // Findings about the stand-ins say nothing; the rest are shown.
    expect(findings.every((finding) => !finding.path.startsWith('provider'))).toBe(true);
  });

  it("embeds no letter data in a draft: its data holds stand-ins, not the letter's facts", async () => {
    const { pdf } = await generate<string>('lmn', PATIENT_FACTS, { draft: true, today: TODAY });
    expect(() => extractLetterData(pdf)).toThrow(NotALetterError);
    const { pdf: letter } = await generate<string>('lmn', loadExample('lmn-hsa-fsa'), {
      force: true,
      today: TODAY,
    });
    expect(extractLetterData(letter).kind).toBe('lmn');
  });

  it('never blocks a draft on a finding, and check() agrees', async () => {
    const input = loadExample('lmn-hsa-fsa');
    input.treatment.duration = { months: 13 };
    expect(check('lmn', input, { today: TODAY }).ok).toBe(false);
    await expect(generate<string>('lmn', input, { today: TODAY })).rejects.toThrow('blocking finding');
    const report = check('lmn', input, { today: TODAY, draft: true });
    expect(report.ok).toBe(true);
    expect(report.findings.some((finding) => finding.level === 'error')).toBe(true);
    const { text } = await readPdf((await generate<string>('lmn', input, { today: TODAY, draft: true })).pdf);
    expect(text).toContain('DRAFT');
    expect(text).not.toContain('[');
  });

  it('refuses to sign a draft that still has placeholders; its preview says DRAFT', async () => {
    const input = {
      ...PATIENT_FACTS,
      provider: { firstName: 'June', signature: { mode: 'for-signature' } },
    };
    expect(preview<string>('lmn', input, { draft: true, today: TODAY })).toContain('>DRAFT<');
    await expect(generate<string>('lmn', input, { draft: true, today: TODAY })).rejects.toThrow(
      ValidationError,
    );
    const report = check('lmn', input, { draft: true, today: TODAY });
    expect(report.issues).toEqual([
      expect.objectContaining({ path: 'provider.signature.mode', code: 'DRAFT_NOT_SIGNABLE' }),
    ]);
  });

  it('still refuses a value that is given but wrong', () => {
    const input = { ...PATIENT_FACTS, provider: { npi: '1234567890' } };
    const report = check('lmn', input, { draft: true, today: TODAY });
    expect(report.issues.map(({ path }) => path)).toEqual(['provider.npi']);
  });

  it('writes the same bytes for the same draft', async () => {
    const first = await generate<string>('lmn', PATIENT_FACTS, { draft: true, today: TODAY });
    const second = await generate<string>('lmn', PATIENT_FACTS, { draft: true, today: TODAY });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });

  it('drafts every kind from an empty letter', () => {
    for (const kind of ['lmn', 'prescription', 'prior-auth', 'appeal']) {
      const input = kind === 'lmn' ? { purpose: 'insurance', date: TODAY } : { date: TODAY };
      const html = preview<string>(kind, input, { draft: true, today: TODAY });
      expect(html).toContain('DRAFT');
      for (const value of STAND_INS) expect(html).not.toContain(value);
    }
  });
});
