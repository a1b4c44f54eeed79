import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/db';
import { testDatabases } from '../../lib/db/testing';
import { startConnectorLease } from './lease';
import { eventually } from '../../test/eventually';

describe.each(testDatabases())('plant-connector lease on $kind', ({ kind, open }) => {
  let db: Db;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it.runIf(kind === 'pglite')('is simply held on the embedded database', async () => {
    const lease = await startConnectorLease(db);
    expect(lease.held).toBe(true);
    await lease.close();
    expect(lease.held).toBe(false);
  });

  it.runIf(kind === 'postgres')('is held by exactly one instance, and another takes over when the holder dies or leaves', async () => {
    // The first instance's connection is killed below while its process lives on; a slower retry keeps
    // it from simply winning the lock back before the second one tries, as a dead process could not.
    const first = await startConnectorLease(db, { retryMs: 3000 });
    const second = await startConnectorLease(db, { retryMs: 200 });
    const changes: boolean[] = [];
    second.onChange((held) => changes.push(held));
    try {
      expect(first.held).toBe(true);
      expect(second.held).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect([first.held, second.held]).toEqual([true, false]);

      // The holder's connection dies, as it does when its process is killed.
      const { rows } = await db.query<{ pid: number }>("SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted");
      expect(rows).toHaveLength(1);
      await db.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
      await eventually(() => second.held, 15_000, 'the second instance to take over');
      await eventually(() => !first.held, 5000, 'the first instance to notice it lost the lease');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect([first.held, second.held]).toEqual([false, true]);
      expect(changes).toEqual([true]);

      // A clean shutdown hands over too.
      await second.close();
      await eventually(() => first.held, 15_000, 'the first instance to take the lease back');
    } finally {
      await first.close();
      await second.close();
    }
  });
});
