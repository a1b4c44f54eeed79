/**
 * `plantpilot mcp`: an MCP server on stdio that relays everything to the running app's /mcp
 * endpoint, so a desktop client that only speaks stdio shares the app's approvals, data and
 * audit trail — nothing is served from this process itself, and no database is opened here.
 *
 * The upstream session is opened with the same elicitation capability the stdio client
 * declared, so confirmation prompts reach a client that can show them and are never answered
 * on its behalf. Logs go to stderr only: stdout carries the protocol.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport, StreamableHTTPError } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import {
  CallToolRequestSchema,
  CallToolResultSchema,
  ElicitRequestSchema,
  ElicitResultSchema,
  ErrorCode,
  GetPromptRequestSchema,
  GetPromptResultSchema,
  ListPromptsRequestSchema,
  ListPromptsResultSchema,
  ListResourcesRequestSchema,
  ListResourcesResultSchema,
  ListResourceTemplatesRequestSchema,
  ListResourceTemplatesResultSchema,
  ListToolsRequestSchema,
  ListToolsResultSchema,
  McpError,
  ReadResourceRequestSchema,
  ReadResourceResultSchema,
  type ClientCapabilities,
} from '@modelcontextprotocol/sdk/types.js';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import { SERVER_INFO } from './server';

export type BridgeOptions = {
  /** The app's MCP endpoint, e.g. http://localhost:3000/mcp. */
  url: string;
  token: string | undefined;
  log: Logger;
};

export type Bridge = {
  /** Resolves when the stdio client goes away (or `close` is called). */
  closed: Promise<void>;
  close(): Promise<void>;
};

function unreachable(url: string, error: unknown): AppError {
  const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
  return new AppError(
    'backend_unavailable',
    `Cannot reach Plantpilot at ${url} (${reason}). Start the app with \`plantpilot start\`, or pass --url with the address of the running app.`,
    { cause: error },
  );
}

/** Turns a failed upstream connection into an error a person can act on. */
export function upstreamError(url: string, error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof StreamableHTTPError && error.code === 401) {
    return new AppError(
      'unauthenticated',
      `Plantpilot at ${url} refused the token: it is unknown or revoked. Create one with \`plantpilot tokens create --name <client> --role <role>\` and pass it with --token or PLANTPILOT_TOKEN.`,
      { cause: error },
    );
  }
  if (error instanceof StreamableHTTPError && error.code === 404) {
    return new AppError('backend_unavailable', `${url} has no MCP endpoint (404). Check --url: it ends in /mcp, e.g. http://localhost:3000/mcp.`, {
      cause: error,
    });
  }
  return unreachable(url, error);
}

/** Ends the app-side session too (rather than leaving it to the idle timeout), then closes. */
async function endSession(client: Client | undefined): Promise<void> {
  if (!client) return;
  const transport = client.transport;
  if (transport instanceof StreamableHTTPClientTransport) await transport.terminateSession().catch(() => undefined);
  await client.close().catch(() => undefined);
}

/** Opens an upstream session; throws a clear AppError when the app is down or the token is refused. */
export async function connectUpstream(url: string, token: string, capabilities: ClientCapabilities = {}): Promise<Client> {
  const client = new Client({ name: 'plantpilot-mcp-bridge', version: SERVER_INFO.version }, { capabilities });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { authorization: `Bearer ${token}` } } });
  try {
    await client.connect(transport);
  } catch (error) {
    await client.close().catch(() => undefined);
    throw upstreamError(url, error);
  }
  return client;
}

/**
 * Checks the app and the token, then serves `downstream` (stdio in production; any transport in
 * tests). Throws before serving when the app cannot be reached or refuses the token.
 */
