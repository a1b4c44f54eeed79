import { agentService, requestActor } from '@/agent/http';
import { handle } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** GET /api/chat/conversations/:id — one conversation and its messages, for reloads and other browsers. */
export const GET = handle(async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
  const { id } = await context.params;
  return Response.json(await agentService().history(id, await requestActor(request)), { headers: { 'cache-control': 'no-store' } });
});
