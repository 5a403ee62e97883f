import { describe, expect, it } from 'vitest';
import { check, generate, preview } from '../../src/index.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

type Input = Record<string, any>;

async function pagesOf(example: string, mutate: (input: Input) => void = () => undefined): Promise<string[]> {
  const input = loadExample(example);
  mutate(input);
  const { pdf } = await generate<string>('lmn', input, { today: TODAY });
  return (await readPdf(pdf)).pages;
}

/** A page's text with its line breaks and spacing collapsed, as a reader sees the sentences. */
const flat = (page: string | undefined) => (page ?? '').replace(/\s+/g, ' ');

describe('HSA/FSA claim packet page', () => {
  it('adds the packet page after the letter when asked for', async () => {
    const without = await pagesOf('lmn-hsa-fsa');
    const withPacket = await pagesOf('lmn-hsa-fsa', (input) => {
      input.packet = true;
    });
    expect(withPacket).toHaveLength(without.length + 1);
    expect(flat(withPacket.at(-2))).toContain('Sincerely,');
    const packet = flat(withPacket.at(-1));
    expect(packet).toContain('Claim packet: what to submit');
    expect(packet).toContain('Patient: Liam Nguyen, born February 9, 2011');
    expect(packet).toContain(
      'This Letter of Medical Necessity, dated November 24, 2026 and signed by Priya Raman, MD, FAAP',
    );
    expect(packet).toContain('An itemized receipt for each visit');
    expect(packet).toContain("The therapist's license number");
    expect(packet).toContain('The HealthEquity claim form');
    for (const item of ['Date of service', 'Service', 'Provider', 'Patient', 'Amount'])
      expect(packet).toContain(item);
    expect(packet).toContain('medical massage therapy (CPT 97124)');
    expect(packet).toContain('from December 1, 2026 through May 31, 2027');
    // The packet is not a page of the letter: the letter's last page is "Page N of N" of the letter alone.
    expect(packet).not.toMatch(/Page \d+ of/);
    expect(flat(withPacket.at(-2))).toContain(`Page ${without.length} of ${without.length}`);
  });

  it('leaves the packet page out unless asked for', async () => {
    for (const mutate of [() => undefined, (input: Input) => (input.packet = false)]) {
      const pages = await pagesOf('lmn-hsa-fsa', mutate);
      expect(pages.join('\n')).not.toContain('Claim packet');
      expect(flat(pages.at(-1))).toContain('Sincerely,');
    }
  });

  it('asks for one PDF per claim where the administrator takes one upload', async () => {
    const pages = await pagesOf('lmn-hsa-fsa-take-command');
    expect(flat(pages.at(-1))).toContain('Submit these documents with each claim, together as one PDF.');
    expect(flat(pages.at(-1))).toContain('The Take Command Health claim form');
  });

  it('is an HSA/FSA option only', () => {
    const input = loadExample('lmn-insurance');
    input.packet = true;
    expect(check('lmn', input, { today: TODAY }).issues).toEqual([
      { path: 'packet', code: 'UNKNOWN_FIELD', message: 'is not a known field' },
    ]);
  });
});

