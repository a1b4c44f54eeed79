'use client';

import { useState, type FormEvent } from 'react';

/**
 * Sets a new password. `knownCurrentPassword`: the one-time password the person typed on the sign-in
 * page a moment ago, kept in memory only, so they are not asked for it twice.
 */
export function PasswordForm({
  csrfToken,
  oneTime,
  knownCurrentPassword,
  next = '/',
}: {
  csrfToken: string;
  oneTime: boolean;
  knownCurrentPassword?: string;
  next?: string;
}) {
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    if (form.get('newPassword') !== form.get('repeat')) {
      setError('The two new passwords differ. Type the same password twice.');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const response = await fetch('/api/auth/password', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({ currentPassword: knownCurrentPassword ?? form.get('currentPassword'), newPassword: form.get('newPassword') }),
      });
      const body = await response.json();
      if (!response.ok) {
        setError(body.error?.message ?? 'The password was not changed.');
        return;
      }
      window.location.assign(next);
    } catch {
      setError('The Plantpilot server did not answer. Check that it is running and try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      {knownCurrentPassword === undefined && (
        <label>
          {oneTime ? 'One-time password' : 'Current password'}
          <input name="currentPassword" type="password" autoComplete="current-password" required />
        </label>
      )}
      <label>
        New password (at least 10 characters)
        <input name="newPassword" type="password" autoComplete="new-password" minLength={10} required autoFocus={knownCurrentPassword !== undefined} />
      </label>
      <label>
        New password again
        <input name="repeat" type="password" autoComplete="new-password" minLength={10} required />
      </label>
      {error && (
        <p className="banner banner-down" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Saving…' : 'Set new password'}
      </button>
    </form>
  );
}
