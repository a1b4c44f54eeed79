// The Plant page in a browser: at first start the twin's warm-up hours are already in the historian,
// so the alarm history and the trend come from stored data, not only from the live feed.
import { describe, expect, it } from 'vitest';
import { appAndBrowser, signIn } from './harness';

const running = appAndBrowser();

describe('plant page', () => {
  it('shows alarm events and a trend from the history recorded before the first start', async () => {
    const page = await running.browser.newPage();
    await signIn(page, running.app, 'operator', running.app.oneTimePasswords.operator!, 'operator-new-pass-3');
    await page.goto(`${running.app.url}/plant`);

    const alarms = page.getByRole('region', { name: 'Alarms' });
    await alarms.getByRole('heading', { name: /^Events \(\d+\)$/ }).waitFor({ timeout: 60_000 });
    const events = Number(/\((\d+)\)/.exec((await alarms.getByRole('heading', { name: /^Events/ }).textContent()) ?? '')?.[1]);
    expect(events).toBeGreaterThan(0);

    const trend = page.getByRole('region', { name: 'Trend' });
    await trend.getByText(/Buckets of \d+ s|Raw samples/).waitFor({ timeout: 60_000 });
    await expect(trend.getByRole('alert').count()).resolves.toBe(0);
  });
});
