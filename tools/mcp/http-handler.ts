/**
 * The Streamable HTTP face of the MCP server, as a Web `Request → Response` handler that the
 * `/mcp` route (and tests) call.
 *
 * Every request must carry `Authorization: Bearer <token>`; a missing, unknown or revoked token
 * gets 401 with `WWW-Authenticate: Bearer` (unless the operator opened anonymous read-only
 * access). Sessions are stateful: an `initialize` opens one MCP server for that token's actor,
 * and later requests must present the same token — so a revoked token stops working on its next
 * request. Stateful sessions are what let the server ask the client to confirm an actuation
 * (elicitation): the client's answer arrives as a separate POST that must reach the same server.
 * Sessions live in this process's memory and close after SESSION_IDLE_MS without a request.
 */
import { randomUUID } from 'node:crypto';
import { forwardingTrusted } from '../../lib/forwarding';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { authenticateToken, tokenActor } from '../../lib/auth/tokens';
import type { Queryable } from '../../lib/db/db';
import type { Logger } from '../../lib/log';
import type { ToolRegistry } from '../registry';
import type { Actor } from '@/lib/auth/actor';
import type { McpGate } from './approval-tools';
import type { McpResourceProviders } from './resources';
import { createMcpServer } from './server';

export const SESSION_IDLE_MS = 30 * 60 * 1000;
const SWEEP_MS = 60 * 1000;

/** What a request needs; read per request so the route always sees the running services. */
export type McpHttpDeps = {
  db: Queryable;
  registry: ToolRegistry;
  gate: McpGate | undefined;
  resources: McpResourceProviders;
  log: Logger;
  /** Base of `decideUrl`; defaults to the origin the client used to reach /mcp. */
  publicBaseUrl?: string;
  /** The operator's explicit choice to let clients without a token use read tools as a viewer. */
  anonymousReadOnly?: boolean;
};

export type McpHttpHandler = {
  handle(request: Request): Promise<Response>;
  /** Open sessions, for health and tests. */
  sessionCount(): number;
  /** Closes every session and the idle timer. */
  close(): Promise<void>;
};

type Caller = { key: string; actor: Actor; canApprove: boolean };
type Session = { transport: WebStandardStreamableHTTPServerTransport; server: McpServer; callerKey: string; lastSeenMs: number };

const ANONYMOUS: Caller = {
  key: 'anonymous',
  actor: { kind: 'mcp_client', id: 'anonymous', name: 'Anonymous MCP client (read-only)', role: 'viewer' },
  canApprove: false,
};

function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status, headers: { 'cache-control': 'no-store', ...headers } });
}

function unauthorized(message: string): Response {
  return jsonRpcError(401, -32001, message, { 'www-authenticate': 'Bearer realm="plantpilot"' });
}

function bearer(request: Request): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/** The origin the client addressed, honouring forwarded headers only from a configured proxy (lib/forwarding.ts). */
function requestOrigin(request: Request): string {
  const url = new URL(request.url);
  const trusted = forwardingTrusted(request);
  const host = (trusted ? request.headers.get('x-forwarded-host') : null) ?? request.headers.get('host') ?? url.host;
  const proto = (trusted ? request.headers.get('x-forwarded-proto') : null) ?? url.protocol.replace(':', '');
  return `${proto}://${host}`;
}

/**
 * Server-sent event streams must reach the client as they are written: `no-transform` keeps
 * Next's gzip (and proxies) from buffering them, which would stall confirmations and results.
 */
function unbuffered(response: Response): Response {
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return response;
  const headers = new Headers(response.headers);
  headers.set('cache-control', 'no-cache, no-transform');
  headers.set('x-accel-buffering', 'no');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

async function authenticate(request: Request, deps: McpHttpDeps): Promise<Caller | Response> {
  const secret = bearer(request);
  if (!secret) {
    if (deps.anonymousReadOnly && !request.headers.has('authorization')) return ANONYMOUS;
    return unauthorized(
      'Plantpilot needs a bearer token: send "Authorization: Bearer <token>". An administrator creates one with `plantpilot tokens create --name <client> --role <role>`.',
    );
  }
  const token = await authenticateToken(deps.db, secret);
  if (!token) return unauthorized('This token is unknown or has been revoked. Ask an administrator for a new one (`plantpilot tokens create`).');
  return { key: `token:${token.id}`, actor: tokenActor(token), canApprove: token.canApprove };
}

export function createMcpHttpHandler(getDeps: () => McpHttpDeps): McpHttpHandler {
  const sessions = new Map<string, Session>();
  let sweeper: NodeJS.Timeout | undefined;

  const forget = (id: string) => {
    const session = sessions.get(id);
    if (!session) return;
    sessions.delete(id);
    if (sessions.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
    void session.server.close().catch(() => undefined);
  };

  const sweep = () => {
    const cutoff = Date.now() - SESSION_IDLE_MS;
    for (const [id, session] of sessions) if (session.lastSeenMs < cutoff) forget(id);
  };

  async function open(request: Request, body: unknown, caller: Caller, deps: McpHttpDeps): Promise<Response> {
    const server = createMcpServer({
      registry: deps.registry,
      gate: deps.gate,
      actor: caller.actor,
      canApprove: caller.canApprove,
      resources: deps.resources,
      publicBaseUrl: deps.publicBaseUrl ?? requestOrigin(request),
      log: deps.log,
    });
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (id) => {
        sessions.set(id, { transport, server, callerKey: caller.key, lastSeenMs: Date.now() });
        if (!sweeper) {
          sweeper = setInterval(sweep, SWEEP_MS);
          sweeper.unref();
        }
        deps.log.info({ sessionId: id, client: caller.actor.name }, 'MCP session opened');
      },
      onsessionclosed: (id) => forget(id),
    });
    transport.onclose = () => {
      if (transport.sessionId) forget(transport.sessionId);
    };
    await server.connect(transport);
    const response = await transport.handleRequest(request, { parsedBody: body });
    // An initialize that failed never registered a session: nothing may stay open for it.
    if (!transport.sessionId || !sessions.has(transport.sessionId)) await server.close();
    return unbuffered(response);
  }

  return {
    async handle(request) {
      const deps = getDeps();
      const caller = await authenticate(request, deps);
      if (caller instanceof Response) return caller;

      const sessionId = request.headers.get('mcp-session-id');
      if (sessionId) {
        const session = sessions.get(sessionId);
        // Another token's session looks exactly like an unknown one.
        if (!session || session.callerKey !== caller.key)
          return jsonRpcError(404, -32001, 'Session not found: it ended or belongs to another token. Initialize a new one.');
        session.lastSeenMs = Date.now();
        return unbuffered(await session.transport.handleRequest(request));
      }

      if (request.method !== 'POST') return jsonRpcError(400, -32000, 'Bad request: send an initialize request first, then the Mcp-Session-Id it returns.');
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return jsonRpcError(400, -32700, 'Parse error: the request body must be JSON-RPC.');
      }
      const initialising = isInitializeRequest(body) || (Array.isArray(body) && body.some((message) => isInitializeRequest(message)));
      if (!initialising) return jsonRpcError(400, -32000, 'Bad request: no Mcp-Session-Id header. Send an initialize request first.');
      return open(request, body, caller, deps);
    },

    sessionCount: () => sessions.size,

    async close() {
      for (const id of [...sessions.keys()]) forget(id);
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
    },
  };
}
