import Link from 'next/link';
import type { InspectionSummary } from '../../tools/inspection/service/inspection-summary';
import { DefectPareto } from './defect-pareto';
import styles from './inspection-result-card.module.css';

/**
 * The output of trigger_inspection or inspection_results, inline in a chat answer: yield, the
 * defect Pareto and thumbnails of the worst boards, each opening the board viewer.
 */
export function InspectionResultCard({ summary }: { summary: InspectionSummary }) {
  const pending = summary.queued + summary.running;
  return (
    <div className={styles.card}>
      <dl className={styles.figures}>
        <div>
          <dt>Boards inspected</dt>
          <dd>{summary.boardsInspected}</dd>
        </div>
        <div>
          <dt>Yield</dt>
          <dd>{summary.yieldPct === null ? '—' : `${summary.yieldPct} %`}</dd>
        </div>
        <div>
          <dt>Defects</dt>
          <dd>{summary.defectCount}</dd>
        </div>
        {pending > 0 && (
          <div>
            <dt>Still running</dt>
            <dd>{pending}</dd>
          </div>
        )}
        {summary.failed > 0 && (
          <div>
            <dt>Failed</dt>
            <dd>{summary.failed}</dd>
          </div>
        )}
      </dl>
      <DefectPareto pareto={summary.pareto} />
      {summary.worstBoards.length > 0 && (
        <ul className={styles.boards} aria-label="Worst boards">
          {summary.worstBoards.map((board) => (
            <li key={board.jobId}>
              <Link href={board.href}>
                <img src={board.imageHref} alt={`Board ${board.boardSerial} of lot ${board.lotId}`} loading="lazy" />
              </Link>
              <span>
                {board.boardSerial}: {board.defectCount} ({board.classes.join(', ')})
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
