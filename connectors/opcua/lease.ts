/**
 * The plant-connector lease. Several app instances may share one PostgreSQL; exactly one of them may
 * write history (and, later, run plant-side jobs). The holder keeps a session-level advisory lock on
 * a connection of its own. When its process dies the server closes that connection and frees the
 * lock, and a waiting instance — retrying every `retryMs` — takes over well inside 15 s. The embedded
 * database belongs to one process, so there the lease is simply held.
 */
import type { Db } from '../../lib/db/db';
import { silentLogger, type Logger } from '../../lib/log';
import { ownLeaseSession, type LeaseSession, type LeaseSessionProvider } from './lease-session';

/** Arbitrary constant ('plntcn' in ASCII) that names the lease among advisory locks. */
export const CONNECTOR_LEASE_KEY = 0x706c6e74636e;

export type ConnectorLeaseOptions = {
  key?: number;
  retryMs?: number;
  log?: Logger;
  /** Where the lock's session comes from; leases of one plant share one (lease-session.ts). Default: a session of its own. */
  sessions?: LeaseSessionProvider;
};

export interface ConnectorLease {
  readonly held: boolean;
  /**
   * True when the last look at the database found another instance holding the lease. False while
   * held, and also after losing it to an outage until the database answers again: then nobody is
   * known to hold it, and the recorder keeps buffering history rather than dropping it.
   */
  readonly standby: boolean;
  /** Called with true when this instance becomes the holder and false when it stops being one. */
  onChange(listener: (held: boolean) => void): () => void;
  /** Releases the lock if held and stops retrying. */
  close(): Promise<void>;
}

/**
 * Whether this instance should record plant history now: while it holds the lease, and while
 * nobody is known to hold it (its lease connection was lost to a database outage) — buffered rows
 * are written idempotently later, so two recorders never make a duplicate, but none make a hole.
 */
export function shouldRecord(lease: Pick<ConnectorLease, 'held'> & Partial<Pick<ConnectorLease, 'standby'>>): boolean {
  return lease.held || lease.standby === false;
}

export async function startConnectorLease(db: Db, options: ConnectorLeaseOptions = {}): Promise<ConnectorLease> {
  const listeners = new Set<(held: boolean) => void>();
  const onChange = (listener: (held: boolean) => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  if (db.kind === 'pglite') {
    let held = true;
    return {
      get held() {
        return held;
      },
      standby: false,
      onChange,
      async close() {
        held = false;
      },
    };
  }

  const key = options.key ?? CONNECTOR_LEASE_KEY;
  const retryMs = options.retryMs ?? 3000;
  const log = options.log ?? silentLogger;
  const sessions = options.sessions ?? ownLeaseSession(db);
  let holder: LeaseSession | undefined;
  let stopWatching: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let tick: Promise<void> = Promise.resolve();
  let standby = false;
  // A hung server (paused, partitioned) must not stall the lease forever: the probe gives up.
  const probeTimeoutMs = Math.max(retryMs, 5000);

  const setHolder = (session: LeaseSession | undefined) => {
    const was = holder !== undefined;
    stopWatching?.();
    stopWatching = undefined;
    holder = session;
    // The session's connection dying takes this lock with it.
    if (session) stopWatching = session.onDeath(() => lose(session));
    if (was === (session !== undefined)) return;
    log.info(session ? 'This instance now holds the plant-connector lease' : 'This instance no longer holds the plant-connector lease');
    for (const listener of listeners) listener(session !== undefined);
  };

  const lose = (session: LeaseSession, error?: unknown) => {
    if (holder !== session) return;
    setHolder(undefined);
    if (error !== undefined) session.kill(error instanceof Error ? error : new Error(String(error)));
    else session.release();
  };

  const attempt = async () => {
    if (closed) return;
    if (holder) {
      // Prove the holding connection is still alive; a dead one has already lost the lock.
      const session = holder;
      if (session.dead) return lose(session);
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer the lease probe within ${probeTimeoutMs} ms`)), probeTimeoutMs);
      });
      await Promise.race([session.query('SELECT 1'), timeout])
        .catch((error: unknown) => lose(session, error))
        .finally(() => clearTimeout(timer));
      return;
    }
    let session: LeaseSession;
    try {
      session = await sessions.acquire();
    } catch (error) {
      log.warn({ err: error }, 'Cannot reach the database to try the plant-connector lease; retrying');
      return;
    }
    try {
      const { rows } = await session.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [key]);
      standby = !rows[0]?.locked;
      if (rows[0]?.locked && !closed && !session.dead) {
        setHolder(session);
        return;
      }
      if (rows[0]?.locked) await session.query('SELECT pg_advisory_unlock($1)', [key]);
      session.release();
    } catch (error) {
      session.kill(error instanceof Error ? error : new Error(String(error)));
    }
  };

  const schedule = () => {
    if (closed) return;
    timer = setTimeout(() => {
      tick = attempt().finally(schedule);
    }, retryMs);
  };

  tick = attempt();
  await tick;
  schedule();

  return {
    get held() {
      return holder !== undefined;
    },
    get standby() {
      return standby;
    },
    onChange,
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      await tick.catch(() => undefined);
      const session = holder;
      if (!session) return;
      setHolder(undefined);
      try {
        await session.query('SELECT pg_advisory_unlock($1)', [key]);
        session.release();
      } catch (error) {
        session.kill(error instanceof Error ? error : new Error(String(error)));
      }
    },
  };
}
