/**
 * A real HTTP server speaking the OpenAI chat-completions wire protocol, for tests: `stream: true`
 * answers as server-sent events (role chunk, content chunks, tool calls with their arguments split
 * across chunks, a usage chunk, `[DONE]`), and non-streaming requests as one JSON body. Each request
 * takes the next scripted response; the requests are kept for assertions.
 */
import http from 'node:http';

export type ScriptedResponse = { content?: string; toolCalls?: { id: string; name: string; args: Record<string, unknown> }[] };

export type WireServer = { url: string; requests: Record<string, unknown>[]; close(): Promise<void> };

const MODEL = 'wire-test-model';

function chunk(id: string, delta: Record<string, unknown>, finishReason: string | null = null): string {
  return `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_700_000_000, model: MODEL, choices: [{ index: 0, delta, finish_reason: finishReason }] })}\n\n`;
}

/** Splits text into pieces of about `size` characters, as a real server's token stream would. */
function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let index = 0; index < text.length; index += size) out.push(text.slice(index, index + size));
  return out;
}

export async function startOpenAIWireServer(script: ScriptedResponse[]): Promise<WireServer> {
  const requests: Record<string, unknown>[] = [];
  let next = 0;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (part: Buffer) => (body += part.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
        return;
      }
      const request = JSON.parse(body) as Record<string, unknown>;
      requests.push(request);
      const response = script[next++];
      if (!response) {
        res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'script exhausted', type: 'server_error' } }));
        return;
      }
      const id = `chatcmpl-${next}`;
      const toolCalls = response.toolCalls ?? [];
      const finishReason = toolCalls.length > 0 ? 'tool_calls' : 'stop';
      const usage = { prompt_tokens: 50, completion_tokens: 10, total_tokens: 60 };
      if (!request.stream) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id,
            object: 'chat.completion',
            created: 1_700_000_000,
            model: MODEL,
            choices: [
              {
                index: 0,
                finish_reason: finishReason,
                message: {
                  role: 'assistant',
                  content: response.content ?? null,
                  ...(toolCalls.length
                    ? {
                        tool_calls: toolCalls.map((call) => ({
                          id: call.id,
                          type: 'function',
                          function: { name: call.name, arguments: JSON.stringify(call.args) },
                        })),
                      }
                    : {}),
                },
              },
            ],
            usage,
          }),
        );
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
      res.write(chunk(id, { role: 'assistant', content: '' }));
      for (const piece of pieces(response.content ?? '', 7)) res.write(chunk(id, { content: piece }));
      toolCalls.forEach((call, index) => {
        res.write(chunk(id, { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
        for (const part of pieces(JSON.stringify(call.args), 5)) res.write(chunk(id, { tool_calls: [{ index, function: { arguments: part } }] }));
      });
      res.write(chunk(id, {}, finishReason));
      res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 1_700_000_000, model: MODEL, choices: [], usage })}\n\n`);
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
