import { ChatTurnRequest } from '@/agent/chat-events';
import { agentService, ndjsonResponse, requestActor } from '@/agent/http';
import { AppError } from '@/lib/errors';
import { handle } from '@/lib/http';
import { requestSite, siteForTools } from '@/server/selected-site';

export const dynamic = 'force-dynamic';

/**
 * POST /api/chat `{ conversationId?, message }` — runs one turn and streams NDJSON events:
 * start, token, tool_call, tool_result, approval_requested, done, error (agent/chat-events.ts).
 */
export const POST = handle(async (request: Request): Promise<Response> => {
  const parsed = ChatTurnRequest.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) throw new AppError('invalid_argument', parsed.error.issues[0]?.message ?? 'Send { "message": "…" } as JSON.');
  const agent = agentService();
  // The site picked in the header: "line 1" in this turn means line 1 there.
  const site = siteForTools(requestSite(request));
  return ndjsonResponse(agent.send({ ...parsed.data, actor: await requestActor(request), site, signal: request.signal }));
});
