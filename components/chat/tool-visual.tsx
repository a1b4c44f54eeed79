'use client';

/**
 * Charts inline in a chat answer, where a person would rather look than read: the Plant page's
 * uPlot trend for tag history, small bars of output vs plan and OEE per line for the plant
 * overview, and a Gantt thumbnail for schedule drafts. Anything else shows no chart.
 */
import Link from 'next/link';
import type { ToolCallRecord } from '../../agent/chat-events';
import type { PlantOverviewOutput } from '../../tools/plant/tools/plant-overview';
import type { TagHistoryOutput } from '../../tools/plant/tools/tag-history';
import type { DraftSummary } from '../../tools/scheduling/tools/draft-summary';
import { TrendChart } from '../plant/trend-chart';
import { usePlantTime } from '../plant-time';
import styles from './chat.module.css';

const BAR_W = 220;

function LineBars({ overview }: { overview: PlantOverviewOutput }) {
  const rows = overview.lines.map((line) => ({
    id: line.id,
    name: line.name,
    planPct: line.outputVsPlanPct,
    oeePct: line.oeePct,
    good: line.goodThisShift,
    planned: line.plannedUnits,
  }));
  const bar = (pct: number | null, className: string | undefined) =>
    pct === null ? (
      <span className="muted">—</span>
    ) : (
      <svg width={BAR_W} height={12} role="img" aria-label={`${pct} %`}>
        <rect x={0} y={1} width={BAR_W} height={10} className={styles.barTrack} />
        <rect x={0} y={1} width={(Math.min(120, Math.max(0, pct)) / 120) * BAR_W} height={10} className={className} />
        <line x1={(100 / 120) * BAR_W} x2={(100 / 120) * BAR_W} y1={0} y2={12} className={styles.barTarget} />
      </svg>
    );
  return (
    <figure className={styles.visual} data-testid="chat-line-bars" aria-label="Output vs plan and OEE per line this shift">
      <table className={styles.barTable}>
        <thead>
          <tr>
            <th>Line</th>
            <th>Output vs plan</th>
            <th>OEE</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td>
                <Link href={`/plant#${row.id}`}>{row.name}</Link>
              </td>
              <td>
                {bar(row.planPct, styles.barOutput)}{' '}
                <span className={styles.barValue}>
                  {row.good ?? '—'} / {row.planned ?? '—'}
                  {row.planPct !== null ? ` (${Math.round(row.planPct)} %)` : ''}
                </span>
              </td>
              <td>
                {bar(row.oeePct, styles.barOee)} <span className={styles.barValue}>{row.oeePct === null ? '—' : `${row.oeePct} %`}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <figcaption className="muted">This shift so far; the line at 100 % is the plan.</figcaption>
    </figure>
  );
}

function productColour(product: string): string {
  let hash = 0;
  for (const char of product) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return `hsl(${hash} 55% 62%)`;
}

const GANTT_W = 480;
const GANTT_LABEL_W = 56;
const GANTT_ROW_H = 16;

function GanttThumbnail({ draft }: { draft: DraftSummary }) {
  const plantTime = usePlantTime();
  const orders = draft.lines.flatMap((line) => line.orders);
  if (orders.length === 0) return null;
  const fromMs = Math.min(...orders.map((o) => Date.parse(o.startAt)));
  const toMs = Math.max(fromMs + 3_600_000, ...orders.map((o) => Date.parse(o.endAt)));
  const x = (iso: string) => GANTT_LABEL_W + ((Date.parse(iso) - fromMs) / (toMs - fromMs)) * (GANTT_W - GANTT_LABEL_W - 4);
  const height = draft.lines.length * GANTT_ROW_H + 4;
  return (
    <figure className={styles.visual} data-testid="chat-gantt">
      <Link href={`/schedule?draft=${encodeURIComponent(draft.draftId)}`} aria-label="Open this draft on the Schedule page">
        <svg viewBox={`0 0 ${GANTT_W} ${height}`} width="100%" style={{ maxWidth: GANTT_W, fontSize: 10 }} role="img" aria-label="Schedule draft per line">
          {draft.lines.map((line, row) => (
            <g key={line.lineId} transform={`translate(0 ${row * GANTT_ROW_H + 2})`}>
              <text x={0} y={11}>
                {line.lineId}
              </text>
              {line.orders.map((order) => (
                <rect
                  key={order.orderId}
                  x={x(order.startAt)}
                  y={1}
                  width={Math.max(1, x(order.endAt) - x(order.startAt))}
                  height={GANTT_ROW_H - 4}
                  fill={productColour(order.productId)}
                  stroke={order.tardinessMin > 0 ? '#b42318' : 'none'}
                >
                  <title>{`${order.orderId} ${order.productId} ${plantTime(order.startAt, 'time')}–${plantTime(order.endAt, 'time')}`}</title>
                </rect>
              ))}
            </g>
          ))}
        </svg>
      </Link>
      <figcaption className="muted">
        {plantTime(fromMs, 'weekdayTime')} – {plantTime(toMs, 'weekdayTime')}; red outline: late. Open it on the{' '}
        <Link href={`/schedule?draft=${encodeURIComponent(draft.draftId)}`}>Schedule page</Link>.
      </figcaption>
    </figure>
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function ToolVisual({ call }: { call: ToolCallRecord }) {
  if (call.status !== 'ok' || !isObject(call.output)) return null;
  const output = call.output;
  if (call.name === 'tag_history' && Array.isArray(output.points ?? output.buckets)) {
    return (
      <figure className={styles.visual} data-testid="chat-trend">
        <TrendChart history={output as unknown as TagHistoryOutput} />
      </figure>
    );
  }
  if (call.name === 'plant_overview' && Array.isArray(output.lines)) return <LineBars overview={output as unknown as PlantOverviewOutput} />;
  if ((call.name === 'propose_schedule' || call.name === 'what_if') && Array.isArray(output.lines) && typeof output.draftId === 'string')
    return <GanttThumbnail draft={output as unknown as DraftSummary} />;
  return null;
}
