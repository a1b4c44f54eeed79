/**
 * What an MCP client sees of an approval request: the structured output of a filed actuation and
 * of `get_approval` / `decide_approval`. Every word comes from the gate's record, so a client can
 * never be told that something ran when the gate says it did not.
 */
import { z } from 'zod';
import { Source } from '../sources';
import { APPROVAL_STATUSES, FINAL_STATUSES, isWithdrawn, type ApprovalRequest } from '../approval/types';

export const PreviewOutput = z.object({
  summary: z.string(),
  asset: z.object({ id: z.string(), name: z.string(), line: z.string().optional() }).optional(),
  changes: z.array(
    z.object({
      what: z.string(),
      current: z.string().optional(),
      proposed: z.string(),
      unit: z.string().optional(),
      allowedRange: z.string().optional(),
    }),
  ),
  expectedEffect: z.string(),
  safetyNotes: z.array(z.object({ text: z.string(), source: Source.optional() })),
  risk: z.enum(['low', 'medium', 'high']),
});

/** The result of calling an actuate tool over MCP: a filed request, never an execution. */
export const ActuationFiled = z.object({
  approvalId: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  preview: PreviewOutput,
  /** Where a person with the right role decides. */
  decideUrl: z.string(),
  argsSha256: z.string(),
  expiresAt: z.string(),
  /** One plain sentence the model can repeat. */
  message: z.string(),
});
export type ActuationFiled = z.infer<typeof ActuationFiled>;

export const ApprovalView = z.object({
  approvalId: z.string(),
  tool: z.string(),
  status: z.enum(APPROVAL_STATUSES),
  /** True once the request will never change again. */
  final: z.boolean(),
  args: z.record(z.string(), z.unknown()),
  argsSha256: z.string(),
  risk: z.enum(['low', 'medium', 'high']),
  preview: PreviewOutput,
  requester: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
  supersededBy: z.string().optional(),
  executedAt: z.string().optional(),
  result: z.unknown().optional(),
  readBack: z.object({ ok: z.boolean(), observed: z.string(), detail: z.string().optional() }).optional(),
  error: z.string().optional(),
  decideUrl: z.string(),
  message: z.string(),
});
export type ApprovalView = z.infer<typeof ApprovalView>;

export function decideUrl(publicBaseUrl: string, approvalId: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/approvals/${encodeURIComponent(approvalId)}`;
}

export function filedView(request: ApprovalRequest, publicBaseUrl: string): ActuationFiled {
  const url = decideUrl(publicBaseUrl, request.id);
  return {
    approvalId: request.id,
    status: request.status,
    preview: request.preview,
    decideUrl: url,
    argsSha256: request.argsSha256,
    expiresAt: request.expiresAt,
    message:
      `Filed approval request ${request.id} (${request.risk} risk): ${request.preview.summary}. Nothing has changed yet: ` +
      `a supervisor must approve it at ${url} before ${request.expiresAt}. Check its outcome with get_approval.`,
  };
}

function messageOf(request: ApprovalRequest, url: string): string {
  const what = request.preview.summary;
  const by = request.decidedBy?.name ?? 'an approver';
  switch (request.status) {
    case 'pending':
      return `Waiting for approval at ${url} (expires ${request.expiresAt}): ${what}. Nothing has changed yet.`;
    case 'approved':
    case 'executing':
      return `Approved by ${by}; the change is being executed now: ${what}. Check again shortly.`;
    case 'executed':
      return request.readBack?.ok
        ? `Approved by ${by} and executed: ${what}. Read-back confirms: ${request.readBack.observed}.`
        : `Approved and sent to the plant, but the read-back did not confirm it: ${request.readBack?.observed ?? 'no read-back'}. Treat the change as unconfirmed and check the machine.`;
    case 'failed':
      return `Approved, but executing it failed: ${request.error ?? 'no detail'}. Nothing is confirmed to have changed.`;
    case 'rejected':
      if (isWithdrawn(request)) return `${request.reason} (${request.requester.name}). Nothing was changed.`;
      return `Rejected by ${by}${request.reason ? `: ${request.reason}` : ''}. Nothing was changed.`;
    case 'expired':
      return `Expired at ${request.expiresAt} without a decision. Nothing was changed; ask again if it is still needed.`;
    case 'superseded':
      return `Replaced by an edited request ${request.supersededBy} from ${request.editedBy?.name ?? 'an approver'}; call get_approval with that id.`;
  }
}

export function approvalView(request: ApprovalRequest, publicBaseUrl: string): ApprovalView {
  const url = decideUrl(publicBaseUrl, request.id);
  return {
    approvalId: request.id,
    tool: request.tool,
    status: request.status,
    final: FINAL_STATUSES.has(request.status),
    args: request.args,
    argsSha256: request.argsSha256,
    risk: request.risk,
    preview: request.preview,
    requester: request.requester.name,
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
    decidedBy: request.decidedBy?.name,
    decidedAt: request.decidedAt,
    reason: request.reason,
    supersededBy: request.supersededBy,
    executedAt: request.executedAt,
    result: request.result,
    readBack: request.readBack,
    error: request.error,
    decideUrl: url,
    message: messageOf(request, url),
  };
}
