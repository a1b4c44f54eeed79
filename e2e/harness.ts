/**
 * Browser-test harness: starts `plantpilot start` as a real process on a free port with its own
 * data dir, and launches Debian's Chromium through playwright-core (never a downloaded browser).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const CHROMIUM_PATH = '/usr/bin/chromium';

export type RunningApp = {
  url: string;
  dataDir: string;
  /** One-time passwords printed on first start, by user name. */
  oneTimePasswords: Record<string, string>;
  logs(): string;
  close(): Promise<void>;
};

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'plantpilot-e2e-'));
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'plantpilot.js'), 'start', '--port', '0', ...(env.PLANTPILOT_E2E_DEV ? ['--dev'] : [])],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PLANTPILOT_DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        LOG_FORMAT: 'json',
        PLANTPILOT_TWIN_PORT: '0',
        PLANTPILOT_VDA5050_INTERFACE: `pp-e2e-${process.pid}-${Math.floor(Math.random() * 1e6)}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Plantpilot is serving (http:\/\/\S+?)"/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`plantpilot start exited with ${code} before serving:\n${output}`)));
  });
  const oneTimePasswords: Record<string, string> = {};
  for (const match of output.matchAll(/^\s+([a-z][a-z0-9._-]+)\s+([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})\s+\(/gm)) {
    oneTimePasswords[match[1]!] = match[2]!;
  }
  return {
    url,
    dataDir,
    oneTimePasswords,
    logs: () => output,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}; install it with: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Signs in through the login page. A first sign-in with a one-time password goes on to choosing
 * a new one on the same page and sets `newPassword`.
 */
export async function signIn(page: Page, app: RunningApp, username: string, password: string, newPassword?: string): Promise<void> {
  await page.goto(`${app.url}/login`);
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  if (newPassword) {
    // The sign-in page itself asks for the new password; the one-time password is not asked again.
    await page.getByTestId('choose-password').waitFor();
    await page.getByLabel('New password (at least 10 characters)').fill(newPassword);
    await page.getByLabel('New password again').fill(newPassword);
    await page.getByRole('button', { name: 'Set new password' }).click();
  }
  await page.waitForURL((url) => !url.pathname.startsWith('/login') && !url.pathname.startsWith('/account'));
}

/** For a test file: the app and a browser, started before its tests and closed after them. */
export function appAndBrowser(env: Record<string, string> = {}): { readonly app: RunningApp; readonly browser: Browser } {
  const running = {} as { app: RunningApp; browser: Browser };
  beforeAll(async () => {
    running.app = await startApp(env);
    running.browser = await launchBrowser();
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.app?.close();
  });
  return running;
}
