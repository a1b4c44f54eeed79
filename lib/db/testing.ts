/**
 * Databases for tests: embedded PGlite always, and a real PostgreSQL whenever TEST_DATABASE_URL
 * is set. Each test database is fresh and is dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Db, DbKind } from './db';
import { openEmbeddedDb } from './pglite';
import { openPostgresDb } from './postgres';

export type TestDatabase = { kind: DbKind; open(): Promise<Db> };

// Tests are the one place besides lib/config.ts that read the environment: it selects which
// external servers the suite may use, not how the product behaves.
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** A fresh, empty database on the server at `adminUrl`: its URL, and `drop()` to remove it (even with clients still on it). */
export async function createFreshDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `plantpilot_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** A fresh database on the server at `adminUrl`, dropped again by `close()` (tests and benchmarks). */
export async function openFreshPostgres(adminUrl: string): Promise<Db> {
  const fresh = await createFreshDatabase(adminUrl);
  const db = await openPostgresDb({ url: fresh.url });
  return {
    ...db,
    query: db.query,
    transaction: db.transaction,
    async close() {
      await db.close();
      await fresh.drop();
    },
  };
}

export function testDatabases(): TestDatabase[] {
  const list: TestDatabase[] = [{ kind: 'pglite', open: () => openEmbeddedDb({}) }];
  if (TEST_DATABASE_URL) list.push({ kind: 'postgres', open: () => openFreshPostgres(TEST_DATABASE_URL) });
  return list;
}