describe('HSA/FSA patient cover page', () => {
  it('puts a Spanish cover page, with Spanish dates, before the English letter', async () => {
    const pages = await pagesOf('lmn-hsa-fsa-via-benefits');
    const cover = flat(pages[0]);
    expect(cover).toContain('Su carta de necesidad médica: qué hacer con ella');
    expect(cover).toContain(
      'En la carta que sigue, Laura Benavides, DO, explica por qué Rosa María Castillo Vega necesita el drenaje linfático manual para tratar una afección médica diagnosticada.',
    );
    expect(cover).toContain('cuenta de reembolso de gastos médicos (HRA)');
    expect(cover).toContain(
      'Suba la carta con su solicitud de reembolso en su cuenta en línea de Via Benefits',
    );
    expect(cover).toContain('Un recibo detallado de cada sesión');
    expect(cover).toContain('El número de licencia de su terapeuta');
    expect(cover).toContain(
      'Esta carta cubre las sesiones desde el 1 de diciembre de 2026 y es válida hasta el 31 de mayo de 2027.',
    );
    // Via Benefits does not ask for a new letter each plan year: no renewal date that would
    // contradict the valid-through date above.
    expect(cover).not.toContain('carta nueva cada año del plan');
    expect(cover).toContain('¿Tiene preguntas? Llámenos al (210) 555-0188.');
    expect(cover).toContain('Esta página es para usted');
    expect(cover).not.toMatch(/December|Letter of Medical Necessity —/);
    // The letter itself stays in English for the administrator.
    const letter = flat(pages[1]);
    expect(letter).toContain('Letter of Medical Necessity — manual lymphatic drainage');
    expect(letter).toContain('6 months: December 1, 2026 through May 31, 2027');
    expect(letter).not.toContain('válida');
    expect(flat(pages.at(-1))).toContain('Claim packet: what to submit');
  });

  it('writes the English cover page on request, with the HSA record-keeping advice', async () => {
    const pages = await pagesOf('lmn-hsa-fsa-first-dollar');
    const cover = flat(pages[0]);
    expect(cover).toContain('Your Letter of Medical Necessity: what to do with it');
    expect(cover).toContain(
      'Upload the letter with your claim in your First Dollar online account or mobile app',
    );
    expect(cover).toContain('This letter covers visits from November 30, 2026 through February 7, 2027.');
    expect(cover).not.toContain('new letter every plan year');
    expect(cover).toContain(
      'With an HSA, you, not your administrator, must show that each payment was for medical care',
    );
    expect(cover).toContain('The last page of this file is a checklist of the same items');
    expect(cover).not.toMatch(/Page \d+ of/);
    expect(flat(pages[1])).toContain('RE: Letter of Medical Necessity — medical massage therapy');
    expect(flat(pages[1])).toContain('Page 1 of');
  });

  it('tells HealthEquity patients to send the letter before the first visit', async () => {
    const pages = await pagesOf('lmn-hsa-fsa', (input) => {
      input.coverPage = true;
    });
    expect(flat(pages[0])).toContain(
      'Send it before your first visit: HealthEquity reimburses only services received after it has received and approved the letter.',
    );
    expect(flat(pages[0])).not.toContain('renew it before');
  });

  it('cuts the valid-through date to the plan year when the administrator wants a letter each plan year', async () => {
    const pages = await pagesOf('lmn-hsa-fsa-take-command', (input) => {
      input.coverPage = true;
      input.coverage.planYearEnd = '2027-01-31';
    });
    const cover = flat(pages[0]);
    expect(cover).toContain('through January 31, 2027. Visits after that date need a new letter.');
    expect(cover).toContain(
      'Your administrator also asks for a new letter every plan year, and your plan year ends on January 31, 2027: ask us to renew it before then.',
    );
    expect(flat(pages[1])).toContain('Valid through January 31, 2027');
  });

  it('comes with a language, or on request, and not otherwise', async () => {
    const plain = await pagesOf('lmn-hsa-fsa');
    expect(flat(plain[0])).toContain('RE: Letter of Medical Necessity');
    expect(plain.join('\n')).not.toContain('what to do with it');
    const english = await pagesOf('lmn-hsa-fsa', (input) => {
      input.language = 'en';
    });
    expect(english).toHaveLength(plain.length + 1);
    expect(flat(english[0])).toContain('Your Letter of Medical Necessity: what to do with it');
    const off = await pagesOf('lmn-hsa-fsa-via-benefits', (input) => {
      input.coverPage = false;
    });
    expect(off.join('\n')).not.toContain('Su carta');
    expect(flat(off[0])).toContain('RE: Letter of Medical Necessity');
  });

  it('shows the same pages, separated, in the HTML preview', () => {
    const html = preview<string>('lmn', loadExample('lmn-hsa-fsa-via-benefits'), { today: TODAY });
    expect(html).toContain('es válida hasta el <strong>31 de mayo de 2027</strong>');
    expect(html.match(/<hr class="pagebreak">/g)).toHaveLength(2);
    expect(html.indexOf('Su carta de necesidad médica')).toBeLessThan(html.indexOf('<hr class="pagebreak">'));
  });

  it('gives identical bytes for identical input', async () => {
    const input = loadExample('lmn-hsa-fsa-via-benefits');
    const first = await generate<string>('lmn', input, { today: TODAY });
    const second = await generate<string>('lmn', structuredClone(input), { today: TODAY });
    expect(Buffer.from(first.pdf).equals(Buffer.from(second.pdf))).toBe(true);
  });
});
