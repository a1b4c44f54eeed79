import { agentService, errorResponse, requestActor } from '../../../../../agent/http';

export const dynamic = 'force-dynamic';

/** GET /api/chat/conversations/:id — one conversation and its messages, for reloads and other browsers. */
export async function GET(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = await context.params;
    return Response.json(await agentService().history(id, await requestActor(request)), { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
