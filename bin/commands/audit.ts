/** `plantpilot audit verify|list`: check the hash chain and read the log. */
import type { Command } from 'commander';
import { listAudit, verifyAuditChain } from '../../lib/audit/audit-log';
import { AppError } from '../../lib/errors';
import { withDb } from '../context';

export function register(program: Command): void {
  const audit = program.command('audit').description('the hash-chained audit log');

  audit
    .command('verify')
    .description('recompute every row hash and report every altered or missing row (exit 1 if any)')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      await withDb(async (db) => {
        const result = await verifyAuditChain(db);
        if (options.json) console.log(JSON.stringify(result));
        else if (result.ok) console.log(`Audit chain intact: ${result.rows} rows verified.`);
        if (!options.json && result.repairedSeqs)
          console.log(`Rows ${result.repairedSeqs.join(', ')} verified with the role recorded by migration 0014 (see audit_repairs).`);
        if (!result.ok) {
          if (!options.json) for (const problem of result.problems) console.log(`row ${problem.seq}: ${problem.message}`);
          throw new AppError('conflict', `Audit chain broken: ${result.problems.length} problem(s); the first: ${result.problems[0]!.message}`);
        }
      });
    });

  audit
    .command('list')
    .description('print recent entries, newest first')
    .option('-a, --action <prefix>', 'only actions starting with this, e.g. approval.')
    .option('-n, --limit <n>', 'how many', '50')
    .option('--json', 'print JSON')
    .action(async (options: { action?: string; limit: string; json?: boolean }) => {
      await withDb(async (db) => {
        const entries = await listAudit(db, { action: options.action, limit: Number(options.limit) || 50 });
        if (options.json) {
          console.log(JSON.stringify(entries));
          return;
        }
        for (const e of entries) {
          console.log(`${String(e.seq).padStart(6)}  ${e.at}  ${e.action.padEnd(28)} ${e.actor.name}${e.subject ? `  ${e.subject.kind}:${e.subject.id}` : ''}`);
        }
      });
    });
}
