// The web form shows administrator-profile findings beside the field they name (Debian's chromium,
// headless, against the built app on a real port).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TODAY } from '../support/pdf.js';

let server: Server;
let browser: Browser;
let base: string;

beforeAll(async () => {
  const built = new URL('../../dist/server/app.js', import.meta.url).href;
  const { createApp } = (await import(built)) as typeof import('../../src/server/app.js');
  server = createApp({ letterOptions: { today: TODAY } }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const checksText = (page: Page) => page.locator('#checks').innerText();

describe('web form: administrator profiles', () => {
  it("shows the FSAFEDS rule when the participant's employer is removed, and clears it when given", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(base);
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
    await context.close();
  }, 60_000);
});
