// The web form as a practice's daily tool (issue 13), in Debian's chromium against the built app on
// a real port: the practice set up once, a letter from the patient's facts alone, work that survives
// a reload, one case for every letter, checks that agree with Download, and axe-core at both widths.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
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
const PRACTICE_FILE = fileURLToPath(new URL('../../examples/practice/practice.json', import.meta.url));
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let site: FormSite;

beforeAll(async () => {
  site = await startFormSite();
  mkdirSync(ARTIFACTS, { recursive: true });
});

afterAll(() => site.close());

/** The form, with its CSP bypassed: axe-core is injected as a script, which the page's own CSP would refuse. */
const open = (width?: number) => openForm(site, width, { bypassCSP: true });

async function downloadPdf(page: Page, button: Locator) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: download.suggestedFilename(), ...(await readPdf(readFileSync(await download.path()))) };
}

/** axe-core's violations on the form (the preview's own page is checked on its own: axePreview). */
async function axeViolations(page: Page, exclude: string[] = []): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  return page.evaluate(async (excluded: string[]) => {
    const { violations } = await (
      window as unknown as {
        axe: {
          run: (
            context: unknown,
            options: unknown,
          ) => Promise<{ violations: { id: string; nodes: unknown[] }[] }>;
        };
      }
    ).axe.run({ include: [['html']], exclude: excluded.map((selector) => [selector]) }, { iframes: false });
    return violations.map(
      ({ id, nodes }) =>
        `${id}: ${JSON.stringify(nodes.map((node) => (node as { target: unknown }).target))}`,
    );
  }, exclude);
}

/** axe-core on the preview's HTML, opened as a page of its own. */
async function axePreview(page: Page): Promise<string[]> {
  const html = await page.locator('#preview').getAttribute('srcdoc');
  const context = await site.browser.newContext({ bypassCSP: true });
  const own = await context.newPage();
  await own.setContent(html ?? '');
  // The DRAFT watermark is faint by design and hidden from assistive technology (aria-hidden).
  const found = await axeViolations(own, ['.draft']);
  await context.close();
  return found;
}

/** Fields touched and keys pressed: each character, one key to reach a field, one to choose an option. */
class Effort {
  fields = new Set<string>();
  keystrokes = 0;

  async fill(control: Locator, name: string, text: string) {
    await control.fill(text);
    this.fields.add(name);
    this.keystrokes += text.length + 1;
  }

  async select(control: Locator, name: string, value: string) {
    await control.selectOption(value);
    this.fields.add(name);
    this.keystrokes += 2;
  }

  async pick(page: Page, control: Locator, name: string, text: string, option: RegExp) {
    await this.fill(control, name, text);
    await page.getByRole('option', { name: option }).click();
    this.keystrokes += 1;
  }
}

/** The recipient, the patient, the coverage and the clinical facts of one insurance LMN. */
async function writeCaseFacts(page: Page, effort: Effort) {
  const letter = region(page, 'Letter and recipient');
  await effort.fill(letter.getByLabel('Letter date'), 'date', TODAY);
  await effort.fill(textbox(letter, 'Organization'), 'recipient', 'Aetna');
  const patient = region(page, 'Patient');
  await effort.fill(textbox(patient, 'First name'), 'patient.firstName', 'Ana');
  await effort.fill(textbox(patient, 'Last name'), 'patient.lastName', 'Lopez');
  await effort.fill(patient.getByLabel('Date of birth'), 'patient.dateOfBirth', '1980-04-02');
  const coverage = region(page, 'Coverage');
  await effort.fill(textbox(coverage, 'Health plan'), 'coverage.payer', 'Aetna Open Access');
  await effort.select(coverage.getByLabel('Plan type'), 'coverage.planType', 'PPO');
  const code = page.getByRole('combobox', { name: 'ICD-10-CM code' });
  await effort.pick(page, code, 'diagnosis', 'low back', /^M54\.50 Low back pain, unspecified/);
  const treatment = region(page, 'Treatment');
  await effort.select(treatment.getByLabel('Service'), 'service', 'massage-therapy');
  await effort.fill(treatment.getByLabel('Start date'), 'startDate', '2026-12-01');
  await effort.fill(group(treatment, 'Frequency').getByLabel('Sessions'), 'count', '2');
  await effort.select(group(treatment, 'Frequency').getByLabel('Per'), 'per', 'week');
  await effort.fill(group(treatment, 'Duration').getByLabel('Weeks'), 'weeks', '6');
  await effort.fill(treatment.getByLabel('Session length (minutes)'), 'sessionMinutes', '45');
  const procedure = group(treatment, 'Procedure 1');
  await effort.fill(procedure.getByLabel('CPT or HCPCS code'), 'cpt', '97124');
  await effort.fill(procedure.getByLabel('Minutes per session'), 'minutes', '45');
  const clinical = region(page, 'Clinical');
  await effort.fill(
    clinical.getByLabel('History and current status'),
    'history',
    'Low back pain for four months after a fall, with spasm of the lumbar paraspinal muscles.',
  );
  await effort.fill(
    clinical.getByLabel(/^Expected outcome/),
    'expectedOutcome',
    'Less spasm, so that she can sit through a work day.',
  );
}

