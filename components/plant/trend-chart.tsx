/**
 * A trend drawn as SVG: raw samples as a step line (a value holds until the next sample, which is
 * how change-based history reads), buckets as an average line inside a min–max band. Axes carry
 * time and the unit; samples that were not Good are marked below the axis so they are never read
 * as measurements.
 */
import type { TagHistoryOutput } from '../../tools/plant/tag-history';
import { formatTick, linear, niceTicks, timeTicks } from './chart-scale';
import styles from './plant.module.css';

const WIDTH = 800;
const HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 42, left: 64 };

type Series = { time: number; value: number }[];

export function TrendChart({ history }: { history: TagHistoryOutput }) {
  const fromMs = Date.parse(history.from);
  const toMs = Date.parse(history.to);
  const line: Series = [];
  const band: { time: number; min: number; max: number }[] = [];
  const flagged: { time: number; quality: 'uncertain' | 'bad' }[] = [];
  for (const point of history.points ?? []) {
    const time = Date.parse(point.time);
    if (point.quality !== 'good') flagged.push({ time, quality: point.quality });
    if (point.value !== null && point.quality !== 'bad') line.push({ time, value: point.value });
  }
  const bucketMs = typeof history.resolution === 'object' ? history.resolution.bucketSeconds * 1000 : 0;
  for (const bucket of history.buckets ?? []) {
    const time = Date.parse(bucket.start) + bucketMs / 2;
    if (bucket.badCount > 0) flagged.push({ time, quality: 'bad' });
    if (bucket.avg !== null) line.push({ time, value: bucket.avg });
    if (bucket.min !== null && bucket.max !== null) band.push({ time, min: bucket.min, max: bucket.max });
  }
  if (line.length === 0) {
    const textual = (history.points ?? []).filter((point) => point.text !== null);
    return (
      <div className={styles.chartEmpty}>
        {textual.length > 0 ? (
          <ul className={styles.textHistory}>
            {textual.slice(-20).map((point) => (
              <li key={point.time}>
                {new Date(point.time).toLocaleTimeString()} — {point.text || '(empty)'} {point.quality !== 'good' && <em>({point.quality})</em>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{history.note}</p>
        )}
      </div>
    );
  }
  const values = [...line.map((p) => p.value), ...band.flatMap((b) => [b.min, b.max])];
  let low = Math.min(...values);
  let high = Math.max(...values);
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.05 || 1;
  low -= pad;
  high += pad;
  const x = linear(fromMs, toMs, MARGIN.left, WIDTH - MARGIN.right);
  const y = linear(low, high, HEIGHT - MARGIN.bottom, MARGIN.top);
  const unit = history.unit && history.unit !== 'count' ? history.unit : '';
  const span = toMs - fromMs;

  let path = '';
  if (history.points) {
    // Step after: hold each value until the next sample, and until now for the last one.
    line.forEach((point, index) => {
      const next = line[index + 1]?.time ?? Math.min(toMs, Date.now());
      path += `${index === 0 ? 'M' : 'L'}${x(point.time).toFixed(1)},${y(point.value).toFixed(1)}H${x(next).toFixed(1)}`;
    });
  } else {
    path = line.map((point, index) => `${index === 0 ? 'M' : 'L'}${x(point.time).toFixed(1)},${y(point.value).toFixed(1)}`).join('');
  }
  const bandPath =
    band.length > 1
      ? `M${band.map((b) => `${x(b.time).toFixed(1)},${y(b.max).toFixed(1)}`).join('L')}L${[...band]
          .reverse()
          .map((b) => `${x(b.time).toFixed(1)},${y(b.min).toFixed(1)}`)
          .join('L')}Z`
      : '';

  return (
    <svg
      className={styles.chart}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`Trend of ${history.assetId} ${history.tagId}${unit ? ` in ${unit}` : ''}`}
    >
      {niceTicks(low, high, 5).map((tick) => (
        <g key={`y${tick}`}>
          <line className={styles.grid} x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
          <text className={styles.axisLabel} x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end">
            {tick}
          </text>
        </g>
      ))}
      {timeTicks(fromMs, toMs, 6).map((tick) => (
        <g key={`x${tick}`}>
          <line className={styles.grid} x1={x(tick)} x2={x(tick)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
          <text className={styles.axisLabel} x={x(tick)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
            {formatTick(tick, span)}
          </text>
        </g>
      ))}
      <text className={styles.axisTitle} x={14} y={HEIGHT / 2} transform={`rotate(-90 14 ${HEIGHT / 2})`} textAnchor="middle">
        {history.tagId}
        {unit ? ` [${unit}]` : ''}
      </text>
      <text className={styles.axisTitle} x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 4} textAnchor="middle">
        Time (local)
      </text>
      {bandPath && <path className={styles.band} d={bandPath} />}
      <path className={styles.series} d={path} />
      {flagged.map((flag, index) => (
        <rect
          key={index}
          className={flag.quality === 'bad' ? styles.flagBad : styles.flagUncertain}
          x={x(flag.time) - 1.5}
          y={HEIGHT - MARGIN.bottom + 1}
          width={3}
          height={5}
        >
          <title>{`${flag.quality} sample — not a measurement`}</title>
        </rect>
      ))}
    </svg>
  );
}
