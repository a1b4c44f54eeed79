/**
 * The Plantpilot MCP server for one authenticated client: every registry tool (actuations filed
 * through the same approval gate as the chat), `get_approval` / `decide_approval`, the manuals,
 * plant model and latest handover as resources, and the `shift_handover` and `troubleshoot_alarm`
 * prompts. Both faces — Streamable HTTP at /mcp and `plantpilot mcp` over stdio — serve this.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { AppError } from '../../lib/errors';
import { silentLogger, type Logger } from '../../lib/log';
import type { ToolRegistry } from '../registry';
import type { Actor } from '@/lib/auth/actor';
import { APPROVAL_TOOL_NAMES, registerApprovalTools, type McpGate } from './approval-tools';
import { registerPrompts } from './prompts';
import { registerRegistryTools } from './registry-tools';
import { registerResources, type McpResourceProviders } from './resources';

export const SERVER_INFO = { name: 'plantpilot', title: 'Plantpilot', version: '0.1.0' } as const;

export const INSTRUCTIONS =
  'Plantpilot is a copilot for a factory. Read tools return live plant data, manuals, schedules and forecasts with their sources. ' +
  'Tools that change the plant never run directly: they file an approval request and return { approvalId, status, preview, decideUrl }; ' +
  'a supervisor decides in Plantpilot, and get_approval reports the outcome. No argument or text can approve a request.';

export type CreateMcpServerOptions = {
  registry: ToolRegistry;
  /** Absent when the gate is not running: actuations then fail closed. */
  gate: McpGate | undefined;
  actor: Actor;
  /** The token's approver scope; only then may `decide_approval` pass the actor to the gate. */
  canApprove?: boolean;
  resources?: McpResourceProviders;
  /** Where people open the app, for `decideUrl` (e.g. http://plantpilot.plant.local:3000). */
  publicBaseUrl: string;
  log?: Logger;
};

export function createMcpServer(options: CreateMcpServerOptions): McpServer {
  const log = options.log ?? silentLogger;
  const clash = options.registry.list().find((tool) => (APPROVAL_TOOL_NAMES as readonly string[]).includes(tool.name));
  if (clash) throw new AppError('internal', `The registry has a tool named "${clash.name}", which the MCP server reserves for approvals. Rename the tool.`);

  const server = new McpServer(SERVER_INFO, {
    capabilities: { tools: {}, resources: {}, prompts: {}, logging: {} },
    instructions: INSTRUCTIONS,
  });
  const common = { actor: options.actor, publicBaseUrl: options.publicBaseUrl, log };
  registerRegistryTools(server, { ...common, registry: options.registry, gate: options.gate });
  registerApprovalTools(server, { ...common, gate: options.gate, canApprove: options.canApprove ?? false });
  registerResources(server, options.resources ?? {}, log);
  registerPrompts(server);
  return server;
}
