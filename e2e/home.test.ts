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
    // The landing page is about the plant: each line's state, output vs plan and OEE, alarms,
    // approvals, maintenance and the last handover. Database detail is on the health page.
    const lines = page.locator('article[data-line]');
    expect(await lines.count()).toBeGreaterThanOrEqual(2);
    for (const line of await lines.all()) {
      await expect(line.getByTestId('line-states').textContent()).resolves.toMatch(/\d+ (Execute|Held|Suspended|Aborted|Stopped|Idle|Starting|Complete)/);
      await expect(line.getByRole('link').first().getAttribute('href')).resolves.toMatch(/^\/plant#\w+/);
      // Utilities make no boards and show no output or OEE; production lines do.
      if ((await line.getAttribute('data-line')) === 'Utilities') {
        await expect(line.getByTestId('line-output').count()).resolves.toBe(0);
        continue;
      }
      await expect(line.getByTestId('line-oee').textContent()).resolves.toMatch(/^(\d+(\.\d)? %|—)$/);
      await expect(line.getByTestId('line-output').textContent()).resolves.toMatch(/boards/);
    }
    for (const part of ['glance-alarms', 'glance-approvals', 'glance-maintenance', 'glance-handover']) {
      await expect(page.getByTestId(part).getByRole('heading').getByRole('link').count()).resolves.toBe(1);
    }
    await expect(page.getByText(/embedded PGlite/).count()).resolves.toBe(0);
    await page.getByRole('link', { name: 'System health and backups' }).click();
    await page.waitForURL(/\/health$/);
    const dbRow = page.locator('tr[data-part="db"]');
    await expect(dbRow.getAttribute('data-status')).resolves.toBe('ok');
    await expect(dbRow.textContent()).resolves.toMatch(/embedded PGlite/);
    await page.close();
  });

  it('shows a supervisor the requests waiting for their approval on the landing page', async () => {
    const operator = await running.browser.newPage();
    await signIn(operator, running.app, 'operator', 'line-one-operator-2026');
    const filed = await operator.evaluate(async () => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const draft = await fetch('/api/maintenance/work-orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: JSON.stringify({ asset: 'L1-PNP1', task: 'Check the placement head', from: '2030-01-01T22:00:00Z', to: '2030-01-01T23:00:00Z' }),
      });
      return { status: draft.status, body: (await draft.json()) as { requestId: string } };
    });
    expect(filed.status).toBe(202);
    await operator.goto(running.app.url);
    await expect(operator.getByTestId('glance-approvals').locator(`[data-approval-id="${filed.body.requestId}"]`).count()).resolves.toBe(1);
    await operator.close();

    const supervisor = await running.browser.newPage();
    await signIn(supervisor, running.app, 'supervisor', running.app.oneTimePasswords.supervisor!, 'supervisor-home-2026');
    const waiting = supervisor.getByTestId('glance-approvals');
    await expect(waiting.getByRole('heading').textContent()).resolves.toBe('Waiting for your approval');
    await waiting.locator(`[data-approval-id="${filed.body.requestId}"] a`).click();
    await supervisor.waitForURL(new RegExp(`/approvals/${filed.body.requestId}$`));
    await supervisor.close();
  });

  it('serves health as JSON without a session', async () => {
    const response = await fetch(`${running.app.url}/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { parts: { db: { status: string } } };
    expect(body.parts.db.status).toBe('ok');
  });
});
