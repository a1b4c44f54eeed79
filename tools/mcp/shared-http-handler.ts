/**
 * The one MCP HTTP handler of this process, built over the running services. It lives on
 * `globalThis` because Next bundles the /mcp route into its own module graph: the route and the
 * app server (which closes the sessions at shutdown) must see the same handler.
 */
import { AppError } from '../../lib/errors';
import { getRuntime } from '@/server/runtime';
import { createMcpHttpHandler, type McpHttpHandler } from './http-handler';
import { mcpConfig } from './mcp-config';
import { runtimeResourceProviders } from './runtime-resources';

const KEY = Symbol.for('plantpilot.mcp-http-handler');
type Holder = { [KEY]?: McpHttpHandler };

export function sharedMcpHttpHandler(): McpHttpHandler {
  const holder = globalThis as Holder;
  holder[KEY] ??= createMcpHttpHandler(() => {
    const runtime = getRuntime();
    const { registry, gate } = runtime.services;
    if (!registry) throw new AppError('backend_unavailable', 'The tool registry is not running in this server. Check the server log and /api/health.');
    const settings = mcpConfig(runtime.config);
    return {
      db: runtime.db,
      registry,
      gate,
      resources: runtimeResourceProviders(runtime),
      log: runtime.log,
      publicBaseUrl: settings.publicUrl,
      anonymousReadOnly: settings.anonymousReadOnly,
    };
  });
  return holder[KEY];
}

/** Ends every open MCP session; the app server calls this when it stops. */
export async function closeSharedMcpHttpHandler(): Promise<void> {
  const holder = globalThis as Holder;
  const handler = holder[KEY];
  holder[KEY] = undefined;
  await handler?.close();
}