export async function startBridge(options: BridgeOptions, downstream: Transport): Promise<Bridge> {
  const { url, log } = options;
  const token = options.token;
  if (!token) {
    throw new AppError(
      'unauthenticated',
      'No token for Plantpilot: pass --token or set PLANTPILOT_TOKEN. Create one with `plantpilot tokens create --name <client> --role <role>`.',
    );
  }
  // Fail before serving: a client configured with a wrong URL or token hears it at once.
  const probe = await connectUpstream(url, token);
  const upstreamCapabilities = probe.getServerCapabilities() ?? {};

  const server = new Server(SERVER_INFO, {
    capabilities: { tools: upstreamCapabilities.tools ?? {}, resources: upstreamCapabilities.resources ?? {}, prompts: upstreamCapabilities.prompts ?? {} },
    instructions: probe.getInstructions(),
  });

  let upstream: Promise<Client> | undefined;
  // The probe's session is kept for a client without elicitation, so the common case opens one session.
  let spare: Client | undefined = probe;
  /** The upstream session, opened with the elicitation capability the stdio client declared. */
  const currentUpstream = (): Promise<Client> => {
    upstream ??= (async () => {
      const elicitation = server.getClientCapabilities()?.elicitation;
      const unused = spare;
      spare = undefined;
      if (!elicitation && unused) return unused;
      await endSession(unused);
      const client = await connectUpstream(url, token, elicitation ? { elicitation } : {});
      // Confirmations go to the person at the stdio client; the bridge never answers for them.
      if (elicitation) {
        client.setRequestHandler(ElicitRequestSchema, (request, extra) =>
          server.request({ method: 'elicitation/create', params: request.params }, ElicitResultSchema, { signal: extra.signal }),
        );
      }
      return client;
    })();
    return upstream;
  };

  const relay = async <T>(send: (client: Client) => Promise<T>): Promise<T> => {
    try {
      return await send(await currentUpstream());
    } catch (error) {
      if (error instanceof McpError) throw error;
      if (error instanceof StreamableHTTPError && error.code === 404) {
        // The app ended the session (idle, or restarted): open a new one and try once more.
        log.info('Plantpilot ended the MCP session; opening a new one');
        const stale = upstream;
        upstream = undefined;
        await endSession(await stale?.catch(() => undefined));
        try {
          return await send(await currentUpstream());
        } catch (retryError) {
          if (retryError instanceof McpError) throw retryError;
          throw new McpError(ErrorCode.InternalError, upstreamError(url, retryError).message);
        }
      }
      throw new McpError(ErrorCode.InternalError, upstreamError(url, error).message);
    }
  };

  server.setRequestHandler(ListToolsRequestSchema, (request, extra) =>
    relay((c) => c.request({ method: 'tools/list', params: request.params }, ListToolsResultSchema, { signal: extra.signal })),
  );
  server.setRequestHandler(CallToolRequestSchema, (request, extra) =>
    relay((c) => c.request({ method: 'tools/call', params: request.params }, CallToolResultSchema, { signal: extra.signal })),
  );
  server.setRequestHandler(ListResourcesRequestSchema, (request, extra) =>
    relay((c) => c.request({ method: 'resources/list', params: request.params }, ListResourcesResultSchema, { signal: extra.signal })),
  );
  server.setRequestHandler(ListResourceTemplatesRequestSchema, (request, extra) =>
    relay((c) => c.request({ method: 'resources/templates/list', params: request.params }, ListResourceTemplatesResultSchema, { signal: extra.signal })),
  );
  server.setRequestHandler(ReadResourceRequestSchema, (request, extra) =>
    relay((c) => c.request({ method: 'resources/read', params: request.params }, ReadResourceResultSchema, { signal: extra.signal })),
  );
  server.setRequestHandler(ListPromptsRequestSchema, (request, extra) =>
    relay((c) => c.request({ method: 'prompts/list', params: request.params }, ListPromptsResultSchema, { signal: extra.signal })),
  );
  server.setRequestHandler(GetPromptRequestSchema, (request, extra) =>
    relay((c) => c.request({ method: 'prompts/get', params: request.params }, GetPromptResultSchema, { signal: extra.signal })),
  );

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => (resolveClosed = resolve));
  let closing = false;
  const close = async () => {
    if (closing) return closed;
    closing = true;
    await endSession(spare);
    await endSession(await upstream?.catch(() => undefined));
    await server.close().catch(() => undefined);
    resolveClosed();
  };
  server.onclose = () => void close();
  await server.connect(downstream);
  log.info({ url }, 'Plantpilot MCP bridge ready on stdio');
  return { closed, close };
}
