/** People: who may sign in, with what role. Admins only. */
import { PeopleAdmin } from '../../components/people/people-admin';
import { requirePageSession } from '../../lib/auth/page-session';
import { listUsers } from '../../lib/auth/users';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export default async function PeoplePage() {
  const session = await requirePageSession({ role: 'admin' });
  const users = await listUsers(getRuntime().db);
  return (
    <section className="card">
      <h1>People</h1>
      <p className="muted">
        Everyone who may sign in. Operators ask for changes to the plant, supervisors approve them, admins manage people and backups. Disabling someone ends
        their sessions at once; every change here is in the audit log.
      </p>
      <PeopleAdmin users={users} me={session.user.username} csrfToken={session.csrfToken} />
    </section>
  );
}
