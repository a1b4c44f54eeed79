/**
 * `plantpilot tokens create|list|revoke`: bearer tokens for MCP clients.
 *
 * While the app runs, the commands go through its admin API, authenticated by the local admin
 * secret the app writes to its data dir (lib/auth/local-admin.ts), so tokens can be made without
 * stopping the plant's copilot. When the app is not running they open the database directly.
 */
import os from 'node:os';
import type { Command } from 'commander';
import type { AuditActor } from '../../lib/audit/audit-log';
import { readLocalAdminAccess, type LocalAdminAccess } from '../../lib/auth/local-admin';
import { Role } from '../../lib/auth/roles';
import { createToken, listTokens, revokeToken, type CreatedToken, type McpToken } from '../../lib/auth/tokens';
import { AppError, ERROR_CODES, type ErrorCode } from '../../lib/errors';
import { cliContext, withDb } from '../context';

/** CLI actions are attributed to the operating-system account that ran them. */
function cliActor(): AuditActor {
  const user = os.userInfo().username;
  return { kind: 'cli', id: user, name: `${user} (CLI on ${os.hostname()})` };
}

function describe(token: McpToken): string {
  const scope = token.canApprove ? `${token.role}, approver` : token.role;
  const used = token.lastUsedAt ? `last used ${token.lastUsedAt}` : 'never used';
  const state = token.revokedAt ? `revoked ${token.revokedAt}` : used;
  const owner = token.owner ? ` for ${token.owner.username}` : '';
  return `${token.id}  ${token.name.padEnd(24)} ${scope.padEnd(20)}${owner} created ${token.createdAt} by ${token.createdBy.name}; ${state}`;
}

type NewToken = { name: string; role: Role; canApprove: boolean; owner?: string };

/** The same three operations, against the running app or the database. */
type TokenAdmin = {
  create(input: NewToken): Promise<CreatedToken>;
  list(all: boolean): Promise<McpToken[]>;
  revoke(idOrName: string): Promise<McpToken>;
};

function throughApp(access: LocalAdminAccess): TokenAdmin {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(new URL(path, access.url), {
      method,
      headers: { authorization: `Bearer ${access.secret}`, 'content-type': 'application/json', 'x-plantpilot-cli-user': os.userInfo().username },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string } } & T;
    if (!response.ok) {
      const code = (ERROR_CODES as readonly string[]).includes(json.error?.code ?? '') ? (json.error!.code as ErrorCode) : 'internal';
      throw new AppError(code, json.error?.message ?? `The running app answered ${response.status}.`);
    }
    return json;
  };
  return {
    create: (input) => call<CreatedToken>('POST', '/api/admin/tokens', input),
    list: async (all) => (await call<{ tokens: McpToken[] }>('GET', `/api/admin/tokens${all ? '?all=1' : ''}`)).tokens,
    revoke: async (idOrName) => (await call<{ token: McpToken }>('DELETE', `/api/admin/tokens/${encodeURIComponent(idOrName)}`)).token,
  };
}

/** Runs `fn` against the running app when there is one, else against the database. */
async function withTokenAdmin<T>(fn: (admin: TokenAdmin) => Promise<T>): Promise<T> {
  const access = await readLocalAdminAccess(cliContext().config.dataDir);
  if (access) {
    const reachable = await fetch(new URL('/api/health', access.url)).then(
      () => true,
      () => false,
    );
    if (reachable) return fn(throughApp(access));
  }
  return withDb((db) =>
    fn({
      async create(input) {
        let ownerId: string | undefined;
        if (input.owner) {
          const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [input.owner.toLowerCase()]);
          if (!rows[0]) throw new AppError('not_found', `There is no user "${input.owner}" to own the token. List people with \`plantpilot users list\`.`);
          ownerId = rows[0].id;
        }
        return createToken(db, { name: input.name, role: input.role, canApprove: input.canApprove, ownerId }, cliActor());
      },
      list: (all) => listTokens(db, { includeRevoked: all }),
      revoke: (idOrName) => revokeToken(db, idOrName, cliActor()),
    }),
  );
}

export function register(program: Command): void {
  const tokens = program.command('tokens').description('manage bearer tokens for MCP clients (each acts with its role; works while the app runs)');

  tokens
    .command('create')
    .description('create a token; it is shown once, alone on the last line of output, and stored only as a hash')
    .requiredOption('-n, --name <client>', 'a name for the client, e.g. claude-desktop')
    .requiredOption('-r, --role <role>', 'viewer | operator | supervisor | admin')
    .option('--approver', 'may decide approvals (supervisor or admin only; never its owner’s own high-risk requests)')
    .option('-o, --owner <username>', 'the person the token acts for (four-eyes then counts them as one person in every face)')
    .action(async (options: { name: string; role: string; approver?: boolean; owner?: string }) => {
      const role = Role.safeParse(options.role);
      if (!role.success) throw new AppError('invalid_argument', `Invalid token role: ${JSON.stringify(options.role)}. Roles: ${Role.options.join(', ')}.`);
      const { token, secret } = await withTokenAdmin((admin) =>
        admin.create({ name: options.name, role: role.data, canApprove: options.approver ?? false, owner: options.owner }),
      );
      console.log(
        `Created token "${token.name}" (${token.role}${token.canApprove ? ', approver' : ''}${token.owner ? `, for ${token.owner.username}` : ''}), id ${token.id}.`,
      );
      console.log('Store it now; it cannot be shown again. Revoke it with `plantpilot tokens revoke <name>`.');
      // Alone on the last line, so scripts can take it with `tail -n 1`.
      console.log(secret);
    });

  tokens
    .command('list')
    .description('list live tokens (never the tokens themselves)')
    .option('--all', 'include revoked tokens')
    .option('--json', 'print JSON')
    .action(async (options: { all?: boolean; json?: boolean }) => {
      const all = await withTokenAdmin((admin) => admin.list(options.all ?? false));
      if (options.json) {
        console.log(JSON.stringify(all));
        return;
      }
      for (const token of all) console.log(describe(token));
      console.log(`${all.length} token(s)`);
    });

  tokens
    .command('revoke <id-or-name>')
    .description('revoke a token; clients using it are refused from their next request')
    .action(async (idOrName: string) => {
      const token = await withTokenAdmin((admin) => admin.revoke(idOrName));
      console.log(`Revoked token "${token.name}" (${token.id}).`);
    });
}
