/**
 * An actuate tool called over MCP: the call is filed with the approval gate and the client gets
 * back `{ approvalId, status, preview, decideUrl }`. Nothing runs here. A client that supports
 * elicitation is first asked to confirm (the requester's own "yes, file this"); a decline files
 * nothing. A client without elicitation files as usual — the request still waits for a person,
 * and no argument can change that: the gate's schemas reject unknown keys such as `confirmed`.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { atLeast, REQUESTER_ROLE } from '../../lib/auth/roles';
import { AppError } from '../../lib/errors';
import type { ApprovalGate } from '../approval/types';
import type { ActuationPreview, AnyTool } from '../tool';
import type { Actor } from '@/lib/auth/actor';
import { filedView } from './approval-view';
import { toolErrorResult } from './errors';

export type FileActuationInput = {
  server: McpServer;
  gate: ApprovalGate | undefined;
  tool: AnyTool;
  args: Record<string, unknown>;
  actor: Actor;
  publicBaseUrl: string;
  signal?: AbortSignal;
  /** The tools/call being answered: over HTTP the confirmation must travel on that request's stream. */
  relatedRequestId?: string | number;
};

function confirmationText(tool: AnyTool, preview: ActuationPreview): string {
  const changes = preview.changes.map(
    (c) => `- ${c.what}: ${c.current ?? '?'} → ${c.proposed}${c.unit ? ` ${c.unit}` : ''}${c.allowedRange ? ` (allowed ${c.allowedRange})` : ''}`,
  );
  return [
    `File a request to ${tool.title.toLowerCase()}? ${preview.summary} (${preview.risk} risk)`,
    ...changes,
    `Expected effect: ${preview.expectedEffect}`,
    'Nothing changes now: a supervisor must still approve it in Plantpilot.',
  ].join('\n');
}

/** Asks the requester to confirm; true when they accepted. Only called for clients that declared elicitation. */
async function requesterConfirms(input: FileActuationInput): Promise<boolean> {
  const preview = await input.tool.preview!(input.args, { actor: input.actor, signal: input.signal });
  const answer = await input.server.server.elicitInput(
    { mode: 'form', message: confirmationText(input.tool, preview), requestedSchema: { type: 'object', properties: {} } },
    { signal: input.signal, relatedRequestId: input.relatedRequestId },
  );
  return answer.action === 'accept';
}

export async function fileActuation(input: FileActuationInput): Promise<CallToolResult> {
  const { gate, tool, actor } = input;
  if (!gate) {
    // Fail closed: without the gate an actuation has no way to run, whatever the client sends.
    throw new AppError('actuation_disabled', `${tool.title} needs a human approval, and the approval gate is not running on this server. Nothing was changed.`);
  }
  // The gate enforces this too; checking first spares a viewer a confirmation that would be refused.
  if (!atLeast(actor.role, REQUESTER_ROLE)) {
    throw new AppError(
      'forbidden',
      `${actor.name} has the ${actor.role} role, which may not request changes to the plant. Use an operator or supervisor token.`,
    );
  }
  if (input.server.server.getClientCapabilities()?.elicitation?.form && !(await requesterConfirms(input))) {
    return toolErrorResult(`Not filed: the request to ${tool.title.toLowerCase()} was not confirmed. Nothing was changed.`);
  }
  const request = await gate.request({ tool: tool.name, args: input.args, actor });
  const filed = filedView(request, input.publicBaseUrl);
  return { content: [{ type: 'text', text: JSON.stringify(filed) }], structuredContent: filed };
}
