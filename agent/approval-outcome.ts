/**
 * Turns an approval request's final state into the tool result the model reads. The words come from
 * the gate's record only (status, read-back, reason), so the model can report truthfully and can
 * never be told an action happened when the gate says it did not.
 */
import type { ApprovalGate, ApprovalRequest } from '../tools/approval/types';
import { FINAL_STATUSES, WITHDRAWN_PREFIX, isWithdrawn } from '../tools/approval/types';
import { formatPlantTime, plantTimeZone } from '../lib/plant-time';

/** People read the summary: plant time with date and seconds, as the approval card shows it (machine fields stay ISO). */
const plantTimeOf = (iso: string | undefined, fallback: string) => (iso ? `${formatPlantTime(iso, plantTimeZone(), 'datetimeSeconds')} plant time` : fallback);

const MAX_SUPERSEDE_HOPS = 5;

/** Follows edits (`superseded` → the request that replaced it) to the request that decides the call. */
export async function currentRequest(gate: ApprovalGate, approvalId: string): Promise<ApprovalRequest> {
  let request = await gate.get(approvalId);
  for (let hop = 0; hop < MAX_SUPERSEDE_HOPS && request.status === 'superseded' && request.supersededBy; hop++) {
    request = await gate.get(request.supersededBy);
  }
  return request;
}

export function isFinal(request: ApprovalRequest): boolean {
  return FINAL_STATUSES.has(request.status) && !(request.status === 'superseded' && request.supersededBy);
}

export type ApprovalOutcome = {
  approvalId: string;
  status: ApprovalRequest['status'];
  executed: boolean;
  /** The requester took the request back before anyone decided it. */
  withdrawn?: boolean;
  /** One plain sentence the model can repeat. */
  summary: string;
  args: Record<string, unknown>;
  decidedBy?: string;
  reason?: string;
  readBack?: ApprovalRequest['readBack'];
  result?: unknown;
  error?: string;
};

export function outcomeOf(request: ApprovalRequest): ApprovalOutcome {
  const base = { approvalId: request.id, status: request.status, args: request.args, decidedBy: request.decidedBy?.name, reason: request.reason };
  const what = request.preview?.summary ?? `${request.tool} ${request.argsJson}`;
  switch (request.status) {
    case 'executed': {
      const readBack = request.readBack;
      const confirmed = readBack?.ok === true;
      return {
        ...base,
        executed: true,
        readBack,
        result: request.result,
        summary: confirmed
          ? `Approved by ${request.decidedBy?.name ?? 'an approver'} and executed at ${plantTimeOf(request.executedAt, 'an unrecorded time')}: ${what}. Read-back confirms: ${readBack.observed}.`
          : `Approved and sent to the plant, but the read-back did not confirm it: ${readBack?.observed ?? 'no read-back'}${readBack?.detail ? ` (${readBack.detail})` : ''}. Treat the change as unconfirmed and check the machine.`,
      };
    }
    case 'failed':
      return {
        ...base,
        executed: false,
        error: request.error,
        summary: `Approved, but executing it failed: ${request.error ?? 'no detail'}. Nothing is confirmed to have changed.`,
      };
    case 'rejected':
      if (isWithdrawn(request)) {
        const words = (request.reason ?? '').slice(WITHDRAWN_PREFIX.length).replace(/^:\s*/, '');
        return {
          ...base,
          executed: false,
          withdrawn: true,
          summary: `Withdrawn by ${request.requester.name}, who asked for it${words ? ` (“${words}”)` : ''}. Nothing was changed; ask for the right change now if one is still needed.`,
        };
      }
      return {
        ...base,
        executed: false,
        summary: `Rejected by ${request.decidedBy?.name ?? 'an approver'}: ${request.reason ?? 'no reason given'}. Nothing was changed.`,
      };
    case 'expired':
      return {
        ...base,
        executed: false,
        summary: `The approval request expired at ${plantTimeOf(request.expiresAt, 'its deadline')} without a decision. Nothing was changed; ask again if it is still needed.`,
      };
    case 'superseded':
      return { ...base, executed: false, summary: `The request was replaced and the replacement could not be followed. Nothing is confirmed to have changed.` };
    default:
      return { ...base, executed: false, summary: `The request is still ${request.status}; nothing has been executed yet.` };
  }
}
