/** The MCP settings from the parsed Config (`PLANTPILOT_TOKEN`, `PLANTPILOT_PUBLIC_URL`, `PLANTPILOT_MCP_ANONYMOUS`). */
import type { Config } from '../../lib/config';

export type McpConfig = {
  /** The bearer token `plantpilot mcp` presents to the app (PLANTPILOT_TOKEN). */
  token?: string;
  /** Where people open the app, for approval links (PLANTPILOT_PUBLIC_URL); default: the origin the client used. */
  publicUrl?: string;
  /** PLANTPILOT_MCP_ANONYMOUS=read: clients without a token may use read tools as a viewer. Off by default. */
  anonymousReadOnly: boolean;
};

export function mcpConfig(config: Config): McpConfig {
  return { token: config.mcp.token, publicUrl: config.mcp.publicUrl, anonymousReadOnly: config.mcp.anonymousReadOnly };
}
