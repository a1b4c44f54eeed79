import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signIn, startApp, type RunningApp } from './harness';

const ROOT = path.resolve(import.meta.dirname, '..');

describe('an admin, while the app runs', () => {
  let dataDir: string;
  let adminPassword: string;
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    // An admin made with the CLI before the app starts, as an integrator would.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-e2e-backups-'));
    const added = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'plantpilot.js'), 'users', 'add', 'ada', '--role', 'admin'], {
      cwd: ROOT,
      env: { ...process.env, PLANTPILOT_DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    expect(added.status, added.stderr).toBe(0);
    adminPassword = added.stdout.trim().split('\n').at(-1)!;
    app = await startApp({ PLANTPILOT_DATA_DIR: dataDir });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('lets an admin take a backup now and shows it in the list', async () => {
    const page = await browser.newPage();
    await signIn(page, app, 'ada', adminPassword, 'plant-admin-password-2026');
    await page.goto(`${app.url}/health`);
    const card = page.locator('section', { has: page.getByRole('heading', { name: 'Database backups' }) });
    await expect(card.textContent()).resolves.toContain('No backup yet.');
    await card.getByRole('button', { name: 'Back up now' }).click();
    await page.waitForURL(/\?backup=plantpilot-db-/);
    await expect(card.locator('.banner-ok').textContent()).resolves.toMatch(/Backup written: plantpilot-db-\d{8}T\d{6}Z\.tar\.gz/);
    const file = (await card.locator('tbody code').first().textContent())!;
    expect(fs.statSync(path.join(dataDir, 'backups', file)).size).toBeGreaterThan(1024 * 1024);
    await page.close();
  });

  it('adds an operator on the People page, whose one-time password then signs them in', async () => {
    const page = await browser.newPage();
    await signIn(page, app, 'ada', 'plant-admin-password-2026');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'People', exact: true }).click();
    await page.waitForURL(/\/people$/);
    await page.getByLabel('User name').fill('olga');
    await page.getByLabel('Full name').fill('Olga Krause');
    await page.getByLabel('Role').selectOption('operator');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    const shown = page.getByTestId('one-time-password');
    await shown.waitFor();
    const oneTimePassword = (await shown.textContent())!;
    await page.locator('tr[data-username="olga"]').waitFor();
    await expect(page.locator('tr[data-username="olga"]').textContent()).resolves.toMatch(/Olga Krause\s*operator\s*must choose a password/);
    await page.close();

    const context = await browser.newContext();
    const olga = await context.newPage();
    await signIn(olga, app, 'olga', oneTimePassword, 'olga-chooses-her-own-2026');
    await expect(olga.getByTestId('signed-in-user').textContent()).resolves.toMatch(/Olga Krause/);
    await olga.goto(`${app.url}/people`);
    await olga.waitForURL(/\/\?denied=admin$/);
    await expect(olga.getByRole('alert').first().textContent()).resolves.toMatch(/needs the admin role/);
    await context.close();
  });
});
