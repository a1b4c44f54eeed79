import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { WhatIfInput } from '@/tools/scheduling/tools/what-if';
import { requestActor, requireScheduling } from '../schedule-runtime';

export const dynamic = 'force-dynamic';

/** POST /api/schedule/what-if {scenario} → a what-if draft compared with the plan without the scenario. */
export const POST = handle(async (request: Request) => {
  await requestActor(request, 'viewer');
  const parsed = WhatIfInput.safeParse(await jsonBody(request));
  if (!parsed.success)
    throw new AppError('invalid_argument', `Invalid what-if: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`);
  const draft = await requireScheduling().whatIf(parsed.data.scenario);
  return Response.json({ draftId: draft.id, baseDraftId: draft.baseDraftId }, { status: 201, headers: { 'cache-control': 'no-store' } });
});
