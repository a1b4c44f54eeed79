/** A tool call as a collapsible card: what was asked, what came back, how long it took, data quality. */
'use client';

import type { ToolCallRecord } from '../../agent/chat-events';
import { ApprovalCardById } from '../approvals/approval-card-by-id';
import { InspectionResultCard } from '../inspection/inspection-result-card';
import type { InspectionSummary } from '../../tools/inspection/service/inspection-summary';
import styles from './chat.module.css';
import { ToolVisual } from './tool-visual';

const STATUS_LABEL: Record<ToolCallRecord['status'], string> = { running: 'running…', ok: 'ok', error: 'error', awaiting_approval: 'waiting for approval' };

/** A decided approval says what was decided, not "error": a rejection is an answer, not a failure. */
const APPROVAL_LABEL: Record<string, string> = {
  pending: 'waiting for approval',
  executed: 'approved and done',
  failed: 'approved, but failed',
  rejected: 'rejected',
  expired: 'expired without a decision',
  superseded: 'replaced by an edit',
};

function statusLabel(call: ToolCallRecord): string {
  if (call.approval) return APPROVAL_LABEL[call.approval.status] ?? call.approval.status;
  return STATUS_LABEL[call.status];
}

/** Inspection results show as a card (yield, Pareto, worst boards) rather than raw JSON. */
function inspectionSummary(call: ToolCallRecord): InspectionSummary | undefined {
  if (call.status !== 'ok' || typeof call.output !== 'object' || call.output === null) return undefined;
  const output = call.output as { summary?: InspectionSummary } & Partial<InspectionSummary>;
  if (call.name === 'trigger_inspection') return output.summary;
  if (call.name === 'inspection_results' && output.queued !== undefined) return output as InspectionSummary;
  return undefined;
}

export function ToolCard({ call }: { call: ToolCallRecord }) {
  return (
    <>
      <details className={styles.toolCard} data-tool={call.name} data-status={call.status}>
        <summary>
          <span className={styles.toolName}>{call.title ?? call.name}</span>
          <span
            className={`${styles.badge} ${styles[`status_${call.approval ? `approval_${call.approval.status}` : call.status}`] ?? styles[`status_${call.status}`] ?? ''}`}
          >
            {statusLabel(call)}
          </span>
          {call.quality && call.quality !== 'unknown' && (
            <span className={`${styles.badge} ${styles[`quality_${call.quality}`] ?? ''}`}>quality: {call.quality}</span>
          )}
          {call.durationMs !== undefined && <span className={styles.duration}>{Math.round(call.durationMs)} ms</span>}
        </summary>
        <h4>Input</h4>
        <pre>{JSON.stringify(call.args, null, 2)}</pre>
        {call.output !== undefined && (
          <>
            <h4>Output</h4>
            <pre>{typeof call.output === 'string' ? call.output : JSON.stringify(call.output, null, 2)}</pre>
          </>
        )}
      </details>
      {inspectionSummary(call) && <InspectionResultCard summary={inspectionSummary(call)!} />}
      <ToolVisual call={call} />
      {call.approval && (
        <div className={styles.approvalNote}>
          <ApprovalCardById id={call.approval.id} />
          <a href={`/approvals/${encodeURIComponent(call.approval.id)}`}>Open in Approvals</a>
        </div>
      )}
    </>
  );
}
