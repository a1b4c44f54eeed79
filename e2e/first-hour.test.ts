// The first hour of an operator, a shift lead and an admin, in Chromium: sign-in, charts in chat,
// approvals that stay readable, booking maintenance from a forecast, the plant and inspection pages,
// and at the end every page for every role at tablet width without a console error or overflow.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appAndBrowser, signIn, type RunningApp } from './harness';

const running = appAndBrowser();
const TABLET = { width: 820, height: 1180 };
const WAIT_MS = Number(process.env.E2E_WAIT_MS ?? 120_000);
const SHOTS_DIR = process.env.PLANTPILOT_E2E_SHOTS;
const PASSWORDS: Record<string, string> = { operator: 'operator-first-hour-1', supervisor: 'supervisor-first-hour-1', admin: 'admin-first-hour-1' };
const signedUp = new Set<string>();

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS_DIR) return;
  fs.mkdirSync(SHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS_DIR, `${name}.png`), fullPage: true });
}

/** A page signed in as `role` in its own browser context; the first sign-in sets the role's password. */
async function pageAs(browser: Browser, app: RunningApp, role: string): Promise<Page> {
  const context = await browser.newContext({ viewport: TABLET });
  // Generous waits: CI machines shared with other jobs answer slowly, and nothing here measures speed.
  context.setDefaultTimeout(WAIT_MS);
  const page = await context.newPage();
  if (signedUp.has(role)) await signIn(page, app, role, PASSWORDS[role]!);
  else {
    await signIn(page, app, role, app.oneTimePasswords[role]!, PASSWORDS[role]!);
    signedUp.add(role);
  }
  return page;
}

/** Calls the JSON API from inside the signed-in page, with its CSRF token. */
/** The fields of the JSON replies these tests read. */
type ApiReply = { requestId: string; request: { argsSha256: string }; error?: { message: string } };

async function api(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; body: ApiReply }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const session = (await (await fetch('/api/auth/session')).json()) as { csrfToken: string };
      const response = await fetch(url, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as ApiReply };
    },
    { method, url, body },
  );
}

