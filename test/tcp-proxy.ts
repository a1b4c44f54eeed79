/**
 * A TCP proxy for outage tests: sits between a client (the app's pg pool, an OPC UA client) and a
 * real server and can take the server away without touching it. `block()` drops every connection and
 * refuses new ones, as a server that went down or a database that stopped accepting connections;
 * `pause()` keeps connections open but lets no byte through, as a partition or a hung server.
 */
import net from 'node:net';

export interface TcpProxy {
  /** The port the proxy listens on, on 127.0.0.1. */
  readonly port: number;
  /** `url` with its host and port replaced by the proxy's. */
  urlFor(url: string): string;
  block(): void;
  pause(): void;
  /** Ends a block or a pause: new connections go through again, paused ones continue. */
  restore(): void;
  readonly connections: number;
  close(): Promise<void>;
}

type Pair = { client: net.Socket; upstream?: net.Socket };

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let mode: 'open' | 'blocked' | 'paused' = 'open';
  const pairs = new Set<Pair>();
  const held: net.Socket[] = [];

  const drop = (pair: Pair) => {
    pairs.delete(pair);
    pair.client.destroy();
    pair.upstream?.destroy();
  };

  const connect = (client: net.Socket) => {
    const pair: Pair = { client };
    pairs.add(pair);
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    client.pipe(upstream);
    upstream.pipe(client);
    client.on('error', () => drop(pair));
    upstream.on('error', () => drop(pair));
    client.on('close', () => drop(pair));
    upstream.on('close', () => drop(pair));
    if (mode === 'paused') {
      client.pause();
      upstream.pause();
    }
  };

  const server = net.createServer((client) => {
    client.on('error', () => undefined);
    if (mode === 'blocked') client.destroy();
    else if (mode === 'paused') held.push(client);
    else connect(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;

  return {
    port,
    urlFor(url) {
      const parsed = new URL(url);
      parsed.hostname = '127.0.0.1';
      parsed.port = String(port);
      return parsed.toString();
    },
    block() {
      mode = 'blocked';
      for (const pair of [...pairs]) drop(pair);
      for (const socket of held.splice(0)) socket.destroy();
    },
    pause() {
      mode = 'paused';
      for (const pair of pairs) {
        // unpipe, or pipe() resumes the source as soon as the destination drains.
        pair.client.unpipe();
        pair.upstream?.unpipe();
        pair.client.pause();
        pair.upstream?.pause();
      }
    },
    restore() {
      const was = mode;
      mode = 'open';
      if (was === 'paused') {
        for (const pair of pairs) {
          if (!pair.upstream) continue;
          pair.client.pipe(pair.upstream);
          pair.upstream.pipe(pair.client);
        }
        for (const socket of held.splice(0)) connect(socket);
      }
    },
    get connections() {
      return pairs.size;
    },
    async close() {
      for (const pair of [...pairs]) drop(pair);
      for (const socket of held.splice(0)) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
