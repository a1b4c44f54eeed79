import { redirect } from 'next/navigation';
import { PasswordForm } from '@/components/auth/password-form';
import { pageSession } from '@/lib/auth/page-session';

export const dynamic = 'force-dynamic';

export default async function PasswordPage() {
  const session = await pageSession();
  if (!session) redirect('/login?next=/account/password');
  return (
    <section className="card narrow">
      <h1>Choose a new password</h1>
      {session.user.mustChangePassword && <p>You signed in with a one-time password. Choose your own password to continue.</p>}
      <PasswordForm csrfToken={session.csrfToken} oneTime={session.user.mustChangePassword} />
    </section>
  );
}
