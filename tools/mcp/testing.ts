/**
 * Test helpers for the MCP server: a stand-in plant with one read and one actuate tool (the same
 * shape as the gate's own tests), and a real HTTP server on 127.0.0.1:0 that hands Web Requests
 * to a handler the way the Next route does.
 */
import http from 'node:http';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { defineTool } from '../tool';

export function makeTestPlant() {
  const values = new Map<string, number>([['zone4', 235]]);
  const writes: { key: string; value: number }[] = [];
  const setValue = defineTool({
    name: 'set_test_value',
    title: 'Set a test value',
    description: 'Sets a value on the test plant.',
    input: z.strictObject({ key: z.enum(['zone4', 'zone5']), value: z.number().min(0).max(300) }),
    output: z.object({ written: z.number() }),
    effect: 'actuate',
    async preview(input) {
      return {
        summary: `Set ${input.key} to ${input.value} °C`,
        changes: [{ what: input.key, current: String(values.get(input.key) ?? 'unset'), proposed: String(input.value), unit: '°C', allowedRange: '0–300' }],
        expectedEffect: 'The zone follows its setpoint.',
        safetyNotes: [],
        risk: input.value > 260 ? 'high' : 'medium',
      };
    },
    async run(input) {
      values.set(input.key, input.value);
      writes.push({ key: input.key, value: input.value });
      return { written: input.value };
    },
    async readBack(input) {
      const observed = values.get(input.key);
      return { ok: observed === input.value, observed: `${input.key} = ${observed}` };
    },
  });
  const readValue = defineTool({
    name: 'read_test_value',
    title: 'Read a test value',
    description: 'Reads a value from the test plant.',
    input: z.strictObject({ key: z.string() }),
    output: z.object({ key: z.string(), value: z.number().optional(), unit: z.literal('°C') }),
    effect: 'read',
    async run(input) {
      return { key: input.key, value: values.get(input.key), unit: '°C' as const };
    },
  });
  return { values, writes, tools: [readValue, setValue] };
}

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
