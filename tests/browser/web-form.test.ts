// The web form in a real browser (Debian's chromium, headless) against the built service on a
// real port: what a person at the front desk or a patient does, with the mouse and with the
// keyboard alone, at desktop and phone widths.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checksText,
  group,
  openForm,
  previewText,
  region,
  startFormSite,
  textbox,
  type FormSite,
} from '../support/browser.js';
import { loadExample, readPdf, TODAY } from '../support/pdf.js';

const ARTIFACTS = new URL('../../test-artifacts/browser/', import.meta.url);
let site: FormSite;

beforeAll(async () => {
  site = await startFormSite();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(() => site.close());

/** What assistive technology reads after a control's name: its help and its error. */
function description(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
}

async function downloadPdf(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.press('Enter')]);
  const path = await download.path();
  return { name: download.suggestedFilename(), ...(await readPdf(readFileSync(path))) };
}

async function loadExampleInForm(page: Page, name: string) {
  await page.getByLabel('Or start from an example').selectOption(name);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');
}

/** Controls without a name, headings that skip a level, more than one h1: none expected. */
function auditPage(page: Page) {
  return page.evaluate(() => {
    const unnamed = [...document.querySelectorAll('input, select, textarea, button')]
      .filter((element) => !(element as HTMLElement).hidden && element.closest('[hidden]') === null)
      .filter((element) => {
        const labelled = (element as HTMLInputElement).labels?.length ?? 0;
        const named = element.getAttribute('aria-label') ?? element.getAttribute('aria-labelledby');
        const text = element.tagName === 'BUTTON' ? element.textContent.trim() : '';
        return labelled === 0 && !named && text === '';
      })
      .map((element) => element.id || element.outerHTML.slice(0, 80));
    const levels = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) =>
      Number(heading.tagName[1]),
    );
    const skips = levels.filter((level, index) => index > 0 && level > levels[index - 1]! + 1);
    return { unnamed, h1: levels.filter((level) => level === 1).length, skips };
  });
}

