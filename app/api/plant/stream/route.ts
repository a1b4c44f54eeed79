import { requireSession } from '@/lib/auth/request';
import { handle } from '@/lib/http';
import { requireService } from '@/server/require-service';
import { requestSite } from '@/server/selected-site';
import { plantEventStream } from './plant-event-stream';

export const dynamic = 'force-dynamic';

/** GET /api/plant/stream — server-sent events: `snapshot`, then `update` batches and `connection` changes. */
export const GET = handle(async (request: Request) => {
  await requireSession(request);
  // The plant of the site picked in the header (the default site's with one site).
  const plant = requestSite(request)?.plant() ?? requireService('plant');
  return new Response(plantEventStream(plant, request.signal), {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store, no-transform',
      connection: 'keep-alive',
      // Stops nginx-style proxies from buffering the stream.
      'x-accel-buffering': 'no',
    },
  });
});
