'use client';

/**
 * MCP tokens while the app runs: create one (role, approver scope, the person it acts for), see it
 * once, list the live ones with their last use, revoke. Everything goes through /api/admin/tokens.
 */
import type { FormEvent } from 'react';
import type { McpToken } from '../../lib/auth/tokens';
import { useAdminCall } from '../use-admin-call';

type Person = { username: string; displayName: string; role: string };
type Notice = { kind: 'secret'; name: string; secret: string } | { kind: 'error'; message: string } | { kind: 'ok'; message: string };

export function TokensAdmin({ tokens, people, me, csrfToken }: { tokens: McpToken[]; people: Person[]; me: string; csrfToken: string }) {
  const { call, busy, notice, setNotice } = useAdminCall<Notice>(csrfToken);

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const answer = await call('/api/admin/tokens', 'POST', {
      name: String(form.get('name') ?? ''),
      role: String(form.get('role') ?? 'viewer'),
      canApprove: form.get('canApprove') === 'on',
      owner: String(form.get('owner') ?? me),
    });
    if (answer) {
      const { token, secret } = answer as { token: McpToken; secret: string };
      setNotice({ kind: 'secret', name: token.name, secret });
    }
  }

  return (
    <div className="stack">
      {notice?.kind === 'secret' && (
        <div className="banner banner-ok" role="status">
          Token <strong>{notice.name}</strong>: <code data-testid="token-secret">{notice.secret}</code>. Put it into the assistant&apos;s configuration now; it
          is shown only this once and stored only as a hash.
        </div>
      )}
      {notice?.kind === 'error' && (
        <p className="banner banner-down" role="alert">
          {notice.message}
        </p>
      )}
      {notice?.kind === 'ok' && (
        <p className="banner banner-ok" role="status">
          {notice.message}
        </p>
      )}
      <form onSubmit={create} className="inline-form" aria-label="New token">
        <label>
          Name <input name="name" required maxLength={64} placeholder="claude-desktop" />
        </label>
        <label>
          Role
          <select name="role" defaultValue="viewer">
            <option value="viewer">viewer</option>
            <option value="operator">operator</option>
            <option value="supervisor">supervisor</option>
            <option value="admin">admin</option>
          </select>
        </label>
        <label>
          Acts for
          <select name="owner" defaultValue={me}>
            {people.map((person) => (
              <option key={person.username} value={person.username}>
                {person.displayName} ({person.username}, {person.role})
              </option>
            ))}
          </select>
        </label>
        <label>
          <input type="checkbox" name="canApprove" /> May approve (supervisor or admin)
        </label>
        <button type="submit" disabled={busy}>
          Create token
        </button>
      </form>
      <table className="data">
        <thead>
          <tr>
            <th>Name</th>
            <th>Role</th>
            <th>Acts for</th>
            <th>Created</th>
            <th>Last used</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.length === 0 && (
            <tr>
              <td colSpan={6}>No live tokens.</td>
            </tr>
          )}
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              <td>{token.canApprove ? `${token.role}, approver` : token.role}</td>
              <td>{token.owner ? `${token.owner.displayName} (${token.owner.username})` : 'the token itself (made by the CLI)'}</td>
              <td>
                {token.createdAt} by {token.createdBy.name}
              </td>
              <td>{token.lastUsedAt ?? 'never'}</td>
              <td>
                <button
                  type="button"
                  disabled={busy}
                  onClick={async () => {
                    if ((await call(`/api/admin/tokens/${encodeURIComponent(token.id)}`, 'DELETE')) !== undefined)
                      setNotice({ kind: 'ok', message: `Revoked ${token.name}; its client is refused from its next request.` });
                  }}
                >
                  Revoke
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