describe('web form', () => {
  it('writes an LMN filled in from an empty form, with a field error provoked and fixed', async () => {
    const { page, errors } = await openForm(site);
    await expect.poll(() => checksText(page)).toContain('to fill in');
    // From the first field, the preview is a draft with placeholders for what is missing.
    await expect.poll(() => previewText(page)).toContain("[patient's first name]");

    const letter = region(page, 'Letter and recipient');
    await letter.getByLabel('Letter date').fill(TODAY);
    await textbox(letter, 'Organization').fill('Aetna');
    const patient = region(page, 'Patient');
    await textbox(patient, 'First name').fill('Ana');
    await textbox(patient, 'Last name').fill('Lopez');
    await patient.getByLabel('Date of birth').fill('1980-04-02');

    const provider = region(page, 'Provider and practice');
    await textbox(provider, 'First name').fill('June');
    await textbox(provider, 'Last name').fill('Park');
    await textbox(provider, 'Credential 1').fill('MD');
    const npi = textbox(provider, 'NPI');
    await npi.fill('1234567890');
    await npi.press('Tab');
    await expect.poll(() => npi.getAttribute('aria-invalid')).toBe('true');
    expect(await description(npi)).toContain('NPI is not a valid NPI (check digit does not match)');
    expect(await checksText(page)).toContain('NPI is not a valid NPI');
    await npi.fill('1558598797');
    await expect.poll(() => npi.getAttribute('aria-invalid')).toBeNull();
    expect(await description(npi)).not.toContain('check digit');

    await textbox(group(provider, 'License'), 'State').fill('CA');
    await textbox(group(provider, 'License'), 'Number').fill('A 12345');
    const practice = group(provider, 'Practice');
    await textbox(practice, 'Name').fill('Park Family Medicine');
    await textbox(practice, 'Street address').fill('1 Main Street');
    await textbox(practice, 'City').fill('Oakland');
    await textbox(practice, 'State').fill('CA');
    await textbox(practice, 'ZIP code').fill('94612');
    await textbox(practice, 'Phone').fill('(510) 555-0100');

    const coverage = region(page, 'Coverage');
    await textbox(coverage, 'Health plan').fill('Aetna Open Access');
    await coverage.getByLabel('Plan type').selectOption('PPO');

    const code = page.getByRole('combobox', { name: 'ICD-10-CM code' });
    await code.fill('low back');
    await page.getByRole('option', { name: /^M54\.50 Low back pain, unspecified/ }).click();
    expect(await code.inputValue()).toBe('M54.50');
    expect(await textbox(group(page, 'Diagnosis 1'), 'Description (optional)').inputValue()).toBe(
      'Low back pain, unspecified',
    );

    const treatment = region(page, 'Treatment');
    await treatment.getByLabel('Service').selectOption('massage-therapy');
    await treatment.getByLabel('Start date').fill('2026-12-01');
    await group(treatment, 'Frequency').getByLabel('Sessions').fill('2');
    await group(treatment, 'Frequency').getByLabel('Per').selectOption('week');
    await group(treatment, 'Duration').getByLabel('Weeks').fill('6');
    await treatment.getByLabel('Session length (minutes)').fill('45');
    await group(treatment, 'Procedure 1').getByLabel('CPT or HCPCS code').fill('97124');
    await group(treatment, 'Procedure 1').getByLabel('Minutes per session').fill('45');
    await region(page, 'Clinical')
      .getByLabel('History and current status')
      .fill('Low back pain for four months after a fall, with spasm of the lumbar paraspinal muscles.');
    // An insurer's letter must say why the care is necessary (NECESSITY_NOT_EXPLAINED stops it).
    await region(page, 'Clinical')
      .getByLabel(/^Expected outcome/)
      .fill('Less spasm, so that she can sit through a work day.');

    await expect.poll(() => previewText(page)).toContain('Ana Lopez');
    await expect.poll(() => checksText(page)).toContain('No treatment goal is stated');
    await textbox(patient, 'First name').fill('Anabel');
    await expect.poll(() => previewText(page)).toContain('Anabel Lopez');

    const pdf = await downloadPdf(page, page.getByRole('button', { name: 'Download PDF' }));
    expect(pdf.name).toBe(`lmn-insurance-${TODAY}.pdf`);
    expect(pdf.text).toContain('Anabel Lopez');
    expect(pdf.text).toContain('M54.50');
    expect(pdf.text).toContain('Low back pain, unspecified');
    expect(pdf.text).toContain('Aetna Open Access');
    expect(pdf.text).toContain('DRAFT');
    expect(errors).toEqual([]);
  }, 60_000);

  it('loads each example and downloads the PDF of each kind', async () => {
    const { page, errors } = await openForm(site);
    const options = await page.getByLabel('Or start from an example').locator('option').all();
    const names = (await Promise.all(options.map((option) => option.getAttribute('value')))).filter(
      (name): name is string => name !== null && name !== '',
    );
    const kinds = new Set<string>();
    for (const name of names) {
      await loadExampleInForm(page, name);
      const example = loadExample(name);
      await expect.poll(() => previewText(page)).toContain(example.patient.lastName);
      const pdf = await downloadPdf(page, page.locator('#download'));
      kinds.add(await page.getByLabel('Letter', { exact: true }).inputValue());
      // The kind and the letter's date, never the patient's name.
      const kind = await page.getByLabel('Letter', { exact: true }).inputValue();
      const stem = [kind, example.purpose].filter(Boolean).join('-');
      expect(pdf.name).toBe(`${stem}-${example.date}.pdf`);
      expect(pdf.text).toContain(example.patient.lastName);
      expect(await auditPage(page)).toEqual({ unnamed: [], h1: 1, skips: [] });
    }
    expect([...kinds].sort()).toEqual(['appeal', 'lmn', 'prescription', 'prior-auth']);
    expect(errors).toEqual([]);
  }, 90_000);

  it('writes a prescription with the keyboard alone, focus visible at every step', async () => {
    const { page, errors } = await openForm(site);
    const unfocused: string[] = [];
    /** Presses Tab (or Shift+Tab) until the control with this id or accessible name has the focus. */
    async function tabTo(target: string, key = 'Tab') {
      for (let presses = 0; presses < 250; presses++) {
        await page.keyboard.press(key);
        const focused = await page.evaluate(() => {
          const element = document.activeElement;
          const outline = element ? getComputedStyle(element).outlineStyle : 'none';
          const name = element?.getAttribute('aria-label') ?? element?.textContent ?? '';
          return { id: element?.id ?? '', name, tag: element?.tagName ?? '', visible: outline !== 'none' };
        });
        if (!focused.visible && focused.tag !== 'BODY') unfocused.push(focused.id || focused.tag);
        if (focused.id === target || (focused.tag === 'BUTTON' && focused.name === target)) return;
      }
      throw new Error(`Tab never reached ${target}`);
    }
    async function typeInto(id: string, text: string) {
      await tabTo(id);
      await page.keyboard.type(text);
    }

    await tabTo('kind');
    await page.keyboard.type('Pres');
    await expect.poll(() => page.locator('#kind').inputValue()).toBe('prescription');
    await expect.poll(() => page.getByRole('heading', { name: 'Treatment' }).count()).toBe(1);

    await typeInto('f-patient-firstName', 'Rosa');
    await typeInto('f-patient-lastName', 'Ibarra');
    await typeInto('f-patient-dateOfBirth', '07221969');
    await typeInto('f-provider-firstName', 'Omar');
    await typeInto('f-provider-lastName', 'Haddad');
    await typeInto('f-provider-credentials-0', 'DO');
    await typeInto('f-provider-npi', '1245319599');
    await typeInto('f-provider-license-state', 'TX');
    await typeInto('f-provider-license-number', 'Q 5521');
    await typeInto('f-provider-practice-name', 'Haddad Osteopathic Clinic');
    await typeInto('f-provider-practice-address-line1', '40 Elm Street');
    await typeInto('f-provider-practice-address-city', 'Austin');
    await typeInto('f-provider-practice-address-state', 'TX');
    await typeInto('f-provider-practice-address-postalCode', '78701');
    await typeInto('f-provider-practice-phone', '512 555 0150');

    await typeInto('f-diagnoses-0-code', 'M54.5');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#f-diagnoses-0-description').inputValue())
      .toBe('Low back pain, unspecified');
    // A row added and removed again by keyboard; focus stays where the person is.
    await tabTo('Add diagnosis');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('f-diagnoses-1-code');
    await tabTo('Remove diagnosis 2');
    await page.keyboard.press('Enter');
    expect(await page.locator('#f-diagnoses-1').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-diagnoses-0-code');

    await tabTo('f-treatment-service');
    await page.keyboard.type('Massage');
    await typeInto('f-treatment-startDate', '12012026');
    await typeInto('f-treatment-frequency-count', '1');
    await tabTo('f-treatment-frequency-per');
    await page.keyboard.type('Week');
    await typeInto('f-treatment-duration-weeks', '8');
    await typeInto('f-treatment-sessionMinutes', '60');
    await typeInto('f-treatment-procedures-0-code', '97124');
    await typeInto('f-treatment-procedures-0-minutes', '60');

    await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');
    await expect.poll(() => previewText(page)).toContain('Rosa Ibarra');
    await tabTo('download', 'Shift+Tab');
    const pdf = await downloadPdf(page, page.locator('#download'));
    expect(pdf.name).toMatch(/^prescription-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.text).toContain('Prescription for medical massage therapy');
    expect(pdf.text).toContain('Rosa Ibarra');
    expect(pdf.text).toContain('M54.50');
    expect(unfocused).toEqual([]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('saves the form as JSON and opens it again; keeps nothing in the browser unless asked', async () => {
    const { page, errors } = await openForm(site);
    await loadExampleInForm(page, 'prior-auth');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`prior-auth-${loadExample('prior-auth').date}.json`);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as unknown;
    expect(saved).toEqual(loadExample('prior-auth'));
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

    await page.getByRole('button', { name: 'Clear form' }).click();
    expect(await textbox(region(page, 'Patient'), 'Last name').inputValue()).toBe('');
    const file = join(tmpdir(), `lmnkit-form-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(saved));
    await page.locator('#open-file').setInputFiles(file);
    await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');
    expect(await page.locator('#kind').inputValue()).toBe('prior-auth');
    expect(await textbox(region(page, 'Patient'), 'Last name').inputValue()).toBe(
      loadExample('prior-auth').patient.lastName,
    );

    await page.getByLabel('Keep my entries in this browser').check();
    await expect.poll(() => page.evaluate(() => Object.keys(localStorage))).toEqual(['lmnkit.form']);
    await page.reload();
    await expect
      .poll(() => textbox(region(page, 'Patient'), 'Last name').inputValue())
      .toBe(loadExample('prior-auth').patient.lastName);
    expect(await page.getByLabel('Keep my entries in this browser').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Clear form' }).click();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    expect(await textbox(region(page, 'Patient'), 'Last name').inputValue()).toBe('');
    expect(errors).toEqual([]);
  }, 60_000);

  it('lets a patient prepare an HSA/FSA draft, and a clinician write past a blocking finding', async () => {
    const { page, errors } = await openForm(site);
    await loadExampleInForm(page, 'lmn-hsa-fsa');
    await page.getByLabel(/I am the patient/).check();
    await expect.poll(() => page.getByRole('button', { name: 'Download draft PDF' }).count()).toBe(1);
    expect(await region(page, 'Clinical').getByText('For your provider').count()).toBe(1);
    expect(await region(page, 'Patient').getByText('For your provider').count()).toBe(0);
    expect(await page.getByText('Signature', { exact: true }).count()).toBe(0);
    const draft = await downloadPdf(page, page.getByRole('button', { name: 'Download draft PDF' }));
    expect(draft.name).toBe(`lmn-hsa-fsa-${loadExample('lmn-hsa-fsa').date}-draft.pdf`);
    expect(draft.text).toContain('DRAFT');
    expect(draft.text).toContain('Liam Nguyen');

    await page.getByLabel(/I am the patient/).uncheck();
    const duration = group(region(page, 'Treatment'), 'Duration');
    await duration.getByLabel('Months').fill('13');
    const pdfButton = page.getByRole('button', { name: 'Download PDF' });
    await pdfButton.click();
    await expect.poll(() => checksText(page)).toContain('Must fix');
    await expect.poll(() => checksText(page)).toContain('HSA/FSA administrators accept at most 12 months');
    const anyway = await downloadPdf(page, page.getByRole('button', { name: 'Download anyway' }));
    expect(anyway.name).toBe(`lmn-hsa-fsa-${loadExample('lmn-hsa-fsa').date}.pdf`);
    expect(anyway.text).toContain('Liam Nguyen');
    expect(anyway.text).not.toContain('DRAFT');
    expect(errors).toEqual([]);
  }, 60_000);

  it('fits a 1280 px screen and a 390 px phone', async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await openForm(site, width);
      await loadExampleInForm(page, 'lmn-insurance');
      await expect.poll(() => previewText(page)).toContain('Maria Delgado-Reyes');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(await page.getByRole('button', { name: 'Download PDF' }).isVisible()).toBe(true);
      writeFileSync(new URL(`form-${width}.png`, ARTIFACTS), await page.screenshot());
      writeFileSync(new URL(`form-${width}-full.png`, ARTIFACTS), await page.screenshot({ fullPage: true }));
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 60_000);
});
