// The fax cover sheet: a first page addressed to the recipient's fax, with the real page count,
// numbered apart from the letter, whose own pages stay as they were.
import { describe, expect, it } from 'vitest';
import { check, generate, preview, RuleError } from '../../src/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const options = { today: TODAY, force: true };

const CASES = [
  ['appeal', 'appeal', 'Appeal of a denied claim'],
  ['prior-auth', 'prior-auth', 'Prior-authorization request'],
  ['lmn', 'lmn-insurance', 'Letter of Medical Necessity'],
  ['prescription', 'prescription', 'Prescription / referral'],
] as const;

describe('fax cover sheet', () => {
  it.each(CASES)(
    '%s: states the real page count; the letter after it is unchanged',
    async (kind, example, title) => {
      const input = loadExample(example);
      const plain = await readPdf((await generate<string>(kind, input, options)).pdf);
      const { pdf } = await generate<string>(kind, { ...input, coverSheet: 'fax' }, options);
      const faxed = await readPdf(pdf);
      const [cover = '', ...letter] = faxed.pages;
      expect(faxed.pages).toHaveLength(plain.pages.length + 1);
      expect(cover).toContain(`Pages ${faxed.pages.length}, including this cover sheet`);
      expect(cover).toContain(`Subject ${title}`);
      expect(cover).toContain(`Fax ${input.recipient.fax}`);
      expect(cover).toContain(`Phone ${input.provider.practice.phone}`);
      expect(cover).toContain(`Fax ${input.provider.practice.fax}`);
      expect(cover).toContain('Confidentiality notice');
      expect(cover).not.toMatch(/Page \d+ of \d+/);
      // The patient is not named on the cover unless the practice's subject names them.
      expect(cover).not.toContain(input.patient.lastName);
      expect(letter).toEqual(plain.pages);
    },
  );

  it('counts the patient cover page and the claim packet of an HSA/FSA letter too', async () => {
    const input = loadExample('lmn-hsa-fsa');
    input.recipient = { organization: 'HealthEquity Claims', fax: '(801) 555-0100' };
    const { pdf } = await generate<string>(
      'lmn',
      { ...input, coverSheet: 'fax', packet: true, coverPage: true },
      options,
    );
    const { pages } = await readPdf(pdf);
    expect(pages[0]).toContain(`Pages ${pages.length}, including this cover sheet`);
    expect(pages.join('\n')).toContain(`Page 1 of ${pages.length - 3}`);
  });

  it('prints the practice’s own subject, as given', async () => {
    const input = {
      ...loadExample('appeal'),
      coverSheet: 'fax',
      fax: { subject: 'Appeal, claim UH26-3318-70452' },
    };
    const { pages } = await readPdf((await generate<string>('appeal', input, options)).pdf);
    expect(pages[0]).toContain('Subject Appeal, claim UH26-3318-70452');
  });

  it('is refused without the recipient’s fax or the practice’s fax, each with its path', async () => {
    const input: Record<string, any> = { ...loadExample('appeal'), coverSheet: 'fax' };
    delete input.recipient.fax;
    delete input.provider.practice.fax;
    const run = generate<string>('appeal', input, { today: TODAY });
    await expect(run).rejects.toThrow(RuleError);
    await expect(run).rejects.toMatchObject({
      findings: expect.arrayContaining([
        expect.objectContaining({
          code: 'FAX_COVER_RECIPIENT_FAX_MISSING',
          level: 'error',
          path: 'recipient.fax',
        }),
        expect.objectContaining({
          code: 'FAX_COVER_PRACTICE_FAX_MISSING',
          level: 'error',
          path: 'provider.practice.fax',
        }),
      ]),
    });
  });

  it('warns about a fax subject that nothing prints', () => {
    const { findings } = check(
      'appeal',
      { ...loadExample('appeal'), fax: { subject: 'Appeal' } },
      { today: TODAY },
    );
    expect(findings).toContainEqual(
      expect.objectContaining({ code: 'FAX_SUBJECT_WITHOUT_COVER_SHEET', path: 'fax.subject' }),
    );
  });

  it('says in the HTML preview that pages are counted when the PDF is written', () => {
    const html = preview<string>('appeal', { ...loadExample('appeal'), coverSheet: 'fax' }, { today: TODAY });
    expect(html).toContain('counted when the PDF is written');
  });

  it('refuses a cover sheet other than fax, by path', () => {
    const { issues } = check('appeal', { ...loadExample('appeal'), coverSheet: 'email' }, { today: TODAY });
    expect(issues).toEqual([expect.objectContaining({ path: 'coverSheet' })]);
  });
});