/** The provider and the letterhead, typed into the letter. */
async function writeProvider(page: Page, effort: Effort) {
  const provider = region(page, 'Provider and practice');
  await effort.fill(textbox(provider, 'First name'), 'provider.firstName', 'June');
  await effort.fill(textbox(provider, 'Last name'), 'provider.lastName', 'Park');
  await effort.fill(textbox(provider, 'Credential 1'), 'credential', 'MD');
  await effort.fill(textbox(provider, 'NPI'), 'npi', '1558598797');
  await effort.fill(textbox(group(provider, 'License'), 'State'), 'license.state', 'CA');
  await effort.fill(textbox(group(provider, 'License'), 'Number'), 'license.number', 'A 123456');
  const practice = group(provider, 'Practice');
  await effort.fill(textbox(practice, 'Name'), 'practice.name', 'Bayview Integrative Health');
  await effort.fill(textbox(practice, 'Street address'), 'line1', '2100 Webster Street, Suite 310');
  await effort.fill(textbox(practice, 'City'), 'city', 'Oakland');
  await effort.fill(textbox(practice, 'State'), 'practice.state', 'CA');
  await effort.fill(textbox(practice, 'ZIP code'), 'zip', '94612');
  await effort.fill(textbox(practice, 'Phone'), 'phone', '(510) 555-0142');
}

