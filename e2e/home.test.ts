import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, type RunningApp } from './harness';

let app: RunningApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('home page', () => {
  it('shows the application shell and the database as ok', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await expect(page.getByRole('heading', { name: 'Plant overview' }).isVisible()).resolves.toBe(true);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const label of ['Chat', 'Plant', 'Schedule', 'Maintenance', 'Inspection', 'Manuals', 'Handovers', 'Approvals', 'Audit']) {
      await expect(nav.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(1);
    }
    const dbRow = page.locator('tr[data-part="db"]');
    await expect(dbRow.getAttribute('data-status')).resolves.toBe('ok');
    await expect(dbRow.textContent()).resolves.toMatch(/embedded PGlite/);
    await page.close();
  });

  it('navigates to a section that is not built yet and says so', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Audit', exact: true }).click();
    await page.waitForURL(/\/audit$/);
    await expect(page.getByText('coming soon').first().isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('serves health as JSON', async () => {
    const response = await fetch(`${app.url}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { parts: { db: { status: string } } };
    expect(body.parts.db.status).toBe('ok');
  });
});
