/** The fleet health table: every asset with a wear forecast, the most urgent (lowest lower bound) first. */
import type { RankedForecast } from '../../tools/maintenance/service/forecast-service';
import type { KeySignalSeries } from '../../tools/maintenance/service/key-signal';
import { BookWorkOrder, type OfferedWindow } from './book-work-order';
import { RulIntervalBar } from './rul-interval-bar';
import { signalEffect } from './signal-names';
import { Sparkline } from './sparkline';
import styles from './maintenance.module.css';
import { PlantTime } from '../plant-time';

export type FleetRow = RankedForecast & { name: string; component: string; signal?: KeySignalSeries; windows: OfferedWindow[] };

function hours(value: number): string {
  return value >= 100 ? `${Math.round(value)} h` : `${value.toFixed(1)} h`;
}

/** `csrfToken`: given to people who may request work orders (operators and above). */
export function FleetHealthTable({ rows, selected, csrfToken }: { rows: FleetRow[]; selected?: string; csrfToken?: string }) {
  if (rows.length === 0) return <p className="muted">No forecasts yet: the forecast service computes them shortly after start.</p>;
  const scaleHours = Math.max(24, ...rows.map((r) => r.upperHours ?? 0));
  return (
    <div className={styles.scroll}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th>Risk</th>
            <th>Asset</th>
            <th>Remaining life (operating hours, 80 % interval)</th>
            <th>Vibration, last 48 h</th>
            <th>Driven by</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.assetId} id={row.assetId} className={row.assetId === selected ? styles.selected : undefined} data-asset={row.assetId}>
              <td>{row.status === 'ok' ? row.riskRank : '—'}</td>
              <td>
                <strong>{row.assetId}</strong>
                <div className="muted">
                  {row.name} · {row.component}
                </div>
                {csrfToken && row.windows.length > 0 && (
                  <BookWorkOrder
                    assetId={row.assetId}
                    defaultTask={`Service the ${row.component.toLowerCase()}: inspect, replace worn bearings`}
                    windows={row.windows}
                    csrfToken={csrfToken}
                  />
                )}
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
                <div className="muted" title={`Model ${row.modelVersion}`}>
                  Computed <PlantTime at={row.computedAt} />
                </div>
              </td>
              <td>
                {row.signal ? (
                  <Sparkline points={row.signal.points} tripValue={row.signal.tripValue} unit={row.signal.unit} label={row.signal.tagId} />
                ) : (
                  <span className="muted">historian not running</span>
                )}
              </td>
              <td data-testid="driven-by" title="Operating hours each signal added to (+) or took from (−) the forecast">
                {row.topSignals.length > 0 ? (
                  <ul className={styles.drivers}>
                    {row.topSignals.map((signal) => (
                      <li key={signal.signal}>{signalEffect(signal)}</li>
                    ))}
                  </ul>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
