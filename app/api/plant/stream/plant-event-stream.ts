/**
 * The Plant page's live feed as server-sent events: first the current snapshot from the plant
 * connection's cache, then the changed card values in small batches, connection state changes,
 * and a keep-alive comment so proxies keep the stream open. Everything it registers is removed
 * when the client goes away (abort or cancel): no listener or timer outlives the stream.
 */
import type { PlantConnection } from '@/connectors/opcua/plant-connection';
import { boardSnapshot, boardUpdate, type BoardUpdate } from '@/components/plant/board-data';

export type PlantEventStreamOptions = {
  /** Updates are gathered this long and sent as one `update` event (the last value per tag wins). */
  batchMs?: number;
  keepAliveMs?: number;
  now?: () => Date;
};

const encoder = new TextEncoder();

function sse(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function plantEventStream(plant: PlantConnection, signal: AbortSignal, options: PlantEventStreamOptions = {}): ReadableStream<Uint8Array> {
  const batchMs = options.batchMs ?? 250;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const now = options.now ?? (() => new Date());
  let cleanup: (() => void) | undefined;

  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const pending = new Map<string, BoardUpdate>();
      const send = (chunk: Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(chunk);
        } catch {
          // The consumer is gone; cleanup follows through abort or cancel.
        }
      };
      const flush = () => {
        if (pending.size === 0) return;
        send(sse('update', [...pending.values()]));
        pending.clear();
      };
      const unsubscribeValues = plant.subscribe((update) => {
        const change = boardUpdate(update);
        if (change) pending.set(`${change.assetId}/${change.tagId}`, change);
      });
      const unsubscribeState = plant.onStateChange((state) => send(sse('connection', { connection: state, at: now().toISOString() })));
      const batchTimer = setInterval(flush, batchMs);
      const keepAliveTimer = setInterval(() => send(encoder.encode(`: keep-alive ${now().toISOString()}\n\n`)), keepAliveMs);

      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(batchTimer);
        clearInterval(keepAliveTimer);
        unsubscribeValues();
        unsubscribeState();
        signal.removeEventListener('abort', onAbort);
        try {
          controller.close();
        } catch {
          // Already closed or errored by the consumer.
        }
      };
      const onAbort = () => cleanup?.();
      if (signal.aborted) {
        cleanup();
        return;
      }
      signal.addEventListener('abort', onAbort);
      // Tell the browser how soon to reconnect if the stream drops.
      send(encoder.encode('retry: 3000\n\n'));
      send(sse('snapshot', boardSnapshot(plant, now())));
    },
    cancel() {
      cleanup?.();
    },
  });
}
