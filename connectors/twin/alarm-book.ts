/**
 * Alarm records and their lifecycle (ISA-18.2 in small): raised → acknowledged and/or cleared, shelved
 * for a while by a person. A record lives on after it clears so its history (occurrences, timestamps)
 * stays readable. Trigger evaluation with hysteresis lives here too, so an alarm does not chatter on a
 * noisy signal sitting at its limit.
 */
import { AppError } from '../../lib/errors';
import type { AlarmDefinition } from './catalogue';
import type { AlarmRecord, AlarmState, AlarmTransition, TagValue, TwinEvent } from './twin-types';

export function alarmId(machineId: string, code: string): string {
  return `${machineId}/${code}`;
}

/** OPC UA severity (1–1000) for a catalogue priority (1 = critical). */
export function severityForPriority(priority: number): number {
  return [900, 700, 500, 300][priority - 1] ?? 100;
}

export interface TriggerReading {
  active: boolean;
  sourceTagId: string | null;
  value: number | null;
}

function numeric(values: Record<string, TagValue>, tagId: string): number | null {
  const value = values[tagId];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Whether a signal trigger is active now, given whether it was active before (for hysteresis). */
export function evaluateTrigger(definition: AlarmDefinition, values: Record<string, TagValue>, wasActive: boolean): TriggerReading {
  const trigger = definition.trigger;
  switch (trigger.kind) {
    case 'random':
      return { active: wasActive, sourceTagId: null, value: null };
    case 'above':
    case 'below': {
      const band = Math.max(Math.abs(trigger.limit) * 0.02, 0.05);
      const sign = trigger.kind === 'above' ? 1 : -1;
      const threshold = wasActive ? trigger.limit - sign * band : trigger.limit;
      let worst: TriggerReading = { active: false, sourceTagId: null, value: null };
      for (const tagId of trigger.tagIds) {
        const value = numeric(values, tagId);
        if (value === null) continue;
        if (sign * (value - threshold) > 0 && (worst.value === null || sign * (value - worst.value) > 0)) {
          worst = { active: true, sourceTagId: tagId, value };
        }
      }
      return worst;
    }
    case 'deviation': {
      const value = numeric(values, trigger.tagId);
      const setpointValue = numeric(values, trigger.setpointTagId);
      if (value === null || setpointValue === null) return { active: false, sourceTagId: trigger.tagId, value };
      const sign = Math.sign(trigger.limit);
      const limit = wasActive ? Math.abs(trigger.limit) * 0.8 : Math.abs(trigger.limit);
      return { active: sign * (value - setpointValue) > limit, sourceTagId: trigger.tagId, value };
    }
  }
}

function stateOf(record: Pick<AlarmRecord, 'active' | 'acknowledged' | 'shelved'>): AlarmState {
  if (record.shelved) return 'shelved';
  if (!record.active) return 'cleared';
  return record.acknowledged ? 'acknowledged' : 'active';
}

export class AlarmBook {
  private readonly records = new Map<string, AlarmRecord>();
  private readonly shelvedUntilMs = new Map<string, number>();

  constructor(private readonly emit: (event: TwinEvent) => void) {}

  get(id: string): AlarmRecord | undefined {
    return this.records.get(id);
  }

  isActive(id: string): boolean {
    return this.records.get(id)?.active ?? false;
  }

  all(): AlarmRecord[] {
    return [...this.records.values()].map((record) => ({ ...record }));
  }

  /** Active, not shelved, highest priority first, then oldest first. */
  activeFor(machineId: string): AlarmRecord[] {
    return [...this.records.values()]
      .filter((record) => record.machineId === machineId && record.active && !record.shelved)
      .sort((a, b) => a.priority - b.priority || (a.activeSince ?? '').localeCompare(b.activeSince ?? '') || a.code.localeCompare(b.code));
  }

  raise(machineId: string, definition: AlarmDefinition, detail: string, sourceTagId: string | null, now: string): AlarmRecord {
    const id = alarmId(machineId, definition.code);
    const existing = this.records.get(id);
    const record: AlarmRecord = {
      id,
      machineId,
      code: definition.code,
      text: definition.text,
      message: detail ? `${definition.text} (${detail})` : definition.text,
      priority: definition.priority,
      stopsMachine: definition.stopsMachine,
      materialShortage: definition.materialShortage,
      state: 'active',
      active: true,
      acknowledged: false,
      shelved: existing?.shelved ?? false,
      sourceTagId,
      activeSince: now,
      clearedAt: null,
      acknowledgedAt: null,
      shelvedUntil: existing?.shelvedUntil ?? null,
      lastChangeAt: now,
      occurrences: (existing?.occurrences ?? 0) + 1,
    };
    record.state = stateOf(record);
    this.records.set(id, record);
    this.notify('raised', record, now);
    return record;
  }

  clear(id: string, now: string): void {
    const record = this.records.get(id);
    if (!record || !record.active) return;
    record.active = false;
    record.clearedAt = now;
    this.update(record, 'cleared', now);
  }

  acknowledge(id: string, now: string): AlarmRecord {
    const record = this.require(id);
    if (record.acknowledged) return { ...record };
    record.acknowledged = true;
    record.acknowledgedAt = now;
    this.update(record, 'acknowledged', now);
    return { ...record };
  }

  shelve(id: string, untilMs: number, now: string): AlarmRecord {
    const record = this.require(id);
    record.shelved = true;
    record.shelvedUntil = new Date(untilMs).toISOString();
    this.shelvedUntilMs.set(id, untilMs);
    this.update(record, 'shelved', now);
    return { ...record };
  }

  unshelve(id: string, now: string): AlarmRecord {
    const record = this.require(id);
    if (!record.shelved) return { ...record };
    record.shelved = false;
    record.shelvedUntil = null;
    this.shelvedUntilMs.delete(id);
    this.update(record, 'unshelved', now);
    return { ...record };
  }

  /** Ends shelving whose time is up. */
  expireShelves(nowMs: number, now: string): void {
    for (const [id, untilMs] of [...this.shelvedUntilMs]) {
      if (untilMs <= nowMs) this.unshelve(id, now);
    }
  }

  private require(id: string): AlarmRecord {
    const record = this.records.get(id);
    if (!record) {
      throw new AppError('not_found', `No alarm ${id} has been raised in the twin. Use an id like L1-RFL/E-214 from the active alarm list.`);
    }
    return record;
  }

  private update(record: AlarmRecord, transition: AlarmTransition, now: string): void {
    record.lastChangeAt = now;
    record.state = stateOf(record);
    this.notify(transition, record, now);
  }

  private notify(transition: AlarmTransition, record: AlarmRecord, now: string): void {
    this.emit({ kind: 'alarm', time: now, transition, alarm: { ...record } });
  }
}
