/** A tool call as a collapsible card: what was asked, what came back, how long it took, data quality. */
'use client';

import type { ToolCallRecord } from '../../agent/chat-events';
import { ApprovalCardById } from '../approvals/approval-card-by-id';
import { InspectionResultCard } from '../inspection/inspection-result-card';
import type { InspectionSummary } from '../../tools/inspection/plant/inspection-summary';
import styles from './chat.module.css';

const STATUS_LABEL: Record<ToolCallRecord['status'], string> = { running: 'running…', ok: 'ok', error: 'error', awaiting_approval: 'waiting for approval' };

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
          <span className={`${styles.badge} ${styles[`status_${call.status}`] ?? ''}`}>{STATUS_LABEL[call.status]}</span>
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
      {call.approval && (
        <div className={styles.approvalNote}>
          <ApprovalCardById id={call.approval.id} />
          <a href={`/approvals/${encodeURIComponent(call.approval.id)}`}>Open in Approvals</a>
        </div>
      )}
    </>
  );
}
