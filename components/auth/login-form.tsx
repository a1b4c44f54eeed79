'use client';

import { useState, type FormEvent } from 'react';
import { sameOriginPath } from '../../lib/safe-redirect';
import { PasswordForm } from './password-form';

/**
 * Sign-in form; says plainly why a sign-in failed. After a sign-in with a one-time password the
 * same page asks for the new password: the one-time password just typed stays in memory for that
 * step instead of being asked for again on another page.
 */
export function LoginForm({ next }: { next: string }) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [mustChoose, setMustChoose] = useState<{ oneTimePassword: string; csrfToken: string } | undefined>();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: form.get('username'), password }),
      });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error?.message ?? 'Sign-in failed.');
        return;
      }
      if (!body.user.mustChangePassword) {
        window.location.assign(sameOriginPath(next));
        return;
      }
      const session = await fetch('/api/auth/session', { cache: 'no-store' });
      const sessionBody = (await session.json()) as { csrfToken?: string };
      if (!session.ok || !sessionBody.csrfToken) {
        window.location.assign('/account/password');
        return;
      }
      setMustChoose({ oneTimePassword: password, csrfToken: sessionBody.csrfToken });
    } catch {
      setError('The Plantpilot server did not answer. Check that it is running and try again.');
    } finally {
      setBusy(false);
    }
  }

  if (mustChoose) {
    return (
      <div className="stack" data-testid="choose-password">
        <h2>Choose your own password</h2>
        <p>You signed in with a one-time password. Choose your own password to continue.</p>
        <PasswordForm csrfToken={mustChoose.csrfToken} oneTime knownCurrentPassword={mustChoose.oneTimePassword} next={next} />
      </div>
    );
  }

  return (
    <form className="stack" onSubmit={submit}>
      <label>
        User name
        <input name="username" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="banner banner-down" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
