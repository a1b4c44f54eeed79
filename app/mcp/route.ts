import { errorResponse } from '../../lib/http';
import { sharedMcpHttpHandler } from '../../tools/mcp/shared-http-handler';

export const dynamic = 'force-dynamic';

/**
 * /mcp — Plantpilot's MCP server over Streamable HTTP. The proxy lets it through without a
 * cookie; the handler checks the bearer token on every request (401 without a valid one).
 */
async function serve(request: Request): Promise<Response> {
  try {
    return await sharedMcpHttpHandler().handle(request);
  } catch (error) {
    return errorResponse(error);
  }
}

export const GET = serve;
export const POST = serve;
export const DELETE = serve;
