'use client';

import type { User } from '../../lib/auth/users';
import { useAdminCall } from '../use-admin-call';

const ROLES = [
  { value: 'viewer', label: 'Viewer — reads' },
  { value: 'operator', label: 'Operator — asks for changes' },
  { value: 'supervisor', label: 'Supervisor — approves changes' },
  { value: 'admin', label: 'Admin — manages people and backups' },
];

type Notice = { kind: 'password'; username: string; password: string } | { kind: 'error'; message: string } | undefined;

/**
 * Admins add people, disable or re-enable them and hand out new one-time passwords, while the app
 * keeps running (the CLI needs the embedded database to itself). A one-time password is shown here
 * once: the server keeps only its hash.
 */
export function PeopleAdmin({ users, me, csrfToken }: { users: User[]; me: string; csrfToken: string }) {
  const { call, busy, notice, setNotice } = useAdminCall<Notice>(csrfToken);

  const showPassword = (answer: Record<string, unknown> | undefined) => {
    if (!answer) return;
    const { user, oneTimePassword } = answer as { user: User; oneTimePassword: string };
    setNotice({ kind: 'password', username: user.username, password: oneTimePassword });
  };

  return (
    <div className="stack">
      {notice?.kind === 'password' && (
        <div className="banner banner-ok" role="status">
          One-time password for <strong>{notice.username}</strong>: <code data-testid="one-time-password">{notice.password}</code>. Give it to them in person;
          it is shown only now, and they choose their own at first sign-in.
        </div>
      )}
      {notice?.kind === 'error' && (
        <p className="banner banner-down" role="alert">
          {notice.message}
        </p>
      )}
      <table className="people">
        <thead>
          <tr>
            <th scope="col">User name</th>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-username={user.username}>
              <td>
                <code>{user.username}</code>
              </td>
              <td>{user.displayName}</td>
              <td>{user.role}</td>
              <td>{user.disabled ? 'disabled' : user.mustChangePassword ? 'must choose a password' : 'active'}</td>
              <td>
                {user.username !== me && (
                  <button
                    type="button"
                    disabled={busy}
                    onClick={async () => {
                      setNotice(undefined);
                      await call(`/api/admin/users/${encodeURIComponent(user.username)}`, 'PATCH', { disabled: !user.disabled });
                    }}
                  >
                    {user.disabled ? 'Enable' : 'Disable'}
                  </button>
                )}{' '}
                <button
                  type="button"
                  disabled={busy || user.disabled}
                  onClick={async () => {
                    setNotice(undefined);
                    showPassword(await call(`/api/admin/users/${encodeURIComponent(user.username)}/password-reset`, 'POST'));
                  }}
                >
                  New one-time password
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="people-add"
        onSubmit={async (event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          setNotice(undefined);
          const answer = await call('/api/admin/users', 'POST', {
            username: data.get('username'),
            displayName: (data.get('displayName') as string) || undefined,
            role: data.get('role'),
          });
          if (answer) form.reset();
          showPassword(answer);
        }}
      >
        <h2>Add a person</h2>
        <label>
          User name <input name="username" required minLength={2} maxLength={32} pattern="[a-zA-Z][a-zA-Z0-9._\-]+" autoComplete="off" />
        </label>
        <label>
          Full name <input name="displayName" maxLength={80} placeholder="as shown in the audit log" />
        </label>
        <label>
          Role{' '}
          <select name="role" defaultValue="operator">
            {ROLES.map((role) => (
              <option key={role.value} value={role.value}>
                {role.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="primary" disabled={busy}>
          Add
        </button>
      </form>
    </div>
  );
}
