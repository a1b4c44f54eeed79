'use client';

/**
 * The trend chart, drawn with uPlot (a small, fast time-series chart library): raw samples as a
 * step line, buckets as an average line inside a min–max band, time and unit on the axes, and
 * not-Good samples marked along the bottom so they are never read as measurements.
 */
import { useEffect, useMemo, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { TagHistoryOutput } from '../../tools/plant/tools/tag-history';
import styles from './plant.module.css';
import { cursorTime, timeAxisLabels } from './time-axis';
import { trendSeries } from './trend-series';
import { usePlantTime, usePlantTimeZone } from '../plant-time';

const HEIGHT_PX = 280;

export function TrendChart({ history }: { history: TagHistoryOutput }) {
  const host = useRef<HTMLDivElement>(null);
  // Memoised: the chart is rebuilt only when the history changes, not on every render of a parent.
  const series = useMemo(() => trendSeries(history), [history]);
  const plantTime = usePlantTime();
  const timeZone = usePlantTimeZone();

  useEffect(() => {
    const element = host.current;
    if (!element || series.values.length === 0) return;
    const banded = series.min.length > 0;
    const data: uPlot.AlignedData = banded ? [series.timesS, series.values, series.min, series.max] : [series.timesS, series.values];
    const options: uPlot.Options = {
      width: element.clientWidth || 800,
      height: HEIGHT_PX,
      scales: { x: { time: true } },
      // Axis labels in plant time, like every other time on the page.
      tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), timeZone),
      axes: [
        { label: `Time (${timeZone})`, values: (_u, splits) => timeAxisLabels(splits, timeZone) },
        { label: series.label, size: 64 },
      ],
      series: [
        { value: (_u, seconds) => cursorTime(seconds, timeZone) },
        { label: series.label, stroke: '#0b3d5c', width: 2, paths: series.stepped ? uPlot.paths.stepped!({ align: 1 }) : undefined },
        ...(banded
          ? [
              { label: 'min', stroke: 'rgba(31,122,140,0.35)', width: 1 },
              { label: 'max', stroke: 'rgba(31,122,140,0.35)', width: 1 },
            ]
          : []),
      ],
      bands: banded ? [{ series: [3, 2], fill: 'rgba(31,122,140,0.15)' }] : undefined,
    };
    const chart = new uPlot(options, data, element);
    const resize = () => chart.setSize({ width: element.clientWidth || 800, height: HEIGHT_PX });
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.destroy();
    };
  }, [series.label, series.stepped, series.timesS, series.values, series.min, series.max, timeZone]);

  if (series.values.length === 0) {
    const textual = (history.points ?? []).filter((point) => point.text !== null);
    return (
      <div className={styles.chartEmpty}>
        {textual.length > 0 ? (
          <ul className={styles.textHistory}>
            {textual.slice(-20).map((point) => (
              <li key={point.time}>
                {plantTime(point.time, 'seconds')} — {point.text || '(empty)'} {point.quality !== 'good' && <em>({point.quality})</em>}
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{history.note}</p>
        )}
      </div>
    );
  }
  return (
    <figure className={styles.chart} aria-label={`Trend of ${history.assetId} ${series.label}`}>
      <div ref={host} data-testid="trend-chart" />
      {series.flagged.length > 0 && (
        <figcaption className="muted">
          {series.flagged.length} sample(s) were not Good and are left out of the line:{' '}
          {series.flagged
            .slice(0, 5)
            .map((flag) => `${plantTime(flag.timeS * 1000, 'seconds')} ${flag.quality}`)
            .join(', ')}
          {series.flagged.length > 5 ? ', …' : ''}
        </figcaption>
      )}
    </figure>
  );
}
