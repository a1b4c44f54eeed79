/** A key-signal sparkline: hourly means over the last 48 h, scaled from zero to the trip value. */
import styles from './maintenance.module.css';

const WIDTH = 120;
const HEIGHT = 28;

export function Sparkline({ points, tripValue, unit, label }: { points: { time: string; value: number }[]; tripValue: number; unit: string; label: string }) {
  if (points.length < 2) return <span className="muted">no recent data</span>;
  const top = Math.max(tripValue, ...points.map((p) => p.value));
  const first = Date.parse(points[0].time);
  const span = Math.max(1, Date.parse(points[points.length - 1].time) - first);
  const x = (time: string) => ((Date.parse(time) - first) / span) * WIDTH;
  const y = (value: number) => HEIGHT - (value / top) * HEIGHT;
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.time).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const last = points[points.length - 1];
  return (
    <span className={styles.sparkline}>
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${label}: ${last.value.toFixed(2)} ${unit} now`}>
        <line x1={0} x2={WIDTH} y1={y(tripValue)} y2={y(tripValue)} className={styles.trip} />
        <path d={path} className={styles.spark} />
      </svg>
      <span>
        {last.value.toFixed(1)} {unit}
      </span>
    </span>
  );
}
