/**
 * `get_approval`, `decide_approval` and `withdraw_approval`: the MCP client's view of the gate. Deciding needs a
 * token with the approver scope and names the exact argument hash the approver saw. A token
 * never decides a request it filed itself, whatever the risk: otherwise one automated client
 * could both ask for and approve a change, and no person would have looked at it. The gate adds
 * its own checks (role for the risk, four-eyes across identities for high risk).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import type { Gate } from '../approval/gate';
import type { ApprovalGate } from '../approval/types';
import type { Actor } from '@/lib/auth/actor';
import { approvalView, decideUrl, type ApprovalView as ApprovalViewType, ApprovalView } from './approval-view';
import { toolFailure } from './errors';

/** The gate as the MCP server uses it: filing, reading and — for approver tokens — deciding. */
export type McpGate = ApprovalGate & Pick<Gate, 'decide'>;

export const GetApprovalInput = z.strictObject({ approvalId: z.uuid('an approval id as returned when the request was filed') });

export const DecideApprovalInput = z.strictObject({
  approvalId: z.uuid('an approval id as returned when the request was filed'),
  decision: z.enum(['approve', 'reject']),
  argsSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the argsSha256 shown by get_approval: you decide on exactly those arguments'),
  reason: z.string().trim().min(3).max(2000).optional().describe('Required to reject: why, in a sentence the requester can act on.'),
});

export const WithdrawApprovalInput = z.strictObject({
  approvalId: z.uuid('an approval id as returned when the request was filed'),
  argsSha256: z.string().regex(/^[0-9a-f]{64}$/, 'the argsSha256 shown by get_approval: you withdraw exactly those arguments'),
  reason: z.string().trim().max(2000).optional().describe('What was wrong with the request, in a sentence (optional).'),
});

export const APPROVAL_TOOL_NAMES = ['get_approval', 'decide_approval', 'withdraw_approval'] as const;

export type ApprovalToolsOptions = { gate: McpGate | undefined; actor: Actor; canApprove: boolean; publicBaseUrl: string; log: Logger };

function requireGate(gate: McpGate | undefined): McpGate {
  if (!gate) throw new AppError('backend_unavailable', 'The approval gate is not running on this server. Check the server log and /api/health.');
  return gate;
}

function viewResult(view: ApprovalViewType): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(view) }], structuredContent: view };
}

export function registerApprovalTools(server: McpServer, options: ApprovalToolsOptions): void {
  const { actor, log, publicBaseUrl } = options;

  server.registerTool(
    'get_approval',
    {
      title: 'Get an approval request',
      description:
        'The status of an approval request filed by an actuate tool: pending, approved, executing, executed (with read-back), failed, rejected, expired or superseded by an edit. Call it after filing to learn the outcome.',
      inputSchema: GetApprovalInput,
      outputSchema: ApprovalView,
      annotations: { readOnlyHint: true },
    },
    async ({ approvalId }): Promise<CallToolResult> => {
      try {
        return viewResult(approvalView(await requireGate(options.gate).get(approvalId), publicBaseUrl));
      } catch (error) {
        return toolFailure(error, log);
      }
    },
  );

  server.registerTool(
    'decide_approval',
    {
      title: 'Decide an approval request',
      description:
        'Approve or reject a pending approval request. Only for tokens with the approver scope (supervisor or admin), never on a request this token filed itself. Read the request with get_approval first and pass its argsSha256.',
      inputSchema: DecideApprovalInput,
      outputSchema: ApprovalView,
      annotations: { readOnlyHint: false, destructiveHint: true },
    },
    async ({ approvalId, decision, argsSha256, reason }): Promise<CallToolResult> => {
      try {
        const gate = requireGate(options.gate);
        if (!options.canApprove) {
          throw new AppError(
            'forbidden',
            `${actor.name} may not decide approvals: its token has no approver scope. A supervisor decides at ${decideUrl(publicBaseUrl, approvalId)}.`,
          );
        }
        const request = await gate.get(approvalId);
        if (request.requester.id === actor.id) {
          throw new AppError(
            'forbidden',
            `${actor.name} filed this request itself and may not decide it. Another person must, at ${decideUrl(publicBaseUrl, approvalId)}.`,
          );
        }
        if (decision === 'reject' && !reason) throw new AppError('invalid_argument', 'Give a reason to reject: a sentence the requester can act on.');
        const body = decision === 'approve' ? { type: 'approve', argsSha256 } : { type: 'reject', argsSha256, reason };
        return viewResult(approvalView(await gate.decide(approvalId, body, actor), publicBaseUrl));
      } catch (error) {
        return toolFailure(error, log);
      }
    },
  );

  server.registerTool(
    'withdraw_approval',
    {
      title: 'Withdraw your own approval request',
      description:
        'Take back a pending approval request this token filed itself (a wrong value, a change no longer needed), before anyone decides it. Needs no approver scope: it can only stop a change. Then file the right one.',
      inputSchema: WithdrawApprovalInput,
      outputSchema: ApprovalView,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false },
    },
    async ({ approvalId, argsSha256, reason }): Promise<CallToolResult> => {
      try {
        const body = { type: 'withdraw', argsSha256, ...(reason ? { reason } : {}) };
        return viewResult(approvalView(await requireGate(options.gate).decide(approvalId, body, actor), publicBaseUrl));
      } catch (error) {
        return toolFailure(error, log);
      }
    },
  );
}
