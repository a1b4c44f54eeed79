/**
 * The HTTP face of the agent, shared by the route handlers in app/api/chat/: finding the service,
 * who is asking, NDJSON streaming, and errors as `{ error: { code, message } }`.
 */
import { requireService } from '../server/require-service';
import { requireSession, sessionActor } from '../lib/auth/request';
import type { Actor } from '@/lib/auth/actor';
import type { AgentService } from './agent-service';
import type { ChatEvent } from './chat-events';

export const agentService = (): AgentService => requireService('agent');

/** Who is asking: the signed-in person (CSRF-checked for a POST). Their conversations follow them to any browser. */
export async function requestActor(request: Request): Promise<Actor> {
  return sessionActor(await requireSession(request));
}

/** The one HTTP error mapping (lib/http.ts). */
export { errorResponse } from '../lib/http';

/** Streams events as NDJSON; stops the run when the client goes away. */
export function ndjsonResponse(events: AsyncGenerator<ChatEvent>): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await events.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${JSON.stringify(next.value)}\n`));
    },
    async cancel() {
      await events.return(undefined);
    },
  });
  return new Response(body, { headers: { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' } });
}
