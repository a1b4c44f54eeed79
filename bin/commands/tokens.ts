/** `plantpilot tokens create|list|revoke`: bearer tokens for MCP clients. */
import os from 'node:os';
import type { Command } from 'commander';
import type { AuditActor } from '../../lib/audit/audit-log';
import { createToken, listTokens, revokeToken, type McpToken } from '../../lib/auth/tokens';
import { withDb } from '../context';

/** CLI actions are attributed to the operating-system account that ran them. */
function cliActor(): AuditActor {
  const user = os.userInfo().username;
  return { kind: 'cli', id: user, name: `${user} (CLI on ${os.hostname()})` };
}

function describe(token: McpToken): string {
  const scope = token.canApprove ? `${token.role}, approver` : token.role;
  const used = token.lastUsedAt ? `last used ${token.lastUsedAt}` : 'never used';
  const state = token.revokedAt ? `revoked ${token.revokedAt}` : used;
  return `${token.id}  ${token.name.padEnd(24)} ${scope.padEnd(20)} created ${token.createdAt} by ${token.createdBy.name}; ${state}`;
}

export function register(program: Command): void {
  const tokens = program.command('tokens').description('manage bearer tokens for MCP clients (each acts with its role)');

  tokens
    .command('create')
    .description('create a token; it is shown once, alone on the last line of output, and stored only as a hash')
    .requiredOption('-n, --name <client>', 'a name for the client, e.g. claude-desktop')
    .requiredOption('-r, --role <role>', 'viewer | operator | supervisor | admin')
    .option('--approver', 'may decide approvals (supervisor or admin only; never its own requests)')
    .action(async (options: { name: string; role: string; approver?: boolean }) => {
      await withDb(async (db) => {
        const { token, secret } = await createToken(db, { name: options.name, role: options.role as never, canApprove: options.approver ?? false }, cliActor());
        console.log(`Created token "${token.name}" (${token.role}${token.canApprove ? ', approver' : ''}), id ${token.id}.`);
        console.log('Store it now; it cannot be shown again. Revoke it with `plantpilot tokens revoke <name>`.');
        // Alone on the last line, so scripts can take it with `tail -n 1`.
        console.log(secret);
      });
    });

  tokens
    .command('list')
    .description('list live tokens (never the tokens themselves)')
    .option('--all', 'include revoked tokens')
    .option('--json', 'print JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      await withDb(async (db) => {
        const all = await listTokens(db, { includeRevoked: options.all ?? false });
        if (options.json) {
          console.log(JSON.stringify(all));
          return;
        }
        for (const token of all) console.log(describe(token));
        console.log(`${all.length} token(s)`);
      });
    });

  tokens
    .command('revoke <id-or-name>')
    .description('revoke a token; clients using it are refused from their next request')
    .action(async (idOrName: string) => {
      await withDb(async (db) => {
        const token = await revokeToken(db, idOrName, cliActor());
        console.log(`Revoked token "${token.name}" (${token.id}).`);
      });
    });
}
