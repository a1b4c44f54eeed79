import { agentService, requestActor } from '@/agent/http';
import { handle } from '@/lib/http';

export const dynamic = 'force-dynamic';

/** GET /api/chat/conversations — the caller's conversations, the answering model, starters and the asset list. */
export const GET = handle(async (request: Request): Promise<Response> => {
  const agent = agentService();
  const [conversations, assets] = await Promise.all([agent.list(await requestActor(request)), agent.assets()]);
  return Response.json(
    { model: agent.model, conversations, starters: agent.starters(), assets: assets.map(({ id, name, line, type }) => ({ id, name, line, type })) },
    { headers: { 'cache-control': 'no-store' } },
  );
});
