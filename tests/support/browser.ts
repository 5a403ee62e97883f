// The web form in Debian's chromium (headless, via playwright-core; nothing is ever downloaded) against
// the built app on a real loopback port, and the locators the browser tests share.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { TODAY } from './pdf.js';

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface FormSite {
  base: string;
  browser: Browser;
  close(): Promise<void>;
}

/** The built app (assets resolved from dist/), the rules' clock pinned like every other test, and a browser. */
export async function startFormSite(): Promise<FormSite> {
  const built = new URL('../../dist/server/app.js', import.meta.url).href;
  const { createApp } = (await import(built)) as typeof import('../../src/server/app.js');
  const server: Server = createApp({ letterOptions: { today: TODAY } }).listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  // launch() gives every run a fresh, temporary profile.
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    browser,
    async close() {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

export interface OpenedForm {
  page: Page;
  /** Script errors and console errors (a CSP violation is one). */
  errors: string[];
}

/** A new browser context on the form, at a desktop (default) or phone width. */
export async function openForm(
  { browser, base }: FormSite,
  width = 1280,
  { bypassCSP = false } = {},
): Promise<OpenedForm> {
  const context = await browser.newContext({
    viewport: { width, height: width > 500 ? 900 : 844 },
    locale: 'en-US',
    acceptDownloads: true,
    bypassCSP,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A 422 answer is how the service reports blocking findings; the browser logs it as an error.
    if (message.type() === 'error' && !message.text().includes('status of 422')) errors.push(message.text());
  });
  await page.goto(base);
  await page.getByRole('region', { name: 'Patient' }).waitFor();
  return { page, errors };
}

// Sections are regions named by their heading (which may carry a "For your provider" badge).
export const region = (page: Page, name: string) =>
  page.getByRole('region', { name: new RegExp(`^${name}`) });
export const group = (scope: Page | Locator, name: string) => scope.getByRole('group', { name, exact: true });
export const textbox = (scope: Page | Locator, name: string) =>
  scope.getByRole('textbox', { name, exact: true });
export const previewText = (page: Page) => page.frameLocator('#preview').locator('body').innerText();
export const checksText = (page: Page) => page.locator('#checks').innerText();
