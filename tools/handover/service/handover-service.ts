/**
 * The handover service: generates reports on demand and automatically at each shift end, stores them,
 * records acknowledgements by the incoming shift lead and operators' notes. Routes, pages, the tool and
 * the CLI reach it as `getRuntime().services.handovers`.
 *
 * Several instances may share one PostgreSQL: the shift-end check runs under a try-lock, so one
 * instance generates while the others skip, and the insert is unique per shift window besides.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DEFAULT_SITE_KEY } from '@/connectors/historian/historian-types';
import { appendAuditIn, type AuditActor } from '@/lib/audit/audit-log';
import type { Db } from '@/lib/db/db';
import { AppError } from '@/lib/errors';
import type { Logger } from '@/lib/log';
import { gatherShiftFacts, type HandoverSources } from './gather';
import {
  acknowledgeHandover,
  hasAutomaticHandover,
  insertHandover,
  selectHandover,
  selectHandovers,
  type HandoverListItem,
  type HandoverTrigger,
  type StoredHandover,
} from './handover-store';
import { insertNote, NewNote, selectNote, selectNotes } from './notes-store';
import { assertEveryStatementCited, buildReport } from '../engine/report';
import type { HandoverNote, HandoverReport, Summary } from '../engine/report-types';
import type { ReportWindow } from '../../kpis/engine/production-facts';
import { DEFAULT_SHIFT_CALENDAR, lastCompletedShift, shiftAt, type ShiftCalendar, type ShiftWindow } from '@/lib/shift-calendar';
import { summarizeReport, type Summarize } from '../engine/summary';
import { withSiteHrefs } from '../engine/site-hrefs';

/** Arbitrary constant: the advisory-lock key under which one instance generates shift-end reports. */
const GENERATION_LOCK_KEY = 0x68616e64;
/** Longest window a report may cover; a week of events is already more than a handover. */
export const MAX_WINDOW_MS = 7 * 24 * 3_600_000;

export type WindowRequest = { from?: string | Date; to?: string | Date; shift?: 'current' | 'previous' };

export type HandoverServiceOptions = {
  db: Db;
  log: Logger;
  sources?: Omit<HandoverSources, 'db'>;
  clock?: () => Date;
  calendar?: ShiftCalendar;
  /** A model's summarize function; without one the summary is deterministic. */
  summarize?: Summarize;
  /** Generate a report at each shift end (default true). */
  automatic?: boolean;
  checkIntervalMs?: number;
  /** Wait this long after a shift ends before its report, so the historian's last batch has landed. */
  settleMs?: number;
  /** The site this service writes handovers for (several sites: one service each); default: the only site. */
  site?: { id: string; key: string; isDefault: boolean };
};

export type GeneratedHandover = { report: HandoverReport; summary: Summary };

export interface HandoverService {
  readonly calendar: ShiftCalendar;
  /** The site it writes handovers for, when the deployment has several. */
  readonly site?: { id: string; key: string; isDefault: boolean };
  /** The window a request means: explicit from/to, the current shift so far, or (default) the last completed shift. */
  resolveWindow(request?: WindowRequest): ReportWindow;
  /** Builds a report without storing it (the tool, the CLI). */
  build(request?: WindowRequest, signal?: AbortSignal): Promise<GeneratedHandover>;
  /** Builds and stores a report on demand (the Handovers page). */
  generate(request: WindowRequest, by: AuditActor): Promise<StoredHandover>;
  /** Generates the last completed shift's report if no instance has yet; returns it when this call made it. */
  checkShiftEnd(): Promise<StoredHandover | undefined>;
  get(id: string): Promise<StoredHandover>;
  list(options?: { limit?: number; beforeTo?: Date }): Promise<HandoverListItem[]>;
  acknowledge(id: string, by: AuditActor): Promise<StoredHandover>;
  addNote(input: unknown, by: AuditActor): Promise<HandoverNote>;
  notes(from: Date, to: Date): Promise<HandoverNote[]>;
  note(id: string): Promise<HandoverNote>;
  stop(): Promise<void>;
}

function asDate(value: string | Date, name: string): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new AppError('invalid_argument', `\`${name}\` is not a date: ${String(value)}. Use ISO 8601, e.g. 2025-01-15T06:00:00+01:00.`);
  return date;
}

