import { AuditLogView } from '../../components/audit/audit-log-view';
import { listAudit } from '../../lib/audit/audit-log';
import { requirePageSession } from '../../lib/auth/page-session';
import { getRuntime } from '@/server/runtime';

export const dynamic = 'force-dynamic';

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requirePageSession({ role: 'supervisor' });
  const params = await searchParams;
  const filter = { action: params.action ?? '', subject: params.subject ?? '', conversation: params.conversation ?? '' };
  const entries = await listAudit(getRuntime().db, {
    action: filter.action || undefined,
    subjectId: filter.subject || undefined,
    conversationId: filter.conversation || undefined,
    limit: 200,
  });
  return (
    <section className="card">
      <h1>Audit</h1>
      <p className="muted">
        Every sign-in, request, decision, execution and read-back, newest first. Each row carries the hash of the row before it; `plantpilot audit verify` or
        the button below finds the first row that was altered or removed.
      </p>
      <AuditLogView initial={entries} initialFilter={filter} />
    </section>
  );
}
