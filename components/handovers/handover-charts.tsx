/**
 * The handover's two charts, as plain SVG (server-rendered): good boards against plan per line, and
 * the downtime Pareto (stop minutes per cause with the cumulative share). The PDF draws the same
 * two from the same numbers (tools/handover/render-pdf.ts).
 */
import type { DowntimeCause } from '../../tools/handover/engine/downtime-pareto';
import type { LineKpis } from '../../tools/handover/engine/report-types';
import styles from './handovers.module.css';

const WIDTH = 560;
const LABEL_W = 150;
const VALUE_W = 130;
const ROW_H = 24;

export function OutputVsPlanChart({ lines }: { lines: readonly LineKpis[] }) {
  if (lines.length === 0) return null;
  const max = Math.max(1, ...lines.flatMap((line) => [line.goodUnits, line.plannedUnits ?? 0]));
  const barW = WIDTH - LABEL_W - VALUE_W;
  const height = lines.length * ROW_H + 4;
  return (
    <figure className={styles.chart} data-testid="handover-output-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label="Good boards against plan per line">
        {lines.map((line, index) => {
          const y = index * ROW_H + 2;
          const pct = line.plannedUnits ? Math.round((line.goodUnits / line.plannedUnits) * 100) : null;
          return (
            <g key={line.lineId}>
              <text x={LABEL_W - 8} y={y + 16} textAnchor="end" className={styles.chartLabel}>
                {line.lineId}
              </text>
              <rect x={LABEL_W} y={y + 4} width={(line.goodUnits / max) * barW} height={ROW_H - 8} className={styles.barGood} />
              {line.plannedUnits !== null && (
                <line
                  x1={LABEL_W + (line.plannedUnits / max) * barW}
                  x2={LABEL_W + (line.plannedUnits / max) * barW}
                  y1={y}
                  y2={y + ROW_H}
                  className={styles.planMark}
                />
              )}
              <text x={WIDTH - VALUE_W + 6} y={y + 16} className={styles.chartLabel}>
                {line.goodUnits} / {line.plannedUnits ?? '—'}
                {pct !== null ? ` (${pct} %)` : ''}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">Good boards this shift; the dark mark is the plan.</figcaption>
    </figure>
  );
}

export function DowntimeParetoChart({ causes }: { causes: readonly DowntimeCause[] }) {
  if (causes.length === 0) return <p className="muted">No stops in this shift, so no downtime Pareto.</p>;
  const max = Math.max(...causes.map((cause) => cause.minutes), 1);
  const labelW = 230;
  const barW = WIDTH - labelW - VALUE_W;
  const height = causes.length * ROW_H + 4;
  return (
    <figure className={styles.chart} data-testid="handover-downtime-chart">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" style={{ maxWidth: WIDTH }} role="img" aria-label="Downtime minutes per cause">
        {causes.map((cause, index) => {
          const y = index * ROW_H + 2;
          return (
            <g key={cause.cause}>
              <text x={labelW - 8} y={y + 16} textAnchor="end" className={styles.chartLabel}>
                {cause.label.length > 34 ? `${cause.label.slice(0, 33)}…` : cause.label}
                <title>{cause.label}</title>
              </text>
              <rect x={labelW} y={y + 4} width={Math.max(2, (cause.minutes / max) * barW)} height={ROW_H - 8} className={styles.barDown} />
              <text x={WIDTH - VALUE_W + 6} y={y + 16} className={styles.chartLabel}>
                {cause.minutes} min, {cause.stops}× (cum. {cause.cumulativePct} %)
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">Stop minutes per cause, largest first.</figcaption>
    </figure>
  );
}
