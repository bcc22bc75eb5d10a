import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  arrive,
  CHROMIUM,
  focusedName,
  launchChromium,
  openPage,
  pageErrors,
  screenshot,
  seriousViolations,
  serveApp,
  tabTo,
  type ServedApp,
} from './helpers/browser-app';
import { solidPng } from './helpers/solid-png';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium)
  console.log(`Skipping the screen tests: no Chromium at ${CHROMIUM} (.ci/run installs it).`);

/** Screenshot and accessibility check of the screen on show. */
async function look(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const violations = await seriousViolations(page);
  expect(violations, `${name}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
}

async function typeInto(page: Page, text: string): Promise<void> {
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}

describe.skipIf(!hasChromium)('the screens in a real browser', () => {
  let app: ServedApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([serveApp(), launchChromium()]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('walks the main flow with the keyboard alone: connect, declare, scan, fix, decide, rescan, history', async () => {
    const page = await openPage(browser, app.url);

    // Welcome: sign-in is offered without an app registration; this walk explores the demo tenant.
    await arrive(page, 'Welcome to Breach Ready');
    await page.getByRole('button', { name: 'Sign in with your browser' }).waitFor();
    await page.getByText(/Microsoft Graph Command Line Tools/).waitFor();
    await expect(page.getByText(/We change nothing/).count()).resolves.toBe(1);
    await look(page, '01-welcome');
    await tabTo(page, /^button Explore a demo tenant$/);
    await page.keyboard.press('Enter');

    // Scan progress, then the first-scan question about the tenant.
    await arrive(page, 'Scanning the demo tenant');
    await page.getByText(/data sources read/).waitFor();
    await look(page, '02-scan-progress');
    const results = page.getByRole('button', { name: 'See your results' });
    await results.waitFor({ timeout: 30_000 });
    expect(await focusedName(page)).toBe('button See your results');
    await look(page, '03-scan-finished');
    await page.keyboard.press('Enter');

    await arrive(page, 'Tell us about your tenant');
    await tabTo(page, /Emergency access/);
    await typeInto(page, 'breakglass@contosodental.onmicrosoft.com');
    await look(page, '04-declare');
    await tabTo(page, /^button Save and show results$/);
    await page.keyboard.press('Enter');

    // Dashboard: score with coverage, what to fix first, investigation, frameworks.
    await arrive(page, 'Contoso Dental');
    await expect(
      page
        .getByText(/\d+ of \d+ checks assessed/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await page.getByRole('heading', { name: 'What to fix first' }).waitFor();
    await page.getByRole('heading', { name: 'Could you investigate a breach?' }).waitFor();
    await page.getByRole('table', { name: 'Score per NIST CSF 2.0 function' }).waitFor();
    await page.locator('.recharts-surface').first().waitFor();
    await look(page, '05-dashboard');

    // Findings: search, then open the finding from the list with Enter.
    await tabTo(page, /^button Findings$/, { backwards: true });
    await page.keyboard.press('Enter');
    await arrive(page, 'Findings');
    await look(page, '06-findings');
    await tabTo(page, /Search/);
    await page.keyboard.type('CA-005');
    await page.getByText(/^Showing 1 of \d+ findings/).waitFor();
    await tabTo(page, /^listbox Findings$/);
    await page.keyboard.press('Enter');

    // Finding detail: tick the first step, accept the risk with owner, review date and reason.
    await arrive(page, /legacy authentication/i);
    await tabTo(page, /^input Step 1:/);
    await page.keyboard.press('Space');
    await page.getByText(/^1 of \d+ steps done/).waitFor();
    await tabTo(page, /^input Planned: we will fix it$/);
    await page.keyboard.press('ArrowDown');
    expect(await focusedName(page)).toBe('input Risk accepted');
    await tabTo(page, /Risk owner/);
    await page.keyboard.type('Sam Owner');
    await tabTo(page, /Review by/);
    await page.keyboard.type('03012099');
    await tabTo(page, /Why the business accepts this risk/);
    await page.keyboard.type(
      'The office scanner cannot do modern sign-in until it is replaced in March.',
    );
    await tabTo(page, /^button Save decision$/);
    await page.keyboard.press('Enter');
    await page.getByText('Decision saved.').waitFor();
    await page.getByText(/Current decision: Risk accepted by Sam Owner until 1 Mar 2099/).waitFor();
    await look(page, '07-finding-detail');

    // The tick survived: back to the list, the finding says so.
    await tabTo(page, /^button Back to findings$/, { backwards: true });
    await page.keyboard.press('Enter');
    await page
      .getByText(/1 of \d+ steps done/)
      .first()
      .waitFor();

    // History, then scan again from there.
    await tabTo(page, /^button History$/, { backwards: true });
    await page.keyboard.press('Enter');
    await arrive(page, 'History');
    const scanTable = page.getByRole('table', { name: /Every scan of this tenant/ });
    await scanTable.waitFor();
    const scansBefore = await scanTable.getByRole('row').count();
    expect(scansBefore).toBeGreaterThan(1);
    await tabTo(page, /^button Scan again$/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'See your results' }).waitFor({ timeout: 30_000 });
    await page.keyboard.press('Enter');
    await arrive(page, 'Contoso Dental');
    await page.getByText(/1 risk accepted by the business/).waitFor();

    await tabTo(page, /^button History$/, { backwards: true });
    await page.keyboard.press('Enter');
    await arrive(page, 'History');
    const scanRows = page
      .getByRole('table', { name: /Every scan of this tenant/ })
      .getByRole('row');
    await expect.poll(() => scanRows.count()).toBe(scansBefore + 1);
    await page.getByText(/^Since the last scan: \d+ fixed, \d+ newly failing/).waitFor();
    const log = page.getByRole('table', { name: /Decisions recorded/ });
    await log.getByText(/Risk accepted by Sam Owner until 1 Mar 2099/).waitFor();
    await page.getByRole('img', { name: /Line chart of the score over time/ }).waitFor();
    await look(page, '08-history');

    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 90_000);

  it('shows tenants, settings and the themes, each accessible', async () => {
    const page = await openPage(browser, app.url, 'dark');
    await arrive(page, 'Contoso Dental');
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('dark');
    await page.locator('.recharts-surface').first().waitFor();
    await look(page, '09-dashboard-dark');

    // A client-ready report downloads from the dashboard.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report' }).click();
    await page.getByRole('menuitem', { name: 'Web page (HTML)' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.html$/);
    await page.getByText(/^Saved .+\.html to your downloads\.$/).waitFor();

    // A scan can be cancelled, and says so plainly.
    await page.getByRole('button', { name: 'Scan again' }).click();
    await page.getByText(/data sources read/).waitFor();
    await page.getByRole('button', { name: 'Cancel scan' }).click();
    await page.getByText('The scan was cancelled. Nothing was saved from it.').waitFor();
    await look(page, '10-scan-cancelled-dark');
    await page.getByRole('button', { name: 'Go back' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contoso Dental' }).waitFor();

    await page.getByRole('button', { name: 'Tenants', exact: true }).click();
    await page
      .getByRole('table', { name: 'Scanned tenants' })
      .getByText('Contoso Dental')
      .waitFor();
    await look(page, '11-tenants-dark');

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await arrive(page, 'Settings');
    await page.getByText(/You declared 1 emergency account/).waitFor();
    await page.getByRole('radio', { name: 'Light' }).check();
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('light');
    // Report branding: a logo that is not an image is refused; a real one is kept with the names.
    const branding = page.getByRole('form', { name: 'Report branding' });
    await branding
      .getByRole('textbox', { name: 'Company preparing the reports' })
      .fill('Northwind IT');
    await branding.getByRole('textbox', { name: 'Prepared by' }).fill('Alex Kim');
    const logoInput = branding.locator('input[type=file]');
    await logoInput.setInputFiles({
      name: 'logo.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('GIF89a'),
    });
    await branding.getByText('The logo must be a PNG or JPEG image.').waitFor();
    await logoInput.setInputFiles({
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: solidPng(64, 32, [0, 90, 158]),
    });
    await branding.getByRole('img', { name: 'The logo on your reports' }).waitFor();
    await branding.getByRole('button', { name: 'Save branding' }).click();
    await branding.getByText('Saved. The next report you export uses it.').waitFor();
    await look(page, '12-settings');
    await page.getByRole('button', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    expect(
      await page.getByRole('textbox', { name: 'Company preparing the reports' }).inputValue(),
    ).toBe('Northwind IT');
    await page.getByRole('img', { name: 'The logo on your reports' }).waitFor();

    await page.getByRole('radio', { name: 'High contrast' }).check();
    expect(await page.locator('[data-theme]').getAttribute('data-theme')).toBe('high-contrast');
    await page.getByRole('button', { name: 'Findings', exact: true }).click();
    await page.getByRole('listbox', { name: 'Findings', exact: true }).waitFor();
    await look(page, '13-findings-high-contrast');

    // The list is one tab stop: arrows move through the findings, Enter opens the one reached.
    const list = page.getByRole('listbox', { name: 'Findings' });
    const third = (await list.getByRole('option').nth(2).textContent()) ?? '';
    const thirdId = /\(([A-Z]{2,4}-\d{3})\)/.exec(third)?.[1];
    expect(thirdId).toBeDefined();
    await list.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await list.getAttribute('aria-activedescendant')).toBe(
      await list.getByRole('option').nth(2).getAttribute('id'),
    );
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Back to findings' }).waitFor();
    await page.getByText(thirdId!, { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Settings', exact: true }).click();
    await page.getByRole('button', { name: /Delete this tenant’s data/ }).click();
    await page
      .getByRole('dialog')
      .getByText(/This cannot be undone/)
      .waitFor();
    await look(page, '14-delete-confirmation');
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await arrive(page, 'Welcome to Breach Ready');

    await page.getByRole('button', { name: 'Findings', exact: true }).click();
    await page.getByRole('heading', { name: 'No tenant scanned yet' }).waitFor();
    await look(page, '15-findings-empty');

    expect(pageErrors(page)).toEqual([]);
    await page.context().close();
  }, 60_000);

  it('offers every way to sign in when an app registration is configured, and explains a certificate file it cannot use', async () => {
    const live = await serveApp({ clientId: '11111111-2222-3333-4444-555555555555' });
    try {
      const page = await openPage(browser, live.url);
      await arrive(page, 'Welcome to Breach Ready');
      await page.getByRole('button', { name: 'Sign in with your browser' }).waitFor();
      await page.getByRole('button', { name: 'Sign in with a code instead' }).waitFor();
      await page.getByRole('textbox', { name: /Customer tenant/ }).waitFor();
      expect(await page.getByText(/Microsoft Graph Command Line Tools/).count()).toBe(0);
      await look(page, '16-welcome-live-sign-in');

      await page
        .getByRole('button', { name: 'Technicians: sign in as your app with a certificate' })
        .click();
      const form = page.getByRole('form', { name: 'Sign in with a certificate' });
      await form.waitFor();
      // Browser mode has no system file chooser: the path is typed.
      expect(await page.getByRole('button', { name: 'Choose file…' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Connect with the certificate' }).click();
      await page.getByText('Enter the tenant’s domain or id.').waitFor();
      await page.getByText('Enter where the certificate file is.').waitFor();
      expect(
        await page.getByRole('textbox', { name: /Application \(client\) ID/ }).inputValue(),
      ).toBe('11111111-2222-3333-4444-555555555555');
      await page.getByRole('textbox', { name: /Customer tenant/ }).fill('contoso.com');
      await page
        .getByRole('textbox', { name: /Certificate file/ })
        .fill('/nonexistent/breach-ready.pem');
      await look(page, '17-certificate-sign-in');
      await page.getByRole('button', { name: 'Connect with the certificate' }).click();
      await page.getByText('Sign-in did not finish').waitFor();
      await page.getByText('There is no file at /nonexistent/breach-ready.pem.').waitFor();
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    } finally {
      await live.stop();
    }
  }, 30_000);

  it('fills the certificate path from the desktop app’s file chooser, and keeps the field when it is closed', async () => {
    const live = await serveApp({ clientId: '11111111-2222-3333-4444-555555555555' });
    try {
      // The desktop host's side of the contract: app.info says it can choose files, and the
      // chooser answers a path, then nothing (closed). Every other call reaches the real server.
      const chosen: (string | null)[] = ['/home/tech/certs/contoso.pem', null];
      const page = await openPage(browser, live.url, 'light', (page) =>
        page.route('**/api/call', async (route) => {
          const body = route.request().postDataJSON() as { method: string };
          if (body.method === 'files.chooseCertificate') {
            await route.fulfill({ json: { ok: true, value: { path: chosen.shift() ?? null } } });
            return;
          }
          const response = await route.fetch();
          const json = (await response.json()) as { ok: boolean; value?: object };
          if (body.method === 'app.info' && json.ok) {
            json.value = { ...json.value, mode: 'desktop', canChooseFiles: true };
          }
          await route.fulfill({ response, json });
        }),
      );
      await arrive(page, 'Welcome to Breach Ready');
      await page
        .getByRole('button', { name: 'Technicians: sign in as your app with a certificate' })
        .click();
      const file = page.getByRole('textbox', { name: /Certificate file/ });
      const choose = page.getByRole('button', { name: 'Choose file…' });
      await choose.click();
      await expect.poll(() => file.inputValue()).toBe('/home/tech/certs/contoso.pem');
      await look(page, '18-certificate-choose-file');
      await choose.click();
      await page.waitForTimeout(200);
      expect(await file.inputValue()).toBe('/home/tech/certs/contoso.pem');
      expect(chosen).toEqual([]);
      expect(pageErrors(page)).toEqual([]);
      await page.context().close();
    } finally {
      await live.stop();
    }
  }, 30_000);
});
