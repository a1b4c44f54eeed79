/**
 * An in-memory ApprovalGate for tests: records requests and lets the test decide them. It executes
 * nothing itself; `decide` writes the final state a real gate would reach.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { ApprovalGate, ApprovalRequest, FileRequestInput } from '../../tools/approval/types';
import { FINAL_STATUSES } from '../../tools/approval/types';
import { AppError } from '../../lib/errors';

export type GateDouble = ApprovalGate & {
  requests: ApprovalRequest[];
  decide(id: string, outcome: { status: 'executed' | 'failed' | 'rejected' | 'expired'; reason?: string; readBackOk?: boolean }): void;
};

export function approvalGateDouble(): GateDouble {
  const requests: ApprovalRequest[] = [];
  const listeners = new Set<(request: ApprovalRequest) => void>();
  const find = (id: string) => {
    const request = requests.find((r) => r.id === id);
    if (!request) throw new AppError('not_found', `No approval request ${id}.`);
    return request;
  };
  return {
    requests,
    async request(input: FileRequestInput) {
      const argsJson = JSON.stringify(input.args);
      const request: ApprovalRequest = {
        id: randomUUID(),
        tool: input.tool,
        args: input.args as Record<string, unknown>,
        argsJson,
        argsSha256: createHash('sha256').update(argsJson).digest('hex'),
        status: 'pending',
        risk: 'medium',
        preview: { summary: `${input.tool} ${argsJson}`, changes: [], expectedEffect: '', safetyNotes: [], risk: 'medium' },
        requester: input.actor,
        conversationId: input.conversationId,
        toolCallId: input.toolCallId,
        createdAt: new Date().toISOString(),
        expiresAt: new Date(Date.now() + 600_000).toISOString(),
      };
      requests.push(request);
      return request;
    },
    async get(id) {
      return { ...find(id) };
    },
    async waitForOutcome(id) {
      const request = find(id);
      if (FINAL_STATUSES.has(request.status)) return request;
      return new Promise((resolve) => {
        const listener = (changed: ApprovalRequest) => {
          if (changed.id === id && FINAL_STATUSES.has(changed.status)) {
            listeners.delete(listener);
            resolve(changed);
          }
        };
        listeners.add(listener);
      });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    decide(id, outcome) {
      const request = find(id);
      request.status = outcome.status;
      request.decidedBy = { id: 'sup-1', name: 'Sam Supervisor', role: 'supervisor' };
      request.decidedAt = new Date().toISOString();
      request.reason = outcome.reason;
      if (outcome.status === 'executed') {
        request.executedAt = '2025-03-04T10:05:00.000Z';
        request.readBack = { ok: outcome.readBackOk ?? true, observed: outcome.readBackOk === false ? 'value unchanged' : 'Zone4.SetpointC = 245 °C' };
      }
      if (outcome.status === 'failed') request.error = 'the plant refused the write (BadOutOfRange)';
      for (const listener of [...listeners]) listener({ ...request });
    },
  };
}
