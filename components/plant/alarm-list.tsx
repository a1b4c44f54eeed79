'use client';

import { useState } from 'react';
import type { AlarmsOutput } from '../../tools/plant/tools/alarms';
import { usePolledJson } from '../use-polled-json';
import styles from './plant.module.css';
import { PlantTime } from '../plant-time';

const WINDOWS_MIN = [60, 480, 1440];
const EVENTS_PAGE_SIZE = 15;

/**
 * Alarms active now and the alarm events of the last hours, for the whole plant or the selected
 * machine. Reloads when `version` changes (the live feed saw an alarm count change) and every 30 s.
 */
export function AlarmList({ assetId, version }: { assetId?: string; version: number }) {
  const [minutes, setMinutes] = useState(480);
  const [page, setPage] = useState(0);
  const { data, error } = usePolledJson<AlarmsOutput>(
    () => `/api/plant/alarms?${new URLSearchParams({ minutes: String(minutes), ...(assetId ? { asset: assetId } : {}) })}`,
    30_000,
    [assetId, minutes, version],
    'The alarms could not be loaded.',
  );

  return (
    <section id="alarms" className={styles.panel} aria-label="Alarms">
      <header className={styles.panelHead}>
        <h2>Alarms{assetId ? ` — ${assetId}` : ''}</h2>
        <label>
          History{' '}
          <select
            value={minutes}
            onChange={(event) => {
              setMinutes(Number(event.target.value));
              setPage(0);
            }}
          >
            {WINDOWS_MIN.map((value) => (
              <option key={value} value={value}>
                last {value >= 60 ? `${value / 60} h` : `${value} min`}
              </option>
            ))}
          </select>
        </label>
      </header>
      {error && (
        <p className="banner banner-down" role="alert">
          {error}
        </p>
      )}
      {data && data.dataQuality.worst !== 'good' && <p className={styles.qualityStale}>{data.dataQuality.note}</p>}
      <h3>Active now ({data?.activeNow.length ?? '…'})</h3>
      {data && data.activeNow.length === 0 && <p className="muted">No active alarms.</p>}
      {data && data.activeNow.length > 0 && (
        <table className={styles.alarmTable}>
          <thead>
            <tr>
              <th>Prio</th>
              <th>Asset</th>
              <th>Code</th>
              <th>Alarm</th>
              <th>What to do</th>
            </tr>
          </thead>
          <tbody>
            {data.activeNow.map((alarm) => (
              <tr key={`${alarm.assetId}/${alarm.code}`} className={styles[`prio_${alarm.priority ?? 4}`]} data-alarm-code={alarm.code}>
                <td>{alarm.priority ?? '?'}</td>
                <td>{alarm.assetId}</td>
                <td>{alarm.code}</td>
                <td>
                  {alarm.text}
                  {alarm.quality !== 'good' && <em> ({alarm.quality}, not current)</em>}
                </td>
                <td>{alarm.advice?.operatorAction ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h3>Events ({data?.events.length ?? '…'})</h3>
      {data && data.events.length === 0 && <p className="muted">{data.note}</p>}
      {data && data.events.length > 0 && (
        <table className={styles.alarmTable}>
          <thead>
            <tr>
              <th>Time</th>
              <th>Prio</th>
              <th>Asset</th>
              <th>Code</th>
              <th>State</th>
              <th>Message</th>
            </tr>
          </thead>
          <tbody>
            {[...data.events]
              .reverse()
              .slice(page * EVENTS_PAGE_SIZE, (page + 1) * EVENTS_PAGE_SIZE)
              .map((event) => (
                <tr key={event.id} className={styles[`prio_${event.priority ?? 4}`]}>
                  <td>
                    <PlantTime at={event.time} style="seconds" />
                  </td>
                  <td>{event.priority ?? '?'}</td>
                  <td>{event.assetId ?? '—'}</td>
                  <td>{event.code ?? '—'}</td>
                  <td>{event.state}</td>
                  <td>{event.message}</td>
                </tr>
              ))}
          </tbody>
        </table>
      )}
      {data && data.events.length > EVENTS_PAGE_SIZE && (
        <nav className={styles.pager} aria-label="Alarm event pages">
          <button type="button" disabled={page === 0} onClick={() => setPage(page - 1)}>
            ← Newer
          </button>
          <span>
            {page * EVENTS_PAGE_SIZE + 1}–{Math.min(data.events.length, (page + 1) * EVENTS_PAGE_SIZE)} of {data.events.length}
          </span>
          <button type="button" disabled={(page + 1) * EVENTS_PAGE_SIZE >= data.events.length} onClick={() => setPage(page + 1)}>
            Older →
          </button>
        </nav>
      )}
    </section>
  );
}
