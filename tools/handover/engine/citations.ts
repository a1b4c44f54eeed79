/**
 * Where each kind of evidence opens in the UI. The handover pages under /handovers/ show events,
 * tag windows and notes themselves, so a citation works even where the plant board does not.
 */
import type { Source } from '../../sources';
import type { AlarmEpisode, ApprovalAction, AuditAction, DowntimeInterval, HandoverNote, HoldEvent } from './report-types';
import type { ReportWindow } from '../../kpis/engine/production-facts';

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined)).toString();

export function eventHref(eventId: string): string {
  return `/handovers/events/${encodeURIComponent(eventId)}`;
}

export function eventListHref(filter: { from: string; to: string; kind?: string; asset?: string; priority?: string }): string {
  return `/handovers/events?${query(filter)}`;
}

export function tagWindowHref(assetId: string, tagId: string, from: string, to: string): string {
  return `/handovers/tags?${query({ asset: assetId, tag: tagId, from, to })}`;
}

export function noteHref(noteId: string): string {
  return `/handovers/notes/${encodeURIComponent(noteId)}`;
}

export function alarmRaisedSource(alarm: AlarmEpisode): Source {
  return {
    kind: 'alarm',
    id: alarm.raisedEventId,
    title: `${alarm.code} on ${alarm.assetId} raised`,
    href: eventHref(alarm.raisedEventId),
    snippet: alarm.message,
    from: alarm.raisedAt,
  };
}

export function alarmClearedSource(alarm: AlarmEpisode): Source | undefined {
  if (!alarm.clearedEventId || !alarm.clearedAt) return undefined;
  return {
    kind: 'alarm',
    id: alarm.clearedEventId,
    title: `${alarm.code} on ${alarm.assetId} cleared`,
    href: eventHref(alarm.clearedEventId),
    from: alarm.clearedAt,
  };
}

export function stateEventSource(eventId: string, assetId: string, what: string, at: string): Source {
  return { kind: 'event', id: eventId, title: `${assetId} ${what}`, href: eventHref(eventId), from: at };
}

export function downtimeSources(interval: DowntimeInterval): Source[] {
  const sources: Source[] = [];
  if (interval.stopEventId) sources.push(stateEventSource(interval.stopEventId, interval.assetId, `stopped (${interval.stopState})`, interval.from));
  if (interval.restartEventId) sources.push(stateEventSource(interval.restartEventId, interval.assetId, 'back in Execute', interval.to));
  if (interval.cause)
    sources.push({
      kind: 'alarm',
      id: interval.cause.eventId,
      title: `${interval.cause.code} on ${interval.assetId}`,
      href: eventHref(interval.cause.eventId),
      snippet: interval.cause.message,
    });
  // A stop that began before the window has no stop event in it: cite the state tag over the window.
  if (sources.length === 0) sources.push(tagSource(interval.assetId, 'State', interval.from, interval.to));
  return sources;
}

export function tagSource(assetId: string, tagId: string, from: string, to: string, snippet?: string): Source {
  return { kind: 'tag', id: `${assetId}/${tagId}`, title: `${assetId} ${tagId}`, href: tagWindowHref(assetId, tagId, from, to), snippet, from, to };
}

export function approvalSource(action: ApprovalAction): Source {
  return {
    kind: 'approval',
    id: action.id,
    title: `Approval: ${action.summary}`,
    href: `/approvals/${action.id}`,
    snippet: action.readBack ? `Read-back: ${action.readBack.observed}` : undefined,
    from: action.executedAt ?? action.decidedAt ?? action.createdAt,
  };
}

export function auditSource(entry: AuditAction): Source {
  return {
    kind: 'event',
    id: `audit-${entry.seq}`,
    title: `Audit #${entry.seq}: ${entry.action}`,
    href: entry.subjectId ? `/audit?subject=${encodeURIComponent(entry.subjectId)}` : `/audit?action=${encodeURIComponent(entry.action)}`,
    from: entry.at,
  };
}

export function noteSource(note: HandoverNote): Source {
  return {
    kind: 'handover',
    id: `note-${note.id}`,
    title: `Note by ${note.author}`,
    href: noteHref(note.id),
    snippet: note.text.slice(0, 200),
    from: note.time,
  };
}

export function holdEventSource(hold: HoldEvent): Source {
  return {
    kind: 'event',
    id: hold.eventId,
    title: `Quality hold${hold.assetId ? ` on ${hold.assetId}` : ''}`,
    href: eventHref(hold.eventId),
    snippet: hold.message,
  };
}

/** The list of events of a kind in the window: the evidence for "none happened". */
export function windowEventsSource(window: ReportWindow, kind: string, title: string, priority?: string): Source {
  return {
    kind: 'event',
    id: `${kind}:${window.from}/${window.to}`,
    title,
    href: eventListHref({ from: window.from, to: window.to, kind, priority }),
    from: window.from,
    to: window.to,
  };
}

export function notesWindowSource(window: ReportWindow): Source {
  return {
    kind: 'handover',
    id: `notes:${window.from}/${window.to}`,
    title: 'Operator notes in the window',
    href: `/handovers/notes?${query({ from: window.from, to: window.to })}`,
    from: window.from,
    to: window.to,
  };
}

export function approvalsWindowSource(window: ReportWindow): Source {
  return { kind: 'approval', id: `approvals:${window.from}/${window.to}`, title: 'Approval requests', href: '/approvals', from: window.from, to: window.to };
}
