export type { Db, DbKind, Queryable } from './db';
export { openDb } from './open';
export { openEmbeddedDb } from './pglite';
export { openPostgresDb } from './postgres';
export { migrate, migrationStatus, loadMigrations, type Migration, type MigrationStatus } from './migrate';