function windowFor(calendar: ShiftCalendar, from: Date, to: Date, shift?: ShiftWindow): ReportWindow {
  const matches = shift && shift.from.getTime() === from.getTime() && shift.to.getTime() === to.getTime();
  const label = shift ? `${shift.label}, ${shift.startDate}${matches ? '' : ' (so far)'}` : 'Custom window';
  return { from: from.toISOString(), to: to.toISOString(), shift: shift ? shift.name : 'custom', shiftLabel: label, timeZone: calendar.timeZone };
}

export function startHandoverService(options: HandoverServiceOptions): HandoverService {
  const { db, log } = options;
  const clock = options.clock ?? (() => new Date());
  const calendar = options.calendar ?? DEFAULT_SHIFT_CALENDAR;
  const site = options.site;
  const siteKey = site?.key ?? DEFAULT_SITE_KEY;
  const sources: HandoverSources = { calendar, ...options.sources, ...(site ? { site } : {}), db };
  // One generation lock per site, so each site's shift-end report is written once across instances.
  const lockKey = siteKey === DEFAULT_SITE_KEY ? GENERATION_LOCK_KEY : GENERATION_LOCK_KEY + createHash('sha256').update(siteKey).digest().readUInt16BE(0) + 1;
  const settleMs = options.settleMs ?? 60_000;
  let stopped = false;
  let checking: Promise<unknown> = Promise.resolve();

  function resolveWindow(request: WindowRequest = {}): ReportWindow {
    const now = clock();
    if (request.from || request.to) {
      if (request.shift) throw new AppError('invalid_argument', 'Give either from/to or shift, not both.');
      const to = request.to ? asDate(request.to, 'to') : now;
      const from = request.from ? asDate(request.from, 'from') : shiftAt(calendar, new Date(to.getTime() - 1)).from;
      if (from >= to) throw new AppError('invalid_argument', `The window is empty: from ${from.toISOString()} is not before to ${to.toISOString()}.`);
      if (to.getTime() - from.getTime() > MAX_WINDOW_MS) throw new AppError('invalid_argument', 'A handover covers at most 7 days; choose a shorter window.');
      const shift = shiftAt(calendar, from);
      return windowFor(calendar, from, to, shift.from.getTime() === from.getTime() && shift.to.getTime() >= to.getTime() ? shift : undefined);
    }
    if (request.shift === 'current') {
      const shift = shiftAt(calendar, now);
      return windowFor(calendar, shift.from, now, shift);
    }
    const shift = lastCompletedShift(calendar, now);
    return windowFor(calendar, shift.from, shift.to, shift);
  }

  async function buildFor(window: ReportWindow, signal?: AbortSignal): Promise<GeneratedHandover> {
    const facts = await gatherShiftFacts(sources, window);
    const report = buildReport(facts, clock());
    const summary = await summarizeReport(report, options.summarize, signal);
    if (summary.fallbackReason) log.info({ reason: summary.fallbackReason }, 'Handover summary: used the deterministic summary instead of the model narrative');
    assertEveryStatementCited(report, summary.statements);
    // Another site's report links its evidence with `site=`, so the pages read that site's history.
    if (site && !site.isDefault) return { report: withSiteHrefs(report, site.id), summary: withSiteHrefs(summary, site.id) };
    return { report, summary };
  }

  async function store(generated: GeneratedHandover, trigger: HandoverTrigger, by: string): Promise<StoredHandover | undefined> {
    return insertHandover(
      db,
      {
        id: randomUUID(),
        shift: generated.report.window.shift,
        from: generated.report.window.from,
        to: generated.report.window.to,
        trigger,
        generatedAt: generated.report.generatedAt,
        generatedBy: by,
        ...generated,
      },
      siteKey,
    );
  }

  /** Runs `fn` only if this instance gets the generation lock; the embedded database has one instance anyway. */
  async function withGenerationLock<T>(fn: () => Promise<T>): Promise<T | undefined> {
    if (db.kind === 'pglite') return fn();
    const client = await db.pool.connect();
    try {
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [lockKey]);
      if (!rows[0]?.locked) return undefined;
      try {
        return await fn();
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [lockKey]);
      }
    } finally {
      client.release();
    }
  }

  async function checkShiftEnd(): Promise<StoredHandover | undefined> {
    const shift = lastCompletedShift(calendar, new Date(clock().getTime() - settleMs));
    if (await hasAutomaticHandover(db, shift.from, shift.to, siteKey)) return undefined;
    return withGenerationLock(async () => {
      if (await hasAutomaticHandover(db, shift.from, shift.to, siteKey)) return undefined;
      const generated = await buildFor(windowFor(calendar, shift.from, shift.to, shift));
      const stored = await store(generated, 'automatic', 'Plantpilot (shift end)');
      if (stored) log.info({ handoverId: stored.id, shift: shift.name, from: stored.from, to: stored.to }, 'Shift handover generated');
      return stored;
    });
  }

  const runCheck = () => {
    if (stopped) return;
    checking = checking
      .then(checkShiftEnd)
      .catch((error: unknown) => log.warn({ err: error }, 'Shift handover generation failed; will retry at the next check'));
  };
  const timers: NodeJS.Timeout[] = [];
  if (options.automatic ?? true) {
    const checkIntervalMs = options.checkIntervalMs ?? 60_000;
    const interval = setInterval(runCheck, checkIntervalMs);
    interval.unref();
    timers.push(interval);
    // Catch up soon after start: a shift may have ended while no instance was running.
    const first = setTimeout(runCheck, Math.min(1000, checkIntervalMs));
    first.unref();
    timers.push(first);
  }

  return {
    calendar,
    ...(site ? { site } : {}),
    resolveWindow,
    build: (request, signal) => buildFor(resolveWindow(request), signal),
    async generate(request, by) {
      const generated = await buildFor(resolveWindow(request));
      const stored = await store(generated, 'on_demand', by.name);
      if (!stored) throw new AppError('internal', 'The handover was generated but could not be stored.');
      return stored;
    },
    checkShiftEnd,
    async get(id) {
      const handover = await selectHandover(db, id);
      if (!handover) throw new AppError('not_found', `There is no handover ${id}. See /handovers for the list.`);
      return handover;
    },
    list: (listOptions) => selectHandovers(db, listOptions, siteKey),
    async acknowledge(id, by) {
      const existing = await this.get(id);
      if (existing.acknowledgedAt) {
        throw new AppError(
          'conflict',
          `This handover was already acknowledged by ${existing.acknowledgedBy?.name ?? 'someone'} at ${existing.acknowledgedAt}.`,
        );
      }
      const acknowledged = await db.transaction(async (tx) => {
        const row = await acknowledgeHandover(tx, id, { id: by.id, name: by.name }, clock());
        if (!row) return undefined;
        await appendAuditIn(
          tx,
          { actor: by, action: 'handover.acknowledged', subject: { kind: 'handover', id }, detail: { shift: row.shift, from: row.from, to: row.to } },
          clock(),
        );
        return row;
      });
      if (!acknowledged) throw new AppError('conflict', 'Someone acknowledged this handover at the same moment; reload to see who.');
      return acknowledged;
    },
    async addNote(input, by) {
      const parsed = NewNote.safeParse(input);
      if (!parsed.success) {
        throw new AppError(
          'invalid_argument',
          `Invalid note — ${parsed.error.issues.map((issue) => `${issue.path.join('.') || 'note'}: ${issue.message}`).join('; ')}.`,
        );
      }
      const note = await db.transaction(async (tx) => {
        const row = await insertNote(tx, parsed.data, { id: by.id, name: by.name }, clock(), siteKey);
        await appendAuditIn(
          tx,
          {
            actor: by,
            action: 'handover.note_added',
            subject: { kind: 'handover_note', id: row.id },
            detail: { category: row.category, assetId: row.assetId },
          },
          clock(),
        );
        return row;
      });
      const { authorId: _authorId, ...rest } = note;
      return rest;
    },
    async notes(from, to) {
      return (await selectNotes(db, from, to, undefined, siteKey)).map(({ authorId: _authorId, ...note }) => note);
    },
    async note(id) {
      const note = await selectNote(db, id);
      if (!note) throw new AppError('not_found', `There is no note ${id}.`);
      const { authorId: _authorId, ...rest } = note;
      return rest;
    },
    async stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      await checking;
    },
  };
}
