// The security findings of issue 16, checked through the real stack: `plantpilot start` serving
// Next.js, its proxy and route handlers, with the services in the server's own module graph.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appAndBrowser } from './harness';

const running = appAndBrowser();
const ROOT = path.resolve(import.meta.dirname, '..');

/** Signs in over the API (changing the one-time password) and returns the cookie and CSRF token. */
async function apiSession(username: string, newPassword: string): Promise<{ cookie: string; csrf: string }> {
  const { url, oneTimePasswords } = running.app;
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password: oneTimePasswords[username] }),
  });
  expect(login.status).toBe(200);
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = await (await fetch(`${url}/api/auth/session`, { headers: { cookie } })).json();
  const changed = await fetch(`${url}/api/auth/password`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ currentPassword: oneTimePasswords[username], newPassword }),
  });
  expect(changed.status).toBe(200);
  return { cookie, csrf: csrfToken };
}

describe('security through the running app', () => {
  it('answers refusals from the gate with their own status and message, not 500', async () => {
    const { url } = running.app;
    const operator = await apiSession('operator', 'line-one-operator-2026');
    const decide = (id: string, body: unknown) =>
      fetch(`${url}/api/approvals/${id}/decision`, {
        method: 'POST',
        headers: { cookie: operator.cookie, 'x-csrf-token': operator.csrf, 'content-type': 'application/json', origin: url },
        body: JSON.stringify(body),
      });
    const unknown = await decide('00000000-0000-4000-8000-000000000000', { type: 'approve', argsSha256: '0'.repeat(64) });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');
    const forged = await fetch(`${url}/api/approvals/00000000-0000-4000-8000-000000000000/decision`, {
      method: 'POST',
      headers: { cookie: operator.cookie, 'content-type': 'application/json', origin: url },
      body: '{}',
    });
    expect(forged.status).toBe(403);
  });

  it('sends pages with a CSP that forbids framing by other sites', async () => {
    const response = await fetch(`${running.app.url}/login`);
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'self'/);
  });

  it('tells an anonymous caller whether the app is up, without its data dir', async () => {
    const body = await (await fetch(`${running.app.url}/api/health`)).text();
    expect(body).not.toContain(running.app.dataDir);
  });

  it('reads an upload over 10 MB as the form it is (and refuses HTML posing as a PDF)', async () => {
    const { url } = running.app;
    const supervisor = await apiSession('supervisor', 'line-one-supervisor-2026');
    const form = new FormData();
    form.set('csrf', supervisor.csrf);
    form.append('file', new File([`<html><body>${'x'.repeat(12 * 1024 * 1024)}</body></html>`], 'big.pdf'));
    const response = await fetch(`${url}/api/manuals`, { method: 'POST', headers: { cookie: supervisor.cookie, origin: url }, body: form });
    expect(response.status).toBe(422);
    const { results } = await response.json();
    expect(results[0]).toMatchObject({ status: 'failed', error: { code: 'invalid_file' } });
  });

  it('never sends the browser to another site after sign-in', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.app.url}/login?next=${encodeURIComponent('/\\evil.example/phish')}`);
    await page.getByLabel('User name').fill('operator');
    await page.getByLabel('Password', { exact: true }).fill('line-one-operator-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((target) => !target.pathname.startsWith('/login'));
    expect(new URL(page.url()).origin).toBe(new URL(running.app.url).origin);
    await page.close();
  });

  it('lets the CLI create and list MCP tokens while the app runs on the embedded database', () => {
    const env = { ...process.env, PLANTPILOT_DATA_DIR: running.app.dataDir };
    const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'plantpilot.js'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
    const created = cli('tokens', 'create', '--name', 'e2e-assistant', '--role', 'operator', '--owner', 'operator');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout.trim().split('\n').at(-1)).toMatch(/^ppt_/);
    const listed = cli('tokens', 'list');
    expect(listed.stdout).toMatch(/e2e-assistant.*for operator/);
  });
});
