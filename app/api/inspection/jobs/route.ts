import { z } from 'zod';
import { requireSession, sessionActor } from '@/lib/auth/request';
import { AppError } from '@/lib/errors';
import { handle, jsonBody } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { MAX_BOARDS_PER_REQUEST } from '@/tools/inspection/service/inspection-service';
import { JobState } from '@/tools/inspection/service/job-types';
import { jobView } from '@/tools/inspection/tools/trigger-inspection';

export const dynamic = 'force-dynamic';

const Query = z.object({
  lot: z.string().max(80).optional(),
  state: JobState.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

function invalid(error: z.ZodError, what: string): AppError {
  return new AppError('invalid_argument', `Invalid ${what}: ${error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')}.`);
}

/** GET /api/inspection/jobs — recent inspection jobs, newest first. */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  const parsed = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw invalid(parsed.error, 'query');
  const jobs = await requireService('inspection').listJobs({
    lotId: parsed.data.lot,
    states: parsed.data.state ? [parsed.data.state] : undefined,
    limit: parsed.data.limit,
  });
  return Response.json({ jobs: jobs.map(jobView) }, { headers: { 'cache-control': 'no-store' } });
});

const Body = z.object({
  lot: z.string().trim().min(1).max(80).optional(),
  line: z.string().trim().min(1).max(40).optional(),
  boards: z.number().int().min(1).max(MAX_BOARDS_PER_REQUEST).default(10),
});

/**
 * POST /api/inspection/jobs — inspect boards of a lot (or a line's current order) from the page.
 * Goes through the trigger_inspection tool, so it is audited exactly like a request from chat.
 */
export const POST = handle(async (request: Request) => {
  const session = await requireSession(request, { role: 'operator' });
  const parsed = Body.safeParse(await jsonBody(request));
  if (!parsed.success) throw invalid(parsed.error, 'request');
  if (!parsed.data.lot && !parsed.data.line) throw new AppError('invalid_argument', 'Name a lot or a line to inspect.');
  const output = await requireService('registry').runRead(
    'trigger_inspection',
    { ...parsed.data, waitS: 0 },
    { actor: sessionActor(session), signal: request.signal },
  );
  return Response.json(output, { status: 202, headers: { 'cache-control': 'no-store' } });
});
