import { agentService, errorResponse, requestActor } from '../../../../agent/http';

export const dynamic = 'force-dynamic';

/** GET /api/chat/conversations — the caller's conversations, the answering model, starters and the asset list. */
export async function GET(request: Request): Promise<Response> {
  try {
    const agent = agentService();
    const [conversations, assets] = await Promise.all([agent.list(await requestActor(request)), agent.assets()]);
    return Response.json(
      { model: agent.model, conversations, starters: agent.starters(), assets: assets.map(({ id, name, line, type }) => ({ id, name, line, type })) },
      { headers: { 'cache-control': 'no-store' } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
