// The chat in a browser: a question about the plant streams an answer with a tool card and live
// values from the twin over OPC UA.
import { describe, expect, it } from 'vitest';
import { appAndBrowser, signIn } from './harness';

const running = appAndBrowser();

describe('chat', () => {
  it('answers "what is the state of line 1" with a tool card and live values', async () => {
    const page = await running.browser.newPage();
    await signIn(page, running.app, 'operator', running.app.oneTimePasswords.operator!, 'operator-new-pass-2');
    await page.goto(`${running.app.url}/chat`);
    await page
      .getByText(/Answering: .*offline/)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.getByLabel('Message').fill('what is the state of line 1');
    await page.getByRole('button', { name: 'Send', exact: true }).click();

    const card = page.locator('details[data-tool]').first();
    await card.waitFor({ timeout: 60_000 });
    await expect(card.getAttribute('data-tool')).resolves.toMatch(/asset_state|plant_overview/);
    await page.locator('details[data-tool][data-status="ok"]').first().waitFor({ timeout: 60_000 });

    // The streamed answer names machines of line 1 with their live PackML state.
    const answer = page
      .getByText(/L1-(PRN|RFL|PNP1)/)
      .filter({ visible: true })
      .first();
    await answer.waitFor({ timeout: 60_000 });
    await expect(page.locator('main').textContent()).resolves.toMatch(/Execute|Idle|Held|Stopped|Starting|Aborted/);

    // The card opens to show what was asked and what came back.
    await card.locator('summary').click();
    await expect(card.locator('pre').first().textContent()).resolves.toMatch(/Line1|L1/);
    await page.close();
  });
});
