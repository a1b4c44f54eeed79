/** The fleet health table: every asset with a wear forecast, the most urgent (lowest lower bound) first. */
import type { RankedForecast } from '../../tools/maintenance/plant/forecast-service';
import type { KeySignalSeries } from '../../tools/maintenance/plant/key-signal';
import { RulIntervalBar } from './rul-interval-bar';
import { Sparkline } from './sparkline';
import styles from './maintenance.module.css';
import { PlantTime } from '../plant-time';

export type FleetRow = RankedForecast & { name: string; component: string; signal?: KeySignalSeries };

function hours(value: number): string {
  return value >= 100 ? `${Math.round(value)} h` : `${value.toFixed(1)} h`;
}

export function FleetHealthTable({ rows, selected }: { rows: FleetRow[]; selected?: string }) {
  if (rows.length === 0) return <p className="muted">No forecasts yet: the forecast service computes them shortly after start.</p>;
  const scaleHours = Math.max(24, ...rows.map((r) => r.upperHours ?? 0));
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th>Risk</th>
          <th>Asset</th>
          <th>Remaining life (operating hours, 80 % interval)</th>
          <th>Vibration, last 48 h</th>
          <th>Driven by</th>
          <th>Computed</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.assetId} id={row.assetId} className={row.assetId === selected ? styles.selected : undefined}>
            <td>{row.status === 'ok' ? row.riskRank : '—'}</td>
            <td>
              <strong>{row.assetId}</strong>
              <div className="muted">
                {row.name} · {row.component}
              </div>
            </td>
            <td>
              {row.status === 'ok' ? (
                <div className={styles.rul}>
                  <RulIntervalBar rulHours={row.rulHours!} lowerHours={row.lowerHours!} upperHours={row.upperHours!} scaleHours={scaleHours} />
                  <span>
                    {hours(row.rulHours!)} ({hours(row.lowerHours!)}–{hours(row.upperHours!)})
                  </span>
                </div>
              ) : (
                <span className="muted">Not enough history</span>
              )}
              {row.detail ? <div className={styles.detail}>{row.detail}</div> : null}
            </td>
            <td>
              {row.signal ? (
                <Sparkline points={row.signal.points} tripValue={row.signal.tripValue} unit={row.signal.unit} label={row.signal.tagId} />
              ) : (
                <span className="muted">historian not running</span>
              )}
            </td>
            <td>{row.topSignals.length > 0 ? row.topSignals.map((s) => s.signal).join(', ') : '—'}</td>
            <td>
              <PlantTime at={row.computedAt} />
              <div className="muted">{row.modelVersion}</div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
