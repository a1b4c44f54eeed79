/**
 * Health of each part the copilot depends on, as `ok` / `degraded` / `down` with a reason a
 * person can act on. Each check has a deadline so one hung dependency cannot hang the page.
 *
 * Liveness and readiness are separate: the process answering at all is liveness; readiness is the
 * parts' health, which a monitor checks in the background and serves from its cache, so a busy
 * instance (twenty chats holding the database and the event loop) answers at once with the last
 * known state instead of timing out and being pulled by a load balancer.
 */
import type { BackupStatus } from './db/backup-service';
import type { Db } from './db/db';

export const HEALTH_PARTS = ['db', 'plant', 'material', 'model', 'embeddings'] as const;
export type HealthPart = (typeof HEALTH_PARTS)[number];
export type PartStatus = 'ok' | 'degraded' | 'down';
export type PartHealth = { status: PartStatus; reason: string };
export type HealthCheck = () => Promise<PartHealth>;
export type HealthReport = { status: PartStatus; checkedAt: string; parts: Record<HealthPart, PartHealth> };

const CHECK_DEADLINE_MS = 3000;

function withDeadline(check: HealthCheck, part: HealthPart): Promise<PartHealth> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ status: 'down', reason: `The ${part} check did not answer within ${CHECK_DEADLINE_MS} ms.` }), CHECK_DEADLINE_MS);
    check().then(
      (result) => {
        clearTimeout(timer);
        resolve(result);
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ status: 'down', reason: error instanceof Error ? error.message : String(error) });
      },
    );
  });
}

function overall(parts: Record<HealthPart, PartHealth>): PartStatus {
  const statuses = Object.values(parts).map((p) => p.status);
  return statuses.every((s) => s === 'ok') ? 'ok' : parts.db.status === 'down' ? 'down' : 'degraded';
}

export async function checkHealth(checks: Partial<Record<HealthPart, HealthCheck>>, now: () => Date = () => new Date()): Promise<HealthReport> {
  const entries = await Promise.all(
    HEALTH_PARTS.map(async (part) => {
      const check = checks[part];
      const result: PartHealth = check ? await withDeadline(check, part) : { status: 'down', reason: `No ${part} part is installed in this build.` };
      return [part, result] as const;
    }),
  );
  const parts = Object.fromEntries(entries) as Record<HealthPart, PartHealth>;
  return { status: overall(parts), checkedAt: now().toISOString(), parts };
}

export type HealthMonitorOptions = {
  /** How often each part is checked again once its last check has answered. */
  intervalMs?: number;
  /**
   * A check that has not answered for this long counts as down. Shorter checks that are merely slow
   * (a busy instance) keep the last answer, so load alone never makes a healthy part look down;
   * a check that fails is down at once.
   */
  hungAfterMs?: number;
  now?: () => Date;
};

export interface HealthMonitor {
  /** The parts as last checked, at once, without touching any of them. */
  report(): HealthReport;
  /** Checks every part now (a request saw the database fail, say) and resolves with the new report. */
  refresh(): Promise<HealthReport>;
  /** True while the last database check said down. */
  dbDown(): boolean;
  stop(): void;
}

/** Readiness from a cache that background checks keep fresh; see the module comment. */
export function startHealthMonitor(checks: Partial<Record<HealthPart, HealthCheck>>, options: HealthMonitorOptions = {}): HealthMonitor {
  const intervalMs = options.intervalMs ?? 1000;
  const hungAfterMs = options.hungAfterMs ?? 10_000;
  const now = options.now ?? (() => new Date());
  let stopped = false;
  const parts = {} as Record<HealthPart, PartHealth>;
  const inFlight = new Map<HealthPart, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let checkedAt = now();

  const later = (fn: () => void, ms: number): NodeJS.Timeout => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timer.unref();
    timers.add(timer);
    return timer;
  };

  const runPart = (part: HealthPart): Promise<void> => {
    const running = inFlight.get(part);
    if (running) return running;
    const check = checks[part];
    if (!check) {
      parts[part] = { status: 'down', reason: `No ${part} part is installed in this build.` };
      return Promise.resolve();
    }
    const hung = later(() => {
      if (!stopped) parts[part] = { status: 'down', reason: `The ${part} check has not answered for ${Math.round(hungAfterMs / 1000)} s.` };
    }, hungAfterMs);
    const started = check()
      .then(
        (result) => result,
        (error: unknown): PartHealth => ({ status: 'down', reason: error instanceof Error ? error.message : String(error) }),
      )
      .then((result) => {
        clearTimeout(hung);
        timers.delete(hung);
        inFlight.delete(part);
        if (stopped) return;
        parts[part] = result;
        checkedAt = now();
        later(() => void runPart(part), intervalMs);
      });
    inFlight.set(part, started);
    return started;
  };

  for (const part of HEALTH_PARTS) parts[part] = { status: 'degraded', reason: `The ${part} check has not answered yet (starting).` };
  for (const part of HEALTH_PARTS) void runPart(part);

  const report = (): HealthReport => ({ status: overall(parts), checkedAt: checkedAt.toISOString(), parts: { ...parts } });
  return {
    report,
    async refresh() {
      await Promise.all(HEALTH_PARTS.map((part) => runPart(part)));
      return report();
    },
    dbDown: () => parts.db.status === 'down',
    stop() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

function ageText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes < 120 ? `${minutes} min ago` : `${Math.round(minutes / 60)} h ago`;
}

/** The embedded database's backups, for the health reason: a failed last backup degrades it. */
function backupHealth(status: BackupStatus, now: Date): { degraded: boolean; text: string } {
  const newest = status.newest ? `newest backup ${ageText(now.getTime() - status.newest.takenAt.getTime())}` : 'no backup yet';
  if (status.failure) return { degraded: true, text: `the last backup failed (${status.failure.message}); ${newest}` };
  return { degraded: false, text: `${newest}, one every ${status.everyHours} h in ${status.dir}` };
}

export function dbHealthCheck(db: Db, backups?: () => BackupStatus, now: () => Date = () => new Date()): HealthCheck {
  return async () => {
    const started = performance.now();
    await db.query('SELECT 1');
    const roundTripMs = Math.round(performance.now() - started);
    const what = db.kind === 'pglite' ? `embedded PGlite (${db.location})` : `PostgreSQL ${db.location}`;
    const backup = backups ? backupHealth(backups(), now()) : undefined;
    return {
      status: backup?.degraded ? 'degraded' : 'ok',
      reason: `${what}, query round trip ${roundTripMs} ms${backup ? `; ${backup.text}` : ''}`,
    };
  };
}

/** An absolute file path in a sentence (not the path part of a URL such as opc.tcp://host:4840/x). */
const ABSOLUTE_PATH = /(?<![\w:/.@-])\/(?:[\w.@+-]+\/)*[\w.@+-]+\/?/g;

/**
 * The report as told to someone not signed in: where the server keeps its files is nobody's
 * business before sign-in, so absolute paths become `(a path on the server)`.
 */
export function withoutServerPaths(report: HealthReport): HealthReport {
  const parts = Object.fromEntries(
    Object.entries(report.parts).map(([part, health]) => [part, { ...health, reason: health.reason?.replace(ABSOLUTE_PATH, '(a path on the server)') }]),
  ) as Record<HealthPart, PartHealth>;
  return { ...report, parts };
}
