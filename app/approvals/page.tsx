import { ApprovalsInbox } from '../../components/approvals/approvals-inbox';
import { requirePageSession } from '../../lib/auth/page-session';
import { getRuntime } from '@/server/runtime';
import { requireService } from '../../server/require-service';
import { readKillSwitch } from '../../tools/approval/kill-switch';

export const dynamic = 'force-dynamic';

type Params = { status?: string; line?: string; requester?: string };

export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Params> }) {
  // Requests carry the exact arguments of plant changes: for the people who ask for and decide them, not viewers.
  const session = await requirePageSession({ role: 'operator', anySite: true });
  const params = await searchParams;
  const requests = await requireService('gate').list({ limit: 300 });
  const killSwitch = await readKillSwitch(getRuntime().db);
  return (
    <section className="card">
      <h1>Approvals</h1>
      <p className="muted">Every write to the plant waits here for a supervisor. Approving runs exactly the arguments shown, once, and reads the plant back.</p>
      <ApprovalsInbox
        initial={requests}
        initialKillSwitch={killSwitch}
        initialFilter={{ status: params.status ?? '', line: params.line ?? '', requester: params.requester ?? '' }}
        viewer={{ id: session.user.id, role: session.user.role, siteRoles: session.user.siteRoles, csrfToken: session.csrfToken }}
      />
    </section>
  );
}
