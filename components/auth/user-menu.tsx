'use client';

/** Who is signed in, with their role, and a sign-out button. */
export function UserMenu({ displayName, role, csrfToken }: { displayName: string; role: string; csrfToken: string }) {
  async function signOut() {
    await fetch('/api/auth/logout', { method: 'POST', headers: { 'x-csrf-token': csrfToken } }).catch(() => undefined);
    window.location.assign('/login');
  }
  return (
    <div className="user-menu">
      <span className="user-name" data-testid="signed-in-user">
        {displayName} <span className="user-role">{role}</span>
      </span>
      <button type="button" className="link-button" onClick={signOut}>
        Sign out
      </button>
    </div>
  );
}
