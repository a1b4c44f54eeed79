import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { ReleaseScheduleInput } from '@/tools/scheduling/tools/release-schedule';
import { requestActor, requireGate } from '../schedule-runtime';

export const dynamic = 'force-dynamic';

/**
 * POST /api/schedule/release {draftId} → files an approval request for `release_schedule`. Nothing
 * reaches the plant until a supervisor approves it in the approvals inbox.
 */
export const POST = handle(async (request: Request) => {
  const actor = await requestActor(request, 'operator');
  const parsed = ReleaseScheduleInput.safeParse(await jsonBody(request));
  if (!parsed.success) throw new AppError('invalid_argument', 'Send {"draftId": "<uuid>"} and nothing else.');
  const approval = await requireGate().request({ tool: 'release_schedule', args: parsed.data, actor });
  return Response.json(
    { requestId: approval.id, status: approval.status, href: `/approvals?request=${encodeURIComponent(approval.id)}` },
    { status: 202, headers: { 'cache-control': 'no-store' } },
  );
});
