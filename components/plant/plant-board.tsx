'use client';

import { useEffect, useMemo, useState } from 'react';
import { AlarmList } from './alarm-list';
import type { BoardAsset, BoardMachine, BoardSnapshot, BoardUpdate } from './board-data';
import { MachineCard } from './machine-card';
import styles from './plant.module.css';
import { TrendPanel } from './trend-panel';

type FeedState = 'connecting' | 'live' | 'lost';

const RECONNECT_MS = 5000;

function applyUpdates(machines: BoardMachine[], updates: BoardUpdate[]): BoardMachine[] {
  const byAsset = new Map<string, BoardUpdate[]>();
  for (const update of updates) byAsset.set(update.assetId, [...(byAsset.get(update.assetId) ?? []), update]);
  return machines.map((machine) => {
    const changes = byAsset.get(machine.id);
    if (!changes) return machine;
    const values = { ...machine.values };
    for (const change of changes) values[change.tagId] = change.value;
    return { ...machine, values };
  });
}

/**
 * The Plant page's live part: machine cards per line fed by server-sent events from the plant
 * connection's cache, the alarm list and the trend panel. When the feed drops, every card says its
 * values are the last known ones until the feed is back.
 */
export function PlantBoard({
  initial,
  assets,
  initialAsset,
  initialTag,
}: {
  initial: BoardSnapshot;
  assets: BoardAsset[];
  initialAsset?: string;
  initialTag?: string;
}) {
  const [snapshot, setSnapshot] = useState(initial);
  const [feed, setFeed] = useState<FeedState>('connecting');
  const [selected, setSelected] = useState<string | undefined>(initialAsset);

  useEffect(() => {
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = () => {
      source = new EventSource('/api/plant/stream');
      source.addEventListener('open', () => setFeed('live'));
      source.addEventListener('error', () => {
        setFeed('lost');
        // The browser retries a dropped stream itself, but gives up on an error response
        // (the plant part not running yet, a restart): then try again ourselves.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, RECONNECT_MS);
      });
      source.addEventListener('snapshot', (event) => {
        setSnapshot(JSON.parse((event as MessageEvent<string>).data));
        setFeed('live');
      });
      source.addEventListener('update', (event) => {
        const updates = JSON.parse((event as MessageEvent<string>).data) as BoardUpdate[];
        setSnapshot((current) => ({ ...current, machines: applyUpdates(current.machines, updates) }));
      });
      source.addEventListener('connection', (event) => {
        const { connection } = JSON.parse((event as MessageEvent<string>).data) as { connection: BoardSnapshot['connection'] };
        setSnapshot((current) => ({ ...current, connection }));
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
    };
  }, []);

  const select = (id: string) => {
    setSelected((current) => (current === id ? undefined : id));
    const url = new URL(window.location.href);
    if (selected === id) url.searchParams.delete('asset');
    else url.searchParams.set('asset', id);
    window.history.replaceState(null, '', url);
  };

  const lines = useMemo(() => {
    const groups = new Map<string, BoardMachine[]>();
    for (const machine of snapshot.machines) groups.set(machine.line ?? 'Other', [...(groups.get(machine.line ?? 'Other') ?? []), machine]);
    return [...groups.entries()].map(([line, machines]) => {
      const name = machines[0]?.lineName;
      return { line, title: name && name !== line ? `${name} (${line})` : line, machines };
    });
  }, [snapshot.machines]);
  // Reload the alarm list whenever an alarm count on the board changes.
  const alarmVersion = snapshot.machines.reduce((sum, machine) => sum + (Number(machine.values.ActiveAlarmCount?.value) || 0) * 31 + machine.id.length, 0);
  // The server-rendered snapshot is current at page load; only a lost feed or plant link makes it stale.
  const live = feed !== 'lost' && snapshot.connection === 'connected';

  return (
    <div className={styles.board}>
      <p className={live ? styles.feedLive : styles.feedLost} role="status" data-feed={feed} data-connection={snapshot.connection}>
        {feed === 'connecting'
          ? 'Connecting to the live feed…'
          : feed === 'lost'
            ? 'Live feed lost; reconnecting. Values shown are the last known ones, not current.'
            : snapshot.connection !== 'connected'
              ? `The server has lost the plant connection (${snapshot.connection}). Values shown are the last known ones, not current.`
              : 'Live'}
      </p>
      {/* The trend first, within the first screen; the machine cards and the alarm history below. */}
      <TrendPanel assets={assets} assetId={selected} initialTag={initialTag} />
      {lines.map(({ line, title, machines }) => (
        <section key={line} id={line} className={styles.line} aria-label={title}>
          <h2>{title}</h2>
          <div className={styles.machines}>
            {machines.map((machine) => (
              <MachineCard key={machine.id} machine={machine} selected={machine.id === selected} live={live} onSelect={select} />
            ))}
          </div>
        </section>
      ))}
      <AlarmList assetId={selected} version={alarmVersion} />
    </div>
  );
}
