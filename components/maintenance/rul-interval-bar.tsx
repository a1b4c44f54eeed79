/**
 * The RUL interval as a bar on a shared hour scale: the band is the 80 % interval, the tick the point
 * forecast. Sharing the scale across rows makes the fleet comparable at a glance.
 */
import styles from './maintenance.module.css';

const WIDTH = 140;
const HEIGHT = 14;

export function RulIntervalBar({
  rulHours,
  lowerHours,
  upperHours,
  scaleHours,
}: {
  rulHours: number;
  lowerHours: number;
  upperHours: number;
  scaleHours: number;
}) {
  const x = (hours: number) => Math.min(WIDTH, (hours / scaleHours) * WIDTH);
  const urgency = lowerHours < 24 ? styles.bandDown : lowerHours < 72 ? styles.bandDegraded : styles.bandOk;
  return (
    <svg
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`${Math.round(lowerHours)} to ${Math.round(upperHours)} operating hours, most likely ${Math.round(rulHours)}`}
    >
      <rect x={0} y={HEIGHT / 2 - 1} width={WIDTH} height={2} className={styles.axis} />
      <rect x={x(lowerHours)} y={2} width={Math.max(2, x(upperHours) - x(lowerHours))} height={HEIGHT - 4} rx={2} className={urgency} />
      <rect x={x(rulHours) - 1} y={0} width={2} height={HEIGHT} className={styles.tick} />
    </svg>
  );
}
