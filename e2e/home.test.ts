import { describe, expect, it } from 'vitest';
import { appAndBrowser, signIn } from './harness';

const running = appAndBrowser();

describe('home page', () => {
  it('prints one-time passwords for an operator, a supervisor and an admin on first start', () => {
    expect(Object.keys(running.app.oneTimePasswords).sort()).toEqual(['admin', 'operator', 'supervisor']);
  });

  it('sends a visitor without a session to sign-in, and refuses the API', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.app.url}/approvals`);
    await page.waitForURL(/\/login\?next=%2Fapprovals/);
    await page.close();
    const response = await fetch(`${running.app.url}/api/approvals`);
    expect(response.status).toBe(401);
  });

  it('refuses a wrong password with a clear message', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.app.url}/login`);
    await page.getByLabel('User name').fill('operator');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('form [role="alert"]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/Wrong user name or password/);
    await page.close();
  });

  it('signs in with the one-time password, makes the operator choose a new one, then shows the shell with the database ok', async () => {
    const page = await running.browser.newPage();
    await signIn(page, running.app, 'operator', running.app.oneTimePasswords.operator!, 'line-one-operator-2026');
    await expect(page.getByRole('heading', { name: 'Plant overview' }).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('signed-in-user').textContent()).resolves.toMatch(/Shift Operator\s*operator/);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    for (const label of ['Chat', 'Plant', 'Schedule', 'Maintenance', 'Inspection', 'Manuals', 'Handovers', 'Approvals']) {
      await expect(nav.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(1);
    }
    // Sections an operator may not open are not offered: the audit log (supervisors) and People (admins).
    for (const label of ['Audit', 'People']) await expect(nav.getByRole('link', { name: label, exact: true }).count()).resolves.toBe(0);
    const dbRow = page.locator('tr[data-part="db"]');
    await expect(dbRow.getAttribute('data-status')).resolves.toBe('ok');
    await expect(dbRow.textContent()).resolves.toMatch(/embedded PGlite/);
    await page.close();
  });

  it('serves health as JSON without a session', async () => {
    const response = await fetch(`${running.app.url}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { parts: { db: { status: string } } };
    expect(body.parts.db.status).toBe('ok');
  });
});
