import Link from 'next/link';
import { ApprovalCard } from '@/components/approvals/approval-card';
import { requirePageSession } from '@/lib/auth/page-session';
import { AppError } from '@/lib/errors';
import { requireService } from '@/server/require-service';

export const dynamic = 'force-dynamic';

/** One request, for links from chat, MCP clients (`decideUrl`) and the audit log. */
export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  // Requests carry the exact arguments of plant changes: for the people who ask for and decide them, not viewers.
  const session = await requirePageSession({ role: 'operator', anySite: true });
  const { id } = await params;
  try {
    const request = await requireService('gate').get(id);
    return (
      <section className="card">
        <p>
          <Link href="/approvals">← All approvals</Link>
          {request.conversationId && (
            <>
              {' · '}
              <Link href={`/chat?c=${encodeURIComponent(request.conversationId)}`}>Conversation</Link>
            </>
          )}
          {' · '}
          <Link href={`/audit?subject=${request.id}`}>Audit trail</Link>
        </p>
        <ApprovalCard
          initial={request}
          viewer={{ id: session.user.id, role: session.user.role, siteRoles: session.user.siteRoles, csrfToken: session.csrfToken }}
        />
      </section>
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') {
      return (
        <section className="card">
          <h1>No such approval request</h1>
          <p>
            There is no approval request {id}. See <Link href="/approvals">all approvals</Link>.
          </p>
        </section>
      );
    }
    throw error;
  }
}
