import { handle, jsonBody } from '@/lib/http';
import { AppError } from '@/lib/errors';
import { ProposeScheduleInput } from '@/tools/scheduling/tools/propose-schedule';
import { requestActor, requireScheduling } from '../schedule-runtime';

export const dynamic = 'force-dynamic';

/** POST /api/schedule/drafts {timeLimitS?, seed?} → a new proposal draft (nothing goes to the plant). */
export const POST = handle(async (request: Request) => {
  await requestActor(request, 'viewer');
  const parsed = ProposeScheduleInput.safeParse(await jsonBody(request));
  if (!parsed.success)
    throw new AppError(
      'invalid_argument',
      `Invalid schedule request: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`,
    );
  const draft = await requireScheduling().propose(parsed.data);
  return Response.json({ draftId: draft.id }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
