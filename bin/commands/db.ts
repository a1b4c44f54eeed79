/** `plantpilot db migrate|status|backup|restore`: the schema's state, and backups of the embedded database. */
import path from 'node:path';
import type { Command } from 'commander';
import { AppError } from '../../lib/errors';
import { migrate, migrationStatus } from '../../lib/db';
import { backupDir, listBackups, writeBackup } from '../../lib/db/backups';
import { readDataDirLock } from '../../lib/db/data-dir-lock';
import { restoreBackup } from '../../lib/db/restore';
import { cliContext, withDb } from '../context';

const POSTGRES_BACKUP_HINT =
  'DATABASE_URL points at PostgreSQL: back it up with PostgreSQL\'s own tools, e.g. `pg_dump -Fc "$DATABASE_URL" > plantpilot.dump` ' +
  '(restore with pg_restore) or base backups with WAL archiving. `plantpilot db backup` covers the embedded database.';

/** Refuses while the app holds the embedded database, saying where its automatic backups are. */
function ensureNotRunning(dataDir: string, everyHours: number, what: string): void {
  const holder = readDataDirLock(dataDir);
  if (!holder) return;
  const newest = listBackups(backupDir(dataDir))[0];
  const automatic =
    everyHours > 0
      ? ` While it runs it writes a backup every ${everyHours} h into ${backupDir(dataDir)}${newest ? ` (newest: ${newest.name})` : ''}.`
      : ' Its automatic backups are off (PLANTPILOT_BACKUP_EVERY_HOURS=0).';
  throw new AppError(
    'data_dir_locked',
    `Process ${holder.pid} (${holder.command}, since ${holder.startedAt}) holds the embedded database in ${dataDir}.${automatic} ${what} needs the database to itself: stop the app, then run this again.`,
  );
}

export function register(program: Command): void {
  const db = program.command('db').description('database schema: apply and inspect migrations');

  db.command('migrate')
    .description('apply pending migrations (also done automatically at start-up)')
    .action(async () => {
      await withDb(
        async (database) => {
          const applied = await migrate(database);
          if (applied.length === 0) console.log(`Database ${database.location} is up to date.`);
          for (const m of applied) console.log(`applied  ${m.file}`);
        },
        { migrate: false },
      );
    });

  db.command('status')
    .description('list applied and pending migrations')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withDb(
        async (database) => {
          const status = await migrationStatus(database);
          if (options.json) {
            console.log(
              JSON.stringify({
                database: database.location,
                applied: status.applied.map((m) => ({ version: m.version, name: m.name, appliedAt: m.appliedAt })),
                pending: status.pending.map((m) => ({ version: m.version, name: m.name })),
                changed: status.changed.map((m) => ({ version: m.version, name: m.name })),
              }),
            );
            return;
          }
          console.log(`Database: ${database.location}`);
          const changed = new Set(status.changed.map((m) => m.version));
          for (const m of status.applied) {
            const name = `${String(m.version).padStart(4, '0')}_${m.name}`;
            console.log(`applied  ${name.padEnd(32)} ${m.appliedAt.toISOString()}${changed.has(m.version) ? '  (file changed since it was applied)' : ''}`);
          }
          for (const m of status.pending) console.log(`pending  ${m.file}`);
          console.log(`${status.applied.length} applied, ${status.pending.length} pending`);
        },
        { migrate: false },
      );
    });

  db.command('backup')
    .description('write a backup of the embedded database (the running app makes one every PLANTPILOT_BACKUP_EVERY_HOURS by itself)')
    .option('--out <file>', 'where to write it (default: <data dir>/backups/plantpilot-db-<UTC time>.tar.gz, keeping PLANTPILOT_BACKUP_KEEP)')
    .action(async (options: { out?: string }) => {
      const { config } = cliContext();
      if (config.databaseUrl) throw new AppError('invalid_argument', POSTGRES_BACKUP_HINT);
      ensureNotRunning(config.dataDir, config.backup.everyHours, 'A backup from the command line');
      await withDb(
        async (database) => {
          if (options.out) {
            const file = path.resolve(options.out);
            const { bytes } = await database.backup!(file);
            console.log(`Backup written: ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
            return;
          }
          const { backup, pruned } = await writeBackup(database, backupDir(config.dataDir), config.backup.keep, new Date());
          console.log(`Backup written: ${backup.file} (${(backup.bytes / 1024 / 1024).toFixed(1)} MB)`);
          for (const old of pruned) console.log(`removed  ${old.name} (keeping ${config.backup.keep})`);
        },
        { migrate: false },
      );
    });

  db.command('backups')
    .description('list the embedded database backups, newest first')
    .option('--json', 'print JSON')
    .action((options: { json?: boolean }) => {
      const { config } = cliContext();
      const backups = listBackups(backupDir(config.dataDir));
      if (options.json) {
        console.log(JSON.stringify(backups.map((b) => ({ file: b.file, takenAt: b.takenAt.toISOString(), bytes: b.bytes }))));
        return;
      }
      if (backups.length === 0) console.log(`No backups in ${backupDir(config.dataDir)}.`);
      for (const b of backups) console.log(`${b.takenAt.toISOString()}  ${(b.bytes / 1024 / 1024).toFixed(1).padStart(8)} MB  ${b.file}`);
    });

  db.command('restore <file>')
    .description('replace the embedded database with a backup; the current one is moved aside, not deleted (stop the app first)')
    .action(async (file: string) => {
      const { config } = cliContext();
      if (config.databaseUrl) throw new AppError('invalid_argument', POSTGRES_BACKUP_HINT);
      ensureNotRunning(config.dataDir, config.backup.everyHours, 'A restore');
      const result = await restoreBackup(config.dataDir, path.resolve(file));
      console.log(`Restored ${path.basename(file)} into ${result.restored} (${result.migrations} migrations recorded; newer ones apply at the next start).`);
      if (result.previous) console.log(`The database it replaced is kept in ${result.previous}; delete it when you no longer need it.`);
    });
}
