/**
 * Test helpers for the MCP server: the gate's stand-in plant (re-exported), and a real HTTP server
 * on 127.0.0.1:0 that hands Web Requests to a handler the way the Next route does.
 */
import http from 'node:http';
import { Readable } from 'node:stream';

export { makeTestPlant } from '../approval/testing/test-plant';

export type WebServer = { url: string; close(): Promise<void> };

/** Serves `handle` on 127.0.0.1:0, streaming responses (MCP answers with server-sent events). */
export async function serveWebHandler(handle: (request: Request) => Promise<Response>): Promise<WebServer> {
  const server = http.createServer(async (req, res) => {
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = new Headers();
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: ['GET', 'HEAD', 'DELETE'].includes(req.method ?? '') ? undefined : Buffer.concat(chunks),
      });
      const response = await handle(request);
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (response.body) Readable.fromWeb(response.body as never).pipe(res);
      else res.end();
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
