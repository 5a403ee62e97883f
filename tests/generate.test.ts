import { describe, expect, it } from 'vitest';
import { generate, preview, RuleError, UnknownKindError, ValidationError } from '../src/index.js';
import { loadExample, readPdf, TODAY } from './support/pdf.js';

describe('generate', () => {
  it('writes the insurance LMN with the patient, diagnoses, frequency and duration', async () => {
    const { pdf, findings } = await generate<string>('lmn', loadExample('lmn-insurance'), { today: TODAY });
    expect(findings).toEqual([]);
    const { text, pages, info } = await readPdf(pdf);
    expect(text).toContain('Maria Delgado-Reyes');
    expect(text).toContain('M54.50');
    expect(text).toContain('M62.830');
    expect(text).toContain('twice per week for 8 weeks');
    expect(text).toContain('November 30, 2026 through January 24, 2027');
    expect(text).toContain('97124');
    expect(text).toContain('NPI 1558598797');
    expect(text).toContain('Electronically signed by Daniel Okafor, DC on November 20, 2026');
    expect(text).toContain(`Page 1 of ${pages.length}`);
    expect(text).not.toContain('DRAFT');
    expect(info).toMatchObject({
      Title: 'Letter of Medical Necessity — medical massage therapy',
      Author: expect.stringContaining('Daniel Okafor'),
    });
  });

  it('writes the HSA/FSA LMN with the account holder, the certification and the valid-through date', async () => {
    const { pdf } = await generate<string>('lmn', loadExample('lmn-hsa-fsa'), { today: TODAY });
    const { text } = await readPdf(pdf);
    expect(text).toContain('Liam Nguyen');
    expect(text).toContain(
      'Thu Nguyen (mother), employed by Riverside Unified School District; participant ID ending 4821',
    );
    expect(text).toContain('M41.125');
    expect(text).toContain('once per week, 45 minutes per session');
    expect(text).toContain('6 months: December 1, 2026 through May 31, 2027');
    expect(text).toContain('Valid through May 31, 2027');
    // The certification may run onto the next page, past the page furniture.
    expect(text).toMatch(/I certify that this treatment is medically necessary .* not for/);
    expect(text).toContain('general health, relaxation or cosmetic purposes.');
  });

  it('puts the patient name and date of birth on continuation pages', async () => {
    const input = loadExample('lmn-insurance');
    input.clinical.history = Array.from({ length: 12 }, () => input.clinical.history as string)
      .join('\n\n')
      .slice(0, 4000);
    input.clinical.examFindings = input.clinical.history;
    const { pdf } = await generate<string>('lmn', input, { today: TODAY });
    const { pages } = await readPdf(pdf);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).not.toContain('Maria Delgado-Reyes · DOB');
    for (const page of pages.slice(1)) expect(page).toContain('Maria Delgado-Reyes · DOB 06/14/1978');
    pages.forEach((page, index) => expect(page).toContain(`Page ${index + 1} of ${pages.length}`));
    expect(pages.at(-1)).toContain('Sincerely,');
    expect(pages.at(-1)).toContain('Daniel Okafor, DC');
  });

  it('gives identical bytes for identical input', async () => {
    const input = loadExample('lmn-insurance');
    const first = await generate<string>('lmn', input, { today: TODAY });
    const second = await generate<string>('lmn', structuredClone(input), { today: TODAY });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });

  it('prints markup and template syntax in names literally', async () => {
    const input = loadExample('lmn-insurance');
    input.patient.firstName = '</p><h1>x</h1>{{y}} & Zoë';
    input.patient.lastName = 'Nguyễn';
    const { pdf } = await generate<string>('lmn', input, { today: TODAY });
    const { text } = await readPdf(pdf);
    expect(text).toContain('</p><h1>x</h1>{{y}} & Zoë Nguyễn');
    expect(preview<string>('lmn', input, { today: TODAY })).toContain(
      '&lt;/p&gt;&lt;h1&gt;x&lt;/h1&gt;{{y}} &amp; Zoë Nguyễn',
    );
  });

  it('marks every page DRAFT when the letter is not signed', async () => {
    const input = loadExample('lmn-hsa-fsa');
    delete input.provider.signature;
    const { pdf } = await generate<string>('lmn', input, { today: TODAY });
    const { pages } = await readPdf(pdf);
    for (const page of pages) expect(page).toContain('DRAFT');
    expect(pages.join('\n')).toContain('Signature: ____');
  });

  it('embeds a signature image above the electronic attestation', async () => {
    const input = loadExample('lmn-hsa-fsa');
    // A 1×1 PNG.
    input.provider.signature = {
      electronic: { attestedOn: input.date, statement: 'I sign this letter electronically.' },
      image:
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    };
    const { pdf } = await generate<string>('lmn', input, { today: TODAY });
    const { text } = await readPdf(pdf);
    expect(text).not.toContain('DRAFT');
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Subtype /Image');
  });

  it('stops on blocking findings unless forced', async () => {
    const input = loadExample('lmn-hsa-fsa');
    input.treatment.duration = { months: 18 };
    await expect(generate<string>('lmn', input, { today: TODAY })).rejects.toThrow(RuleError);
    const { pdf, findings } = await generate<string>('lmn', input, { today: TODAY, force: true });
    // M41.125 is outside the built-in table but in the official list the package ships.
    expect(findings.map((finding) => finding.code)).toEqual([
      'HSA_FSA_DURATION_OVER_12_MONTHS',
      'ADMINISTRATOR_DURATION_TOO_LONG',
    ]);
    // Forced or not, the letter never claims more than HealthEquity's 12 months from the letter date.
    expect((await readPdf(pdf)).text).toContain('Valid through November 23, 2027');
  });

  it('rejects invalid input and unknown kinds with their own errors', async () => {
    // Input parsed from JSON at run time is `unknown`: the kind's name is then a plain string.
    await expect(generate<string>('lmn', { purpose: 'insurance' })).rejects.toThrow(ValidationError);
    await expect(generate<string>('lmn', 'not an object')).rejects.toThrow(ValidationError);
    await expect(generate('nope', {})).rejects.toThrow(UnknownKindError);
  });
});
