'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { formatPlantTime, type PlantTimeStyle } from '../lib/plant-time';

/** The plant's time zone, given once by the root layout from the server's configuration. */
const PlantTimeZone = createContext('UTC');

export function PlantTimeZoneProvider({ timeZone, children }: { timeZone: string; children: ReactNode }) {
  return <PlantTimeZone.Provider value={timeZone}>{children}</PlantTimeZone.Provider>;
}

export function usePlantTimeZone(): string {
  return useContext(PlantTimeZone);
}

/** A formatter bound to the plant's time zone, for text built in client components. */
export function usePlantTime(): (at: Date | string | number, style?: PlantTimeStyle) => string {
  const timeZone = useContext(PlantTimeZone);
  return (at, style) => formatPlantTime(at, timeZone, style);
}

/** An instant in plant time; the exact instant and the zone are in its tooltip. */
export function PlantTime({ at, style = 'datetime' }: { at: Date | string | number; style?: PlantTimeStyle }) {
  const timeZone = useContext(PlantTimeZone);
  const date = at instanceof Date ? at : new Date(at);
  const iso = Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  return (
    <time dateTime={iso} title={iso && `${iso} · shown in plant time (${timeZone})`}>
      {formatPlantTime(date, timeZone, style)}
    </time>
  );
}
