'use client';

import type { BoardMachine, BoardValue } from './board-data';
import styles from './plant.module.css';
import { usePlantTime } from '../plant-time';

const RUNNING = new Set(['Execute']);
const WAITING = new Set(['Idle', 'Held', 'Holding', 'Suspended', 'Suspending', 'Complete', 'Completing', 'Starting', 'Unholding', 'Unsuspending', 'Resetting']);
const DOWN = new Set(['Stopped', 'Stopping', 'Aborted', 'Aborting', 'Clearing']);

export function stateTone(state: unknown): 'running' | 'waiting' | 'down' | 'unknown' {
  if (typeof state !== 'string') return 'unknown';
  if (RUNNING.has(state)) return 'running';
  if (WAITING.has(state)) return 'waiting';
  if (DOWN.has(state)) return 'down';
  return 'unknown';
}

function worst(values: (BoardValue | undefined)[]): 'good' | 'uncertain' | 'bad' {
  if (values.some((value) => value?.quality === 'bad')) return 'bad';
  if (values.some((value) => value?.quality === 'uncertain')) return 'uncertain';
  return 'good';
}

function show(value: BoardValue | undefined, digits = 0): string {
  if (!value || value.value === null || value.value === '') return '—';
  return typeof value.value === 'number' ? value.value.toFixed(digits) : String(value.value);
}

/** One machine: state colour, speed, counts, order, alarms — and, when data is not Good, a clear mark that it is not current. */
export function MachineCard({ machine, selected, live, onSelect }: { machine: BoardMachine; selected: boolean; live: boolean; onSelect(id: string): void }) {
  const plantTime = usePlantTime();
  const { values } = machine;
  const quality = live ? worst(Object.values(values)) : 'uncertain';
  const alarmCount = typeof values.ActiveAlarmCount?.value === 'number' ? values.ActiveAlarmCount.value : 0;
  const codes = typeof values.ActiveAlarms?.value === 'string' && values.ActiveAlarms.value ? values.ActiveAlarms.value.split(',') : [];
  const tone = quality === 'good' ? stateTone(values.State?.value) : 'unknown';
  const asOf = values.State?.sourceTimestamp ? plantTime(values.State.sourceTimestamp, 'seconds') : 'never';
  const problem = Object.entries(values).find(([, value]) => value && value.quality !== 'good');
  return (
    <button
      type="button"
      className={`${styles.machine} ${styles[`tone_${tone}`]} ${quality !== 'good' ? styles.notCurrent : ''} ${selected ? styles.selected : ''}`}
      onClick={() => onSelect(machine.id)}
      aria-pressed={selected}
      data-machine-id={machine.id}
      data-quality={quality}
      title={problem ? `${problem[0]}: ${problem[1]!.status}` : `${machine.name} — state since ${asOf} (source time)`}
    >
      <span className={styles.machineHead}>
        <strong>{machine.id}</strong>
        <span className={styles.statePill}>{show(values.State)}</span>
      </span>
      <span className={styles.machineName}>{machine.name}</span>
      {quality !== 'good' && (
        <span className={quality === 'bad' ? styles.qualityBad : styles.qualityStale} role="status">
          {!live ? 'Live feed lost — last known values' : quality === 'bad' ? 'BAD DATA — last known values' : 'STALE — last known values'}
        </span>
      )}
      <span className={styles.metrics}>
        <span>
          Speed <b>{show(values.SpeedPct)}</b> %
        </span>
        {values.GoodCount && (
          <span>
            Good <b>{show(values.GoodCount)}</b> · Scrap <b>{show(values.ScrapCount)}</b>
          </span>
        )}
        {values.OrderId?.value ? <span>Order {show(values.OrderId)}</span> : null}
      </span>
      <span className={alarmCount > 0 ? styles.alarmBadge : styles.noAlarm}>
        {alarmCount > 0 ? `${alarmCount} alarm${alarmCount === 1 ? '' : 's'}: ${codes.join(', ')}` : 'No active alarms'}
      </span>
      <span className={styles.asOf}>state since {asOf}</span>
    </button>
  );
}
