// The product's promise in a browser: an operator asks for a setpoint change in the chat, a
// supervisor approves it from their own browser, the plant twin is written over OPC UA, and the
// operator's conversation shows the read-back.
import { describe, expect, it } from 'vitest';
import { appAndBrowser, signIn } from './harness';

const running = appAndBrowser();

describe('approval of a setpoint change across two browsers', () => {
  it('pauses the operator’s request until a supervisor approves, then reports the read-back', async () => {
    const operatorContext = await running.browser.newContext();
    const supervisorContext = await running.browser.newContext();
    const operator = await operatorContext.newPage();
    const supervisor = await supervisorContext.newPage();

    await signIn(operator, running.app, 'operator', running.app.oneTimePasswords.operator!, 'operator-new-pass-1');
    await operator.goto(`${running.app.url}/chat`);
    await operator.getByLabel('Message').fill('set zone 4 of the reflow oven on line 1 to 242');
    await operator.getByRole('button', { name: 'Send', exact: true }).click();

    const operatorCard = operator.locator('[data-approval-id]').first();
    await operatorCard.waitFor({ timeout: 60_000 });
    await expect(operatorCard.getAttribute('data-status')).resolves.toBe('pending');
    // The operator may not approve their own request: no Approve button for them.
    await expect(operatorCard.getByRole('button', { name: 'Approve' }).count()).resolves.toBe(0);

    await signIn(supervisor, running.app, 'supervisor', running.app.oneTimePasswords.supervisor!, 'supervisor-new-pass-1');
    await supervisor.goto(`${running.app.url}/approvals`);
    const pending = supervisor.locator('[data-approval-id][data-status="pending"]').first();
    await pending.waitFor({ timeout: 30_000 });
    await expect(pending.textContent()).resolves.toMatch(/242/);
    await pending.getByRole('button', { name: 'Approve' }).click();
    await supervisor.locator('[data-approval-id][data-status="executed"]').first().waitFor({ timeout: 30_000 });

    // The operator's chat resumes on its own and reports what the plant shows now.
    await operator.locator('[data-approval-id][data-status="executed"]').first().waitFor({ timeout: 60_000 });
    await operator
      .getByText(/Read-back confirms: L1-RFL\/Zone4\.SetpointC = 242/)
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 60_000 });

    await operatorContext.close();
    await supervisorContext.close();
  });

  it('lets the operator withdraw a wrong request and ask for the right one in the same conversation', async () => {
    const context = await running.browser.newContext();
    const operator = await context.newPage();
    await signIn(operator, running.app, 'operator', 'operator-new-pass-1');
    await operator.goto(`${running.app.url}/chat`);
    await operator.getByLabel('Message').fill('set zone 4 of the reflow oven on line 1 to 250');
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    const wrong = operator.locator('[data-approval-id][data-status="pending"]').first();
    await wrong.waitFor({ timeout: 60_000 });
    await expect(wrong.textContent()).resolves.toMatch(/250/);

    await wrong.getByRole('button', { name: 'Withdraw…' }).click();
    await wrong.getByLabel('What was wrong? (optional)').fill('typo, meant 244');
    await wrong.getByRole('button', { name: 'Withdraw request' }).click();
    await operator.locator('[data-approval-id][data-status="rejected"]').first().waitFor({ timeout: 30_000 });
    // The conversation resumes by itself with what the gate recorded, and takes the correction.
    await operator
      .getByText(/Withdrawn by .* who asked for it \(“typo, meant 244”\)\. Nothing was changed/)
      .filter({ visible: true })
      .first()
      .waitFor({ timeout: 60_000 });
    await operator.getByLabel('Message').fill('sorry, 244 I meant');
    await operator.getByRole('button', { name: 'Send', exact: true }).click();
    const right = operator.locator('[data-approval-id][data-status="pending"]').first();
    await right.waitFor({ timeout: 60_000 });
    await expect(right.textContent()).resolves.toMatch(/244/);
    await context.close();
  });
});
