/**
 * A Gantt chart per line as plain SVG (server-rendered, no chart library): one row for the draft and
 * one for the plan it is compared with, orders as bars coloured by product family, late orders
 * outlined in red, closed shifts and maintenance shaded.
 */
import { formatPlantTime } from '../../lib/plant-time';
import type { PlantSchedule, ScheduledLine } from '../../tools/scheduling/engine/plant-schedule';

const WIDTH = 960;
const LABEL_W = 120;
const ROW_H = 26;
const AXIS_H = 22;
const HOUR_MS = 3_600_000;

function familyColour(family: string): string {
  let hash = 0;
  for (const char of family) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  return `hsl(${hash} 55% 62%)`;
}

/** `timeZone`: the plant's, for the axis labels. */
type Props = { draft: PlantSchedule; compared: PlantSchedule; comparedLabel: string; timeZone: string };

export function GanttChart({ draft, compared, comparedLabel, timeZone }: Props) {
  const all = [...draft.lines, ...compared.lines].flatMap((l) => l.orders);
  const fromMs = Date.parse(draft.planStart);
  const toMs = Math.max(fromMs + 8 * HOUR_MS, ...all.map((o) => Date.parse(o.endAt)));
  const x = (iso: string) => LABEL_W + ((Date.parse(iso) - fromMs) / (toMs - fromMs)) * (WIDTH - LABEL_W - 10);
  const stepH = Math.max(1, Math.ceil((toMs - fromMs) / HOUR_MS / 12));
  const ticks: number[] = [];
  for (let t = Math.ceil(fromMs / HOUR_MS) * HOUR_MS; t <= toMs; t += stepH * HOUR_MS) ticks.push(t);
  const rows = draft.lines.flatMap((line) => [
    { label: `${line.lineId} draft`, line },
    { label: `${line.lineId} ${comparedLabel}`, line: compared.lines.find((l) => l.lineId === line.lineId) },
  ]);
  const height = AXIS_H + rows.length * ROW_H + 4;
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label="Schedule per line, draft and compared plan" style={{ fontSize: 11 }}>
      {ticks.map((t) => {
        const iso = new Date(t).toISOString();
        return (
          <g key={t}>
            <line x1={x(iso)} x2={x(iso)} y1={AXIS_H - 4} y2={height} stroke="#ddd" />
            <text x={x(iso) + 2} y={12} fill="#666">
              {formatPlantTime(t, timeZone, 'weekdayTime')}
            </text>
          </g>
        );
      })}
      {rows.map((row, index) => (
        <Row
          key={row.label}
          y={AXIS_H + index * ROW_H}
          label={row.label}
          line={row.line}
          x={x}
          fromIso={draft.planStart}
          toIso={new Date(toMs).toISOString()}
        />
      ))}
    </svg>
  );
}

function Row({
  y,
  label,
  line,
  x,
  fromIso,
  toIso,
}: {
  y: number;
  label: string;
  line: ScheduledLine | undefined;
  x: (iso: string) => number;
  fromIso: string;
  toIso: string;
}) {
  const clamp = (iso: string) => Math.min(Math.max(x(iso), x(fromIso)), x(toIso));
  return (
    <g>
      <text x={4} y={y + ROW_H / 2 + 4}>
        {label}
      </text>
      {line?.closed.map((w) => (
        <rect
          key={`${w.startAt}-${w.kind}`}
          x={clamp(w.startAt)}
          y={y + 2}
          width={Math.max(0, clamp(w.endAt) - clamp(w.startAt))}
          height={ROW_H - 4}
          fill={w.kind === 'maintenance' ? '#f6d3a8' : '#eee'}
        >
          <title>
            {w.kind === 'maintenance' ? `Maintenance ${w.assetId}` : 'Not staffed'}: {w.startAt} – {w.endAt}
          </title>
        </rect>
      ))}
      {line?.orders.map((o) => (
        <g key={o.orderId} id={`order-${o.orderId}`}>
          <rect
            x={x(o.startAt)}
            y={y + 3}
            width={Math.max(2, x(o.endAt) - x(o.startAt))}
            height={ROW_H - 6}
            fill={familyColour(o.family)}
            stroke={o.tardinessMin > 0 ? '#c0392b' : '#555'}
            strokeWidth={o.tardinessMin > 0 ? 2 : 0.5}
            strokeDasharray={o.hypothetical ? '4 2' : undefined}
          >
            <title>
              {o.orderId} {o.productId} ({o.boards} boards): {o.startAt} – {o.endAt}, due {o.dueAt}
              {o.tardinessMin > 0 ? `, ${o.tardinessMin} min late` : ', on time'}
            </title>
          </rect>
          <text x={x(o.startAt) + 3} y={y + ROW_H / 2 + 4} fill="#111" style={{ pointerEvents: 'none' }}>
            {x(o.endAt) - x(o.startAt) > 60 ? o.orderId : ''}
          </text>
        </g>
      ))}
    </g>
  );
}
