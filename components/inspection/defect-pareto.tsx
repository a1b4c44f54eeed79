import type { ParetoEntry } from '../../tools/inspection/service/inspection-summary';
import { DEFECT_COLOURS } from './defect-colours';
import styles from './defect-pareto.module.css';

const ROW_PX = 26;
const LABEL_PX = 90;
const BAR_PX = 260;
const VALUE_PX = 110;

/** Defect classes as horizontal bars, most frequent first, with count, share and cumulative share. */
export function DefectPareto({ pareto, title = 'Defects by class' }: { pareto: readonly ParetoEntry[]; title?: string }) {
  if (pareto.length === 0) return <p className={styles.empty}>No defects found in these inspections.</p>;
  const max = Math.max(...pareto.map((entry) => entry.count));
  const heightPx = pareto.length * ROW_PX + 4;
  return (
    <svg className={styles.pareto} viewBox={`0 0 ${LABEL_PX + BAR_PX + VALUE_PX} ${heightPx}`} role="img" aria-label={title}>
      <title>{title}</title>
      {pareto.map((entry, index) => {
        const y = index * ROW_PX + 2;
        const widthPx = Math.max(2, (entry.count / max) * BAR_PX);
        return (
          <g key={entry.type} data-class={entry.name}>
            <text className={styles.label} x={LABEL_PX - 8} y={y + ROW_PX / 2 + 4} textAnchor="end">
              {entry.name}
            </text>
            <rect x={LABEL_PX} y={y + 3} width={widthPx} height={ROW_PX - 8} fill={DEFECT_COLOURS[entry.name]} rx={2} />
            <text className={styles.value} x={LABEL_PX + widthPx + 6} y={y + ROW_PX / 2 + 4}>
              {entry.count} ({entry.sharePct}%, cum. {entry.cumulativePct}%)
            </text>
          </g>
        );
      })}
    </svg>
  );
}