async function ask(page: Page, question: string): Promise<void> {
  await page.getByLabel('Message').fill(question);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

describe('the first hour at the plant', () => {
  it('shows a wrong password in a red box, and asks for the one-time password only once', async () => {
    const context = await running.browser.newContext({ viewport: TABLET });
    context.setDefaultTimeout(WAIT_MS);
    const page = await context.newPage();
    await page.goto(`${running.app.url}/login`);
    await page.getByLabel('User name').fill('operator');
    await page.getByLabel('Password', { exact: true }).fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.locator('form [role="alert"]');
    await alert.waitFor();
    // var(--down) on its light red background, not the green of a success.
    await expect(alert.evaluate((element) => getComputedStyle(element).color)).resolves.toBe('rgb(180, 35, 24)');
    await expect(alert.evaluate((element) => getComputedStyle(element).backgroundColor)).resolves.toBe('rgb(253, 232, 231)');
    await shot(page, 'login-wrong-password');

    await page.getByLabel('Password', { exact: true }).fill(running.app.oneTimePasswords.operator!);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('choose-password').waitFor();
    await expect(page.getByLabel('One-time password').count()).resolves.toBe(0);
    await shot(page, 'login-choose-password');
    await page.getByLabel('New password (at least 10 characters)').fill(PASSWORDS.operator!);
    await page.getByLabel('New password again').fill(PASSWORDS.operator!);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByRole('heading', { name: 'Plant overview' }).waitFor();
    signedUp.add('operator');
    await context.close();
  });

  it('answers a trend question with the uPlot chart, the overview with bars per line', async () => {
    const page = await pageAs(running.browser, running.app, 'operator');
    await page.goto(`${running.app.url}/chat`);
    await page
      .getByText(/Answering: /)
      .first()
      .waitFor();
    await ask(page, 'Show the zone 4 temperature trend of L1-RFL over the last 2 hours');
    await page.locator('[data-testid="chat-trend"] canvas').first().waitFor({ timeout: 90_000 });
    await ask(page, 'Give me an overview of the plant');
    const bars = page.getByTestId('chat-line-bars');
    await bars.waitFor({ timeout: 90_000 });
    await expect(bars.locator('tbody tr').count()).resolves.toBeGreaterThanOrEqual(2);
    await page.locator('[data-role="assistant"]').nth(1).waitFor({ timeout: 90_000 });
    await shot(page, 'chat-charts');
    await page.context().close();
  });

  it('lets the operator go on asking while a request waits, and shows a rejection as a rejection after a reload', async () => {
    const operator = await pageAs(running.browser, running.app, 'operator');
    await operator.goto(`${running.app.url}/chat`);
    await ask(operator, 'set zone 4 of the reflow oven on line 1 to 239');
    const card = operator.locator('[data-approval-id]').first();
    await card.waitFor({ timeout: 90_000 });
    const approvalId = (await card.getAttribute('data-approval-id'))!;
    await expect(operator.getByLabel('Message').isDisabled()).resolves.toBe(false);

    const supervisor = await pageAs(running.browser, running.app, 'supervisor');
    await supervisor.goto(`${running.app.url}/approvals/${approvalId}`);
    await supervisor.getByRole('button', { name: 'Reject…' }).click();
    await supervisor.getByLabel('Reason (the requester sees it)').fill('Zone 4 stays at its validated profile');
    await supervisor.getByRole('button', { name: 'Reject', exact: true }).click();
    await supervisor.locator(`[data-approval-id="${approvalId}"][data-status="rejected"]`).waitFor({ timeout: 30_000 });
    await supervisor.context().close();

    // After a reload the card says rejected (not "error"), and the list no longer says it waits.
    const toolCard = operator.locator('details[data-tool="set_setpoint"]').first();
    await expect
      .poll(
        async () => {
          await operator.reload();
          await toolCard.waitFor({ timeout: 30_000 });
          return toolCard.locator('summary').textContent();
        },
        { timeout: 60_000, interval: 2000 },
      )
      .toMatch(/rejected/);
    await expect(toolCard.locator('summary').textContent()).resolves.not.toMatch(/set_setpoint|error/);
    await expect(operator.getByRole('complementary', { name: 'Conversations' }).textContent()).resolves.not.toMatch(/awaiting approval/);
    await shot(operator, 'chat-rejected-after-reload');

    // Asking while another request waits goes on in a new conversation instead of locking.
    await ask(operator, 'set zone 4 of the reflow oven on line 1 to 238');
    await operator.locator('[data-approval-id][data-status="pending"]').first().waitFor({ timeout: 90_000 });
    await ask(operator, 'what is the state of line 2');
    await operator.getByText(/waits for an approval decision and goes on by itself/).waitFor();
    await operator.locator('details[data-tool][data-status="ok"]').first().waitFor({ timeout: 90_000 });
    await operator.context().close();
  });

  it('shows pending approvals first and decided ones collapsed, ten to a page, with filters', async () => {
    const operator = await pageAs(running.browser, running.app, 'operator');
    const supervisor = await pageAs(running.browser, running.app, 'supervisor');
    const ids: string[] = [];
    for (let index = 0; index < 12; index++) {
      const filed = await api(operator, 'POST', '/api/maintenance/work-orders', {
        asset: index % 2 === 0 ? 'L1-PNP1' : 'L2-PNP1',
        task: `Inspect the placement head, round ${index + 1}`,
        from: `2031-01-${String(index + 1).padStart(2, '0')}T22:00:00Z`,
        to: `2031-01-${String(index + 1).padStart(2, '0')}T23:00:00Z`,
      });
      expect(filed.status, JSON.stringify(filed.body)).toBe(202);
      ids.push(filed.body.requestId);
    }
    for (const id of ids.slice(0, 11)) {
      const { body } = await api(supervisor, 'GET', `/api/approvals/${id}`);
      const decided = await api(supervisor, 'POST', `/api/approvals/${id}/decision`, {
        type: 'reject',
        reason: 'Not this week',
        argsSha256: body.request.argsSha256,
      });
      expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    }
    await supervisor.goto(`${running.app.url}/approvals`);
    const headings = await supervisor.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toMatch(/^Waiting for a decision \(\d+\)$/);
    expect(headings[1]).toMatch(/^Decided \(\d+\)$/);
    await expect(supervisor.locator(`article[data-approval-id="${ids[11]}"] >> visible=true`).count()).resolves.toBe(1);
    const decidedRows = supervisor.locator('details[data-approval-id]');
    await expect(decidedRows.count()).resolves.toBe(10);
    await expect(supervisor.locator('details[data-approval-id][open]').count()).resolves.toBe(0);
    await expect(supervisor.getByText(/^Page 1 of \d+$/).count()).resolves.toBe(1);
    await shot(supervisor, 'approvals-paged');
    await supervisor.getByRole('button', { name: 'Older →' }).click();
    await expect(supervisor.getByText(/^Page 2 of \d+$/).count()).resolves.toBe(1);

    await supervisor.getByRole('combobox', { name: /^Status/ }).selectOption('rejected');
    await supervisor.getByRole('combobox', { name: /^Line/ }).selectOption('Line2');
    await expect(supervisor.locator('details[data-approval-id]').count()).resolves.toBe(5);
    for (const status of await supervisor.locator('details[data-approval-id]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status'))))
      expect(status).toBe('rejected');
    await expect(supervisor.getByRole('heading', { name: 'Waiting for a decision (0)' }).count()).resolves.toBe(1);
    // Requesters are named with their sign-in name, so two people with one display name stay apart.
    await supervisor.getByRole('combobox', { name: /^Requester/ }).selectOption({ label: 'Shift Operator (operator)' });
    await expect(supervisor.locator('details[data-approval-id]').count()).resolves.toBe(5);
    expect(supervisor.url()).toMatch(/status=rejected/);
    await operator.context().close();
    await supervisor.context().close();
  });

  it('books a work order from a forecast row through the approval gate, with the drivers in words', async () => {
    const page = await pageAs(running.browser, running.app, 'operator');
    const row = page.locator('tr[data-asset]').first();
    await expect
      .poll(
        async () => {
          await page.goto(`${running.app.url}/maintenance`);
          return page.locator('tr[data-asset]').count();
        },
        { timeout: 90_000, interval: 3000 },
      )
      .toBeGreaterThan(0);
    for (const cell of await page.getByTestId('driven-by').allTextContents()) {
      expect(cell).not.toMatch(/[A-Z][a-z]+(Vibration|Bearing|Motor)[A-Za-z]*|cycles_observed|gbm|v\d/);
    }
    await row.getByRole('button', { name: 'Book a work order…' }).click();
    await row.getByRole('button', { name: 'Request approval' }).click();
    const filed = row.getByTestId('work-order-filed');
    await filed.waitFor({ timeout: 30_000 });
    const href = (await filed.getByRole('link').getAttribute('href'))!;
    expect(href).toMatch(/^\/approvals\/[0-9a-f-]{36}$/);
    await shot(page, 'maintenance-booked');
    await page.goto(`${running.app.url}${href}`);
    await expect(page.locator('article[data-approval-id]').getAttribute('data-status')).resolves.toBe('pending');
    await expect(page.locator('article[data-approval-id]').textContent()).resolves.toMatch(/create_work_order/);
    await page.context().close();
  });

  it('puts the plant trend within the first screen and pages the alarm events', async () => {
    const page = await pageAs(running.browser, running.app, 'operator');
    await page.goto(`${running.app.url}/plant`);
    const trend = page.getByRole('region', { name: 'Trend' });
    await trend.getByText(/Buckets of \d+ s|Raw samples/).waitFor({ timeout: 60_000 });
    const box = (await trend.boundingBox())!;
    expect(box.y).toBeLessThan(TABLET.height);
    const alarms = page.getByRole('region', { name: 'Alarms' });
    await alarms.getByRole('heading', { name: /^Events \(\d+\)$/ }).waitFor({ timeout: 60_000 });
    const events = Number(/\((\d+)\)/.exec((await alarms.getByRole('heading', { name: /^Events/ }).textContent()) ?? '')?.[1]);
    const rows = await alarms.locator('table').last().locator('tbody tr').count();
    expect(rows).toBeLessThanOrEqual(15);
    if (events > 15) await expect(alarms.getByRole('navigation', { name: 'Alarm event pages' }).count()).resolves.toBe(1);
    await shot(page, 'plant-first-screen');
    await page.context().close();
  });

  it('says plainly on the inspection page that nothing was inspected yet', async () => {
    const page = await pageAs(running.browser, running.app, 'operator');
    await page.goto(`${running.app.url}/inspection`);
    await expect(page.getByTestId('pareto-empty').textContent()).resolves.toMatch(
      /No board was inspected in the last 24 hours|No defects found in the \d+ board/,
    );
    await expect(page.getByTestId('last-defective-board').textContent()).resolves.toMatch(
      /No board has been inspected yet|None of the last \d+|Board \S+ of lot/,
    );
    await page.context().close();
  });

  it('shows the audit log in words with dates, the JSON one click away, and exports it as CSV', async () => {
    const page = await pageAs(running.browser, running.app, 'supervisor');
    await page.goto(`${running.app.url}/audit`);
    const summaries = await page.getByTestId('audit-summary').allTextContents();
    expect(summaries.some((text) => /^Rejected the create work order request — “Not this week”$/.test(text))).toBe(true);
    expect(summaries.some((text) => /^Requested: /.test(text))).toBe(true);
    for (const text of summaries) expect(text).not.toMatch(/^\{/);
    // Each time carries its date; the JSON is folded away until asked for.
    await expect(page.locator('tbody tr').first().locator('time').first().textContent()).resolves.toMatch(/^\d{2} \w{3} \d{4}$/);
    const firstJson = page.locator('tbody tr details').first();
    await expect(firstJson.locator('pre').isVisible()).resolves.toBe(false);
    await firstJson.locator('summary').click();
    await expect(firstJson.locator('pre').textContent()).resolves.toMatch(/^\{/);
    await shot(page, 'audit-readable');
    const href = (await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href'))!;
    const csv = await page.evaluate(async (url) => {
      const response = await fetch(url);
      return { type: response.headers.get('content-type'), text: await response.text() };
    }, href);
    expect(csv.type).toMatch(/^text\/csv/);
    const [header, ...rows] = csv.text.trim().split('\r\n');
    expect(header).toMatch(/^seq,at_utc,actor_kind,actor_id,actor_name,action,summary,/);
    expect(rows.length).toBeGreaterThan(20);
    await page.context().close();
  });

  for (const role of ['operator', 'supervisor', 'admin']) {
    it(`shows ${role} every page at 820 px without a console error and without overflowing`, async () => {
      const page = await pageAs(running.browser, running.app, role);
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`${page.url()}: ${message.text()}`);
      });
      page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`));
      const overflowing: string[] = [];
      for (const pathname of [
        '/',
        '/chat',
        '/plant',
        '/schedule',
        '/material',
        '/maintenance',
        '/inspection',
        '/manuals',
        '/handovers',
        '/approvals',
        '/audit',
        '/people',
        '/tokens',
        '/health',
      ]) {
        await page.goto(`${running.app.url}${pathname}`);
        await page.waitForLoadState('load');
        // Let client components fetch and render what they poll for.
        await page.waitForTimeout(1500);
        const widthPx = await page.evaluate(() => document.documentElement.scrollWidth);
        if (widthPx > TABLET.width) overflowing.push(`${pathname} is ${widthPx} px wide`);
        await shot(page, `${role}${pathname === '/' ? '_home' : pathname.replaceAll('/', '_')}`);
      }
      await page.context().close();
      expect(errors).toEqual([]);
      expect(overflowing).toEqual([]);
    });
  }
});
