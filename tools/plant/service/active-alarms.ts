/**
 * Alarms active now, read from a machine's `ActiveAlarms` tag (codes, highest priority first,
 * comma-separated; a JSON array is accepted too), completed from the alarm catalogue: text,
 * priority, likely causes and what the operator should do.
 */
import { z } from 'zod';
import type { AssetInfo, PlantConnection } from '@/connectors/opcua/plant-connection';
import { ALARM_CATALOGUE, alarmsForMachineType, findMachine, type AlarmDefinition } from '@/connectors/twin/catalogue';
import { Quality } from '../engine/plant-values';

export const AlarmPriority = z.number().int().min(1).max(4);

export const CatalogueAdvice = z.object({ causes: z.array(z.string()), operatorAction: z.string(), stopsMachine: z.boolean() });

export const ActiveAlarm = z.object({
  assetId: z.string(),
  line: z.string().nullable(),
  code: z.string(),
  text: z.string(),
  /** 1 = critical … 4 = advisory; null when the code is not in the catalogue. */
  priority: AlarmPriority.nullable(),
  advice: CatalogueAdvice.optional(),
  /** Quality of the ActiveAlarms value this came from. */
  quality: Quality,
  sourceTimestamp: z.string().nullable(),
});
export type ActiveAlarm = z.infer<typeof ActiveAlarm>;

export const AlarmsByPriority = z.object({ p1: z.number().int(), p2: z.number().int(), p3: z.number().int(), p4: z.number().int(), unknown: z.number().int() });
export type AlarmsByPriority = z.infer<typeof AlarmsByPriority>;

export function parseAlarmCodes(value: unknown): string[] {
  if (typeof value !== 'string' || value.trim() === '') return [];
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      const parsed = z.array(z.union([z.string(), z.object({ code: z.string() })])).parse(JSON.parse(text));
      return parsed.map((item) => (typeof item === 'string' ? item : item.code));
    } catch {
      // Not JSON after all: fall through to the comma-separated form.
    }
  }
  return text
    .split(',')
    .map((code) => code.trim())
    .filter(Boolean);
}

/** The catalogue entry for a code on an asset: by the machine's type when known, else by code alone. */
export function alarmDefinition(assetId: string | null | undefined, code: string): AlarmDefinition | undefined {
  const machine = assetId ? findMachine(assetId) : undefined;
  if (machine) return alarmsForMachineType(machine.type).find((definition) => definition.code === code);
  return ALARM_CATALOGUE.find((definition) => definition.code === code);
}

export function adviceOf(definition: AlarmDefinition | undefined): z.infer<typeof CatalogueAdvice> | undefined {
  return definition ? { causes: definition.causes, operatorAction: definition.action, stopsMachine: definition.stopsMachine } : undefined;
}

/** Active alarms of one asset, from its ActiveAlarms tag; empty when it has none. */
export function activeAlarmsOf(plant: PlantConnection, asset: AssetInfo): ActiveAlarm[] {
  if (!asset.tags.some((tag) => tag.id === 'ActiveAlarms')) return [];
  const value = plant.getValue(asset.id, 'ActiveAlarms');
  return parseAlarmCodes(value.value).map((code) => {
    const definition = alarmDefinition(asset.id, code);
    return {
      assetId: asset.id,
      line: asset.line ?? null,
      code,
      text: definition?.text ?? 'Not in the alarm catalogue',
      priority: definition?.priority ?? null,
      advice: adviceOf(definition),
      quality: value.quality,
      sourceTimestamp: value.sourceTimestamp?.toISOString() ?? null,
    };
  });
}

/**
 * How far a list of active alarms can be trusted: from the connection and the quality of the
 * ActiveAlarms values it was read from — never from the list itself, because an empty list from a
 * plant that cannot be reached does not mean "no alarms". `unknown` says so in words when not Good.
 */
export function activeAlarmsQuality(plant: PlantConnection, assets: readonly AssetInfo[]): { entries: { name: string; quality: Quality }[]; unknown?: string } {
  const entries = assets
    .filter((asset) => asset.tags.some((tag) => tag.id === 'ActiveAlarms'))
    .map((asset) => ({ name: `${asset.id} ActiveAlarms`, quality: plant.getValue(asset.id, 'ActiveAlarms').quality }));
  if (plant.state !== 'connected') entries.unshift({ name: `plant connection (${plant.state})`, quality: 'bad' });
  if (entries.every((entry) => entry.quality === 'good')) return { entries };
  const why = plant.state !== 'connected' ? `the plant connection is ${plant.state}` : 'the plant has not confirmed these values recently';
  return {
    entries,
    unknown: `Unknown: ${why}. The list is the last one received, not the alarms active now; do not read it as "no alarms".`,
  };
}

export function countByPriority(alarms: readonly { priority: number | null }[]): AlarmsByPriority {
  const counts: AlarmsByPriority = { p1: 0, p2: 0, p3: 0, p4: 0, unknown: 0 };
  for (const alarm of alarms) {
    if (alarm.priority === 1) counts.p1++;
    else if (alarm.priority === 2) counts.p2++;
    else if (alarm.priority === 3) counts.p3++;
    else if (alarm.priority === 4) counts.p4++;
    else counts.unknown++;
  }
  return counts;
}

/** What the connector shows active now, per asset with a Good ActiveAlarms value (others are unknown). */
export function liveAlarmState(plant: PlantConnection): Map<string, Set<string>> {
  const state = new Map<string, Set<string>>();
  for (const asset of plant.listAssets()) {
    if (!asset.tags.some((tag) => tag.id === 'ActiveAlarms')) continue;
    const value = plant.getValue(asset.id, 'ActiveAlarms');
    if (value.quality === 'good') state.set(asset.id, new Set(parseAlarmCodes(value.value)));
  }
  return state;
}