describe('web form: a practice’s daily tool', () => {
  it('sets the practice up once; then an LMN needs only the recipient, patient and clinical facts', async () => {
    const before = new Effort();
    {
      const { page, errors } = await open();
      await writeCaseFacts(page, before);
      await writeProvider(page, before);
      await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');
      expect(errors).toEqual([]);
      await page.context().close();
    }

    const after = new Effort();
    const { page, errors } = await open();
    await page.getByText('Set up the letterhead and providers once').click();
    await page.locator('#practice-file').setInputFiles(PRACTICE_FILE);
    await expect.poll(() => page.locator('#status').innerText()).toContain('Imported the practice');
    await page.getByLabel('Keep the practice in this browser').check();
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual(['lmnkit.practice']);
    // The practice holds no patient data: only the letterhead and its providers.
    const kept = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('lmnkit.practice'))) ?? '{}',
    ) as Record<string, unknown>;
    expect(Object.keys(kept).sort()).toEqual(['practice', 'providers']);

    // A later letter, in a new tab: the provider picker offers the practice's providers.
    await page.reload();
    await page.getByRole('region', { name: 'Patient' }).waitFor();
    await expect.poll(() => page.getByLabel('Provider', { exact: true }).inputValue()).toBe('0');
    await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'Omar Haddad, DO' });
    await expect
      .poll(() => textbox(region(page, 'Provider and practice'), 'Last name').inputValue())
      .toBe('Haddad');
    await page.getByLabel('Provider', { exact: true }).selectOption({ label: 'June Park, MD' });
    after.keystrokes += 2;
    await writeCaseFacts(page, after);
    await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');
    const pdf = await downloadPdf(page, page.getByRole('button', { name: 'Download PDF' }));
    expect(pdf.text).toContain('June Park, MD');
    expect(pdf.text).toContain('Bayview Integrative Health');
    expect(pdf.text).toContain('1558598797');
    expect(pdf.text).toContain('Ana Lopez');

    expect(after.fields.size).toBe(before.fields.size - 12);
    expect(after.keystrokes).toBeLessThan(before.keystrokes);
    writeFileSync(
      new URL('effort.json', ARTIFACTS),
      `${JSON.stringify(
        {
          withoutPractice: { fields: before.fields.size, keystrokes: before.keystrokes },
          withPractice: { fields: after.fields.size, keystrokes: after.keystrokes },
        },
        null,
        2,
      )}\n`,
    );
    expect(errors).toEqual([]);
  }, 120_000);

  it('writes a prescription, then the LMN from the same case with nothing retyped', async () => {
    const { page, errors } = await open();
    await page.getByLabel('Or start from an example').selectOption('prescription');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');
    const prescription = loadExample('prescription');
    await page.locator('#kind').selectOption('lmn');
    await expect.poll(() => page.locator('#status').innerText()).toContain('kept what the letters share');
    const patient = region(page, 'Patient');
    expect(await textbox(patient, 'Last name').inputValue()).toBe(prescription.patient.lastName);
    expect(await textbox(region(page, 'Provider and practice'), 'NPI').inputValue()).toBe(
      prescription.provider.npi,
    );
    expect(await page.getByRole('combobox', { name: 'ICD-10-CM code' }).first().inputValue()).toBe(
      prescription.diagnoses[0].code,
    );
    // Only what the LMN adds is asked for: the recipient, the coverage and the clinical facts.
    await expect.poll(() => checksText(page)).toContain('Still to fill in');
    const missing = await page.locator('#checks details.missing li').allInnerTexts();
    expect(missing.length).toBeGreaterThan(0);
    expect(missing.every((item) => /^(Recipient|Coverage|Clinical|History)/.test(item))).toBe(true);
    await expect.poll(() => previewText(page)).toContain(prescription.patient.lastName);
    expect(errors).toEqual([]);
  }, 60_000);

  it("lets a patient download an HSA/FSA draft from the patient's facts alone, without “anyway”", async () => {
    const { page, errors } = await open();
    await page.locator('#kind').selectOption('lmn');
    await region(page, 'Letter and recipient').getByLabel('Sent to').selectOption('hsa-fsa');
    await page.getByLabel(/I am the patient/).check();
    const patient = region(page, 'Patient');
    await textbox(patient, 'First name').fill('Liam');
    await textbox(patient, 'Last name').fill('Nguyen');
    await patient.getByLabel('Date of birth').fill('1990-03-04');
    const coverage = region(page, 'Coverage');
    await coverage.getByLabel(/^Administrator/).fill('FSAFEDS');
    // An administrator's own requirement is marked required, not "(optional)".
    await expect.poll(() => coverage.getByText('(required by FSAFEDS)').count()).toBeGreaterThan(0);
    expect(await coverage.getByLabel(/^Employer/).getAttribute('aria-required')).toBe('true');
    await coverage.getByLabel(/^Employer/).fill('Social Security Administration');
    await expect.poll(() => previewText(page)).toContain("[provider's NPI]");
    const draft = await downloadPdf(page, page.getByRole('button', { name: 'Download draft PDF' }));
    expect(draft.name).toMatch(/^lmn-hsa-fsa-\d{4}-\d{2}-\d{2}-draft\.pdf$/);
    expect(draft.text).toContain('DRAFT');
    expect(draft.text).toContain('Liam Nguyen');
    expect(draft.text).toContain("[provider's NPI]");
    expect(await page.getByRole('button', { name: 'Download anyway' }).count()).toBe(0);
    expect(await page.locator('#status').innerText()).toContain('Downloaded');
    expect(errors).toEqual([]);
  }, 60_000);

  it('keeps the entries through a reload of the tab, and warns before they are lost', async () => {
    const { page, errors } = await open();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await textbox(region(page, 'Patient'), 'First name').click();
    await page.keyboard.type('Rosa');
    await textbox(region(page, 'Patient'), 'Last name').click();
    await page.keyboard.type('Ibarra');
    await expect
      .poll(() => page.evaluate(() => Object.keys(sessionStorage)))
      .toEqual(['lmnkit.form.session']);
    expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
    await page.reload();
    await expect.poll(() => textbox(region(page, 'Patient'), 'Last name').inputValue()).toBe('Ibarra');
    expect(dialogs).toEqual(['beforeunload']);
    expect(await page.locator('#status').innerText()).toContain('Restored the entries of this tab');
    expect(errors).toEqual([]);
  }, 60_000);

  it('finds M54.2 for “neck pain”', async () => {
    const { page } = await open();
    await page.getByRole('combobox', { name: 'ICD-10-CM code' }).fill('neck pain');
    await page.getByRole('option', { name: /^M54\.2 Cervicalgia/ }).click();
    expect(await page.getByRole('combobox', { name: 'ICD-10-CM code' }).inputValue()).toBe('M54.2');
    await page.context().close();
  }, 30_000);

  it('never says Ready while a finding stops the letter; lists it first and the missing in form order', async () => {
    const { page, errors } = await open();
    await page.getByLabel('Or start from an example').selectOption('lmn-hsa-fsa');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');
    await group(region(page, 'Treatment'), 'Duration').getByLabel('Months').fill('13');
    await expect.poll(() => checksText(page)).toContain('Must fix');
    expect(await checksText(page)).not.toContain('Ready');
    expect(await page.locator('#checks ul.findings > li').first().getAttribute('class')).toBe('level-error');
    expect(await page.getByRole('button', { name: 'Download anyway' }).count()).toBe(1);
    // Download says the same as the checks.
    await page.getByRole('button', { name: 'Download PDF' }).click();
    await expect.poll(() => page.locator('#status').innerText()).toContain('Not written');

    await region(page, 'Clinical').getByLabel('History and current status').fill('');
    await page.locator('#f-patient-lastName').fill('');
    await expect.poll(() => page.locator('#checks details.missing li').count()).toBe(2);
    expect(await page.locator('#checks details.missing li').allInnerTexts()).toEqual([
      'Patient › Last name',
      'Clinical › History and current status',
    ]);
    expect(errors).toEqual([]);
  }, 60_000);

  it('marks required fields, keeps a click on a folded group, and shows no stale message for a select', async () => {
    const { page, errors } = await open();
    const patient = region(page, 'Patient');
    expect(await textbox(patient, 'Last name').getAttribute('aria-required')).toBe('true');
    expect(await page.locator('#f-patient-middleName').getAttribute('aria-required')).toBeNull();

    // The NPI's message appears as the pointer goes down on the folded group below: the click still opens it.
    const provider = region(page, 'Provider and practice');
    await textbox(provider, 'NPI').fill('123');
    await expect.poll(() => page.locator('#checks li', { hasText: 'Provider › NPI' }).count()).toBe(1);
    const signature = provider.locator('details[data-path="provider.signature"]');
    await signature.locator('summary').first().click();
    expect(await signature.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => provider.getByText('NPI must be').count()).toBe(1);

    const service = region(page, 'Treatment').getByLabel('Service');
    await service.focus();
    await service.press('Tab');
    await expect.poll(() => region(page, 'Treatment').getByText('Service is required').count()).toBe(1);
    await service.selectOption('massage-therapy');
    expect(
      await region(page, 'Treatment')
        .getByText(/Service (is required|must be one of)/)
        .count(),
    ).toBe(0);
    await expect.poll(() => checksText(page)).not.toContain('Treatment › Service');
    expect(
      await region(page, 'Treatment')
        .getByText(/Service (is required|must be one of)/)
        .count(),
    ).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);

  it('has no axe-core violations in its new states at 1280 and 390 px, nor in the preview', async () => {
    for (const width of [1280, 390]) {
      const { page, errors } = await open(width);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByText('Set up the letterhead and providers once').click();
      await page.locator('#practice-file').setInputFiles(PRACTICE_FILE);
      await expect.poll(() => page.getByLabel('Provider', { exact: true }).isVisible()).toBe(true);
      await expect.poll(() => previewText(page)).toContain('Bayview Integrative Health');
      expect(await axeViolations(page)).toEqual([]);
      expect(await axePreview(page)).toEqual([]);
      await page.locator('#kind').selectOption('lmn');
      await region(page, 'Letter and recipient').getByLabel('Sent to').selectOption('hsa-fsa');
      await page.getByLabel(/I am the patient/).check();
      await region(page, 'Coverage')
        .getByLabel(/^Administrator/)
        .fill('FSAFEDS');
      await expect.poll(() => page.getByText('(required by FSAFEDS)').count()).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel(/I am the patient/).uncheck();
      await page.getByLabel('Or start from an example').selectOption('lmn-insurance');
      await page.getByRole('button', { name: 'Load', exact: true }).click();
      await expect.poll(() => previewText(page), { timeout: 15_000 }).toContain('Maria Delgado-Reyes');
      expect(await axeViolations(page)).toEqual([]);
      expect(await axePreview(page)).toEqual([]);
      writeFileSync(new URL(`daily-${width}.png`, ARTIFACTS), await page.screenshot());
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 240_000);
});
