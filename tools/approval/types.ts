/**
 * The approval gate's public contract. Every `actuate` tool call — from the chat agent, the MCP
 * server or the CLI — becomes an ApprovalRequest. Only a decision by an authenticated person
 * whose role allows it (four-eyes for high risk) lets the gate execute exactly the stored
 * arguments, once. Nothing in a request's text, arguments or any tool output can approve it.
 */
import { z } from 'zod';
import type { ActuationPreview, ReadBack, RiskLevel } from '../tool';
import type { Actor } from '@/lib/auth/actor';

export const APPROVAL_STATUSES = ['pending', 'approved', 'executing', 'executed', 'failed', 'rejected', 'expired', 'superseded'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

/** States from which a request will never change again. */
export const FINAL_STATUSES: ReadonlySet<ApprovalStatus> = new Set(['executed', 'failed', 'rejected', 'expired', 'superseded']);

export type ApprovalRequest = {
  id: string;
  tool: string;
  /** The exact arguments, parsed from `argsJson`; what runs if approved. */
  args: Record<string, unknown>;
  /** Canonical JSON (sorted keys, no whitespace) of the arguments: the bytes that are hashed and executed. */
  argsJson: string;
  argsSha256: string;
  status: ApprovalStatus;
  risk: RiskLevel;
  preview: ActuationPreview;
  requester: Actor;
  conversationId?: string;
  toolCallId?: string;
  createdAt: string;
  expiresAt: string;
  decidedBy?: { id: string; name: string; role: Actor['role'] };
  decidedAt?: string;
  reason?: string;
  supersedes?: string;
  supersededBy?: string;
  editedBy?: { id: string; name: string };
  executedAt?: string;
  result?: unknown;
  readBack?: ReadBack;
  error?: string;
};

export const Decision = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('approve'), argsSha256: z.string().regex(/^[0-9a-f]{64}$/) }),
  z.strictObject({ type: z.literal('reject'), argsSha256: z.string().regex(/^[0-9a-f]{64}$/), reason: z.string().trim().min(3).max(2000) }),
  z.strictObject({
    type: z.literal('edit'),
    argsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** The full replacement arguments for the same tool. */
    args: z.record(z.string(), z.unknown()),
    reason: z.string().trim().max(2000).optional(),
  }),
  /**
   * The requester takes their own request back (a wrong value, a change no longer needed). Needs no
   * approver role: it can only stop a change, never make one.
   */
  z.strictObject({ type: z.literal('withdraw'), argsSha256: z.string().regex(/^[0-9a-f]{64}$/), reason: z.string().trim().max(2000).optional() }),
]);
export type Decision = z.infer<typeof Decision>;

/** How a withdrawn request's reason begins (it is stored as a rejection by the requester). */
export const WITHDRAWN_PREFIX = 'Withdrawn by the requester';

/** A rejection the requester made themselves, with the gate's withdrawal reason: the request was taken back, not turned down. */
export function isWithdrawn(request: Pick<ApprovalRequest, 'status' | 'reason' | 'requester' | 'decidedBy'>): boolean {
  return request.status === 'rejected' && request.decidedBy?.id === request.requester.id && (request.reason ?? '').startsWith(WITHDRAWN_PREFIX);
}

export type FileRequestInput = {
  tool: string;
  args: unknown;
  actor: Actor;
  /** The site the person is looking at: a per-site tool's site when the arguments name none. */
  site?: string;
  conversationId?: string;
  toolCallId?: string;
};

/** What the agent, the MCP server and the CLI see of the gate. Deciding is a separate, authenticated path. */
export interface ApprovalGate {
  /** Validates the call and files a pending request with a live preview. Never executes anything. */
  request(input: FileRequestInput): Promise<ApprovalRequest>;
  get(id: string): Promise<ApprovalRequest>;
  /** Resolves when the request reaches a final state (or the signal aborts). */
  waitForOutcome(id: string, options?: { signal?: AbortSignal; pollMs?: number }): Promise<ApprovalRequest>;
  /** Live changes of any request (this instance's and, via polling, others'). Returns an unsubscribe. */
  onChange(listener: (request: ApprovalRequest) => void): () => void;
}
