/** `plantpilot db migrate|status`: the schema's state in the configured database. */
import type { Command } from 'commander';
import { migrate, migrationStatus } from '../../lib/db';
import { withDb } from '../context';

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
}
