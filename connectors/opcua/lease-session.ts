/**
 * The database session a plant-connector lease holds its advisory lock on. A session-level advisory
 * lock lives as long as its connection, so a lease needs a connection of its own — but one pool
 * connection per source starves the pool: a plant with as many sources as the pool has connections
 * left nothing for the historian or the gate, and every query waited forever. The leases of one plant
 * (one call of startPlantSources: distinct keys) therefore share one session; when its connection
 * dies, every lock on it is gone, and each lease hears so through `onDeath` or its own probe.
 * A lease started without a shared provider gets a session of its own, as before.
 */
import type pg from 'pg';
import type { Db } from '../../lib/db/db';

export interface LeaseSession {
  /** Runs one statement on the session; statements of all its leases run one after another. */
  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>>;
  /** Set once the connection failed or was given back; a dead session's locks are gone. */
  readonly dead: boolean;
  /** Called once, when the session dies with an error. */
  onDeath(listener: (error: Error) => void): () => void;
  /** Marks the session dead (a probe timed out) and destroys its connection. */
  kill(error: Error): void;
  /** One user fewer; the connection goes back to the pool when none is left. */
  release(): void;
}

export interface LeaseSessionProvider {
  /** A live session with one more user; throws when the database cannot be reached. */
  acquire(): Promise<LeaseSession>;
}

class Session implements LeaseSession {
  dead = false;
  users = 0;
  readonly #listeners = new Set<(error: Error) => void>();
  // pg runs one statement at a time per connection and deprecates queueing them: chain them here.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(readonly client: pg.PoolClient) {
    client.on('error', (error) => this.kill(error));
  }

  query<Row extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<Row>> {
    const run = this.#queue.then(() => this.client.query<Row>(text, values));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  onDeath(listener: (error: Error) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  kill(error: Error): void {
    if (this.dead) return;
    this.dead = true;
    this.client.release(error);
    for (const listener of this.#listeners) listener(error);
    this.#listeners.clear();
  }

  release(): void {
    this.users -= 1;
    if (this.users > 0 || this.dead) return;
    this.dead = true;
    this.#listeners.clear();
    this.client.release();
  }
}

/** One session shared by every lease that acquires from this provider, reconnected after it dies. */
export function sharedLeaseSessions(db: Db): LeaseSessionProvider {
  let current: Promise<Session> | undefined;
  return {
    async acquire() {
      const existing = current ? await current.catch(() => undefined) : undefined;
      if (existing && !existing.dead) {
        existing.users += 1;
        return existing;
      }
      const pending = db.pool.connect().then((client) => new Session(client));
      current = pending;
      try {
        const session = await pending;
        session.users += 1;
        return session;
      } catch (error) {
        if (current === pending) current = undefined;
        throw error;
      }
    },
  };
}

/** A session per lease: what a lease started on its own uses. */
export function ownLeaseSession(db: Db): LeaseSessionProvider {
  return {
    async acquire() {
      const session = new Session(await db.pool.connect());
      session.users = 1;
      return session;
    },
  };
}
