import { ApprovalsInbox } from '../../components/approvals/approvals-inbox';
import { requirePageSession } from '../../lib/auth/page-session';
import { getRuntime } from '../../lib/runtime';
import { requireService } from '../../lib/services';
import { readKillSwitch } from '../../tools/approval/kill-switch';

export const dynamic = 'force-dynamic';

export default async function ApprovalsPage() {
  const session = await requirePageSession();
  const requests = await requireService('gate').list({ limit: 100 });
  const killSwitch = await readKillSwitch(getRuntime().db);
  return (
    <section className="card">
      <h1>Approvals</h1>
      <p className="muted">Every write to the plant waits here for a supervisor. Approving runs exactly the arguments shown, once, and reads the plant back.</p>
      <ApprovalsInbox
        initial={requests}
        initialKillSwitch={killSwitch}
        viewer={{ id: session.user.id, role: session.user.role, csrfToken: session.csrfToken }}
      />
    </section>
  );
}
