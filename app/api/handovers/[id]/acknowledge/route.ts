import { requireSession, sessionActor } from '@/lib/auth/request';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';

export const dynamic = 'force-dynamic';

/**
 * POST /api/handovers/:id/acknowledge — the incoming shift lead (supervisor or above) confirms they
 * have read the handover. Recorded on the report and in the audit chain; once per report.
 */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ id: string }> }) => {
  const session = await requireSession(request, { role: 'supervisor', csrf: true });
  const { id } = await params;
  const handover = await requireService('handovers').acknowledge(id, sessionActor(session));
  return Response.json({ acknowledgedBy: handover.acknowledgedBy, acknowledgedAt: handover.acknowledgedAt });
});
