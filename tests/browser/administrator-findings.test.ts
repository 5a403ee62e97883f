// The web form shows administrator-profile findings beside the field they name (Debian's chromium,
// headless, against the built app on a real port).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checksText, openForm, startFormSite, type FormSite } from '../support/browser.js';

let site: FormSite;

beforeAll(async () => {
  site = await startFormSite();
});

afterAll(() => site.close());

describe('web form: administrator profiles', () => {
  it("shows the FSAFEDS rule when the participant's employer is removed, and clears it when given", async () => {
    const { page } = await openForm(site);
    await page.getByLabel('Or start from an example').selectOption('lmn-hsa-fsa-fsafeds');
    await page.getByRole('button', { name: 'Load', exact: true }).click();
    await expect.poll(() => checksText(page)).toContain('Ready: the letter can be written.');

    const employer = page.getByRole('region', { name: /^Coverage/ }).getByLabel(/^Employer/);
    await employer.fill('');
    await employer.press('Tab');
    await expect
      .poll(() => checksText(page), { timeout: 15_000 })
      .toContain(
        "Must fix Coverage › Employer: FSAFEDS requires the account holder's employer in the letter",
      );
    expect(await checksText(page)).toContain('<https://www.fsafeds.com/support/faq>');

    await employer.fill('Social Security Administration');
    await employer.press('Tab');
    await expect.poll(() => checksText(page), { timeout: 15_000 }).not.toContain('FSAFEDS requires');
    expect(await checksText(page)).toContain('Ready: the letter can be written.');
    await page.context().close();
  }, 60_000);
});
