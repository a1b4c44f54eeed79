'use client';

import { useEffect, useState } from 'react';
import type { TagHistoryOutput } from '../../tools/plant/tools/tag-history';
import type { BoardAsset } from './board-data';
import styles from './plant.module.css';
import { TrendChart } from './trend-chart';
import { usePolledJson } from '../use-polled-json';
import { usePlantTime } from '../plant-time';

const WINDOWS = [
  { label: '15 min', ms: 15 * 60_000 },
  { label: '1 h', ms: 3_600_000 },
  { label: '8 h', ms: 8 * 3_600_000 },
  { label: '24 h', ms: 86_400_000 },
  { label: '7 days', ms: 7 * 86_400_000 },
];
const REFRESH_MS = 15_000;

function defaultTag(asset: BoardAsset | undefined): string {
  const preferred = ['Zone4.TemperatureC', 'SpindleVibrationMmS', 'PressureBar', 'SupplyTempC', 'PowerKw'];
  return preferred.find((id) => asset?.tags.some((tag) => tag.id === id)) ?? asset?.tags[0]?.id ?? '';
}

/** Pick a machine, a tag and a window; the chart comes from the historian through /api/plant/history. */
export function TrendPanel({ assets, assetId, initialTag }: { assets: BoardAsset[]; assetId?: string; initialTag?: string }) {
  const plantTime = usePlantTime();
  const [selectedAsset, setSelectedAsset] = useState(assetId ?? assets[0]?.id ?? '');
  const asset = assets.find((candidate) => candidate.id === selectedAsset);
  const [tag, setTag] = useState(initialTag && asset?.tags.some((t) => t.id === initialTag) ? initialTag : defaultTag(asset));
  const [windowMs, setWindowMs] = useState(WINDOWS[1]!.ms);

  // Follow the machine picked on the board.
  useEffect(() => {
    if (!assetId || assetId === selectedAsset) return;
    setSelectedAsset(assetId);
    const next = assets.find((candidate) => candidate.id === assetId);
    setTag((current) => (next?.tags.some((t) => t.id === current) ? current : defaultTag(next)));
  }, [assetId]);

  const { data: history, error } = usePolledJson<TagHistoryOutput>(
    () => {
      if (!selectedAsset || !tag) return undefined;
      const to = new Date();
      const query = new URLSearchParams({
        asset: selectedAsset,
        tag,
        from: new Date(to.getTime() - windowMs).toISOString(),
        to: to.toISOString(),
        resolution: 'auto',
      });
      return `/api/plant/history?${query}`;
    },
    REFRESH_MS,
    [selectedAsset, tag, windowMs],
    'The history could not be loaded.',
  );

  const current = history?.current;
  return (
    <section id="trend" className={styles.panel} aria-label="Trend">
      <header className={styles.panelHead}>
        <h2>Trend</h2>
        <label>
          Machine{' '}
          <select
            value={selectedAsset}
            onChange={(event) => {
              const next = assets.find((candidate) => candidate.id === event.target.value);
              setSelectedAsset(event.target.value);
              setTag((currentTag) => (next?.tags.some((t) => t.id === currentTag) ? currentTag : defaultTag(next)));
            }}
          >
            {assets.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.id} — {candidate.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag{' '}
          <select value={tag} onChange={(event) => setTag(event.target.value)}>
            {asset?.tags.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {candidate.id}
                {candidate.unit ? ` [${candidate.unit}]` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          Window{' '}
          <select value={windowMs} onChange={(event) => setWindowMs(Number(event.target.value))}>
            {WINDOWS.map((option) => (
              <option key={option.ms} value={option.ms}>
                {option.label}
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
      {current && (
        <p className={current.quality === 'good' ? styles.current : styles.qualityStale}>
          Now: <b>{current.value === null ? '—' : typeof current.value === 'number' ? current.value.toFixed(2) : String(current.value)}</b>
          {current.unit && current.unit !== 'count' ? ` ${current.unit}` : ''} · {current.quality}
          {current.sourceTimestamp ? ` · ${plantTime(current.sourceTimestamp, 'seconds')}` : ''}
          {current.quality !== 'good' ? ' — last known value, not current' : ''}
        </p>
      )}
      {history && <TrendChart history={history} />}
      {history && (
        <p className="muted">
          {typeof history.resolution === 'object' ? `Buckets of ${history.resolution.bucketSeconds} s: line = average, band = min–max. ` : 'Raw samples. '}
          {history.note}
        </p>
      )}
    </section>
  );
}
