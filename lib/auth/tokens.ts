/**
 * Bearer tokens for MCP clients (and, later, other API clients). A token is 32 random bytes shown
 * once, at creation; the database holds only its SHA-256, like session cookies. Each token acts
 * with the role it was given; the approver scope (`canApprove`) lets it decide approvals and is
 * only given to supervisors and admins. Creating and revoking are audited.
 *
 * A token made for a person (`ownerId`) acts as that person: same identity for the gate's
 * four-eyes rule and the audit chain, never more than their current role, and dead while their
 * account is disabled.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Actor } from './actor';
import { appendAuditIn, type AuditActor } from '../audit/audit-log';
import { sha256Hex } from '../canonical-json';
import type { Db, Queryable } from '../db/db';
import { AppError } from '../errors';
import { atLeast, Role } from './roles';
import { siteRolesColumn, siteRolesOf } from './site-roles';

/** Makes a leaked token recognisable in logs, configs and secret scanners. */
export const TOKEN_PREFIX = 'ppt_';

/** Tokens are used on every MCP request; recording each use would write on every read. */
const LAST_USED_RESOLUTION_MS = 60_000;

export const TokenName = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._ -]{0,63}$/, 'a name of 1–64 characters: letters, digits, dot, dash, underscore or space, e.g. "claude-desktop"');

export const CreateTokenInput = z.object({
  name: TokenName,
  role: Role,
  canApprove: z.boolean().default(false),
  /** The person the token acts for (a user id); none for tokens made by the CLI without --owner. */
  ownerId: z.uuid().optional(),
});
export type CreateTokenInput = z.input<typeof CreateTokenInput>;

export type McpToken = {
  id: string;
  name: string;
  role: Role;
  /** The approver scope: may decide approvals (never its own high-risk requests). */
  canApprove: boolean;
  createdBy: AuditActor;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
  owner?: TokenOwner;
};

export type TokenOwner = { id: string; username: string; displayName: string; role: Role; siteRoles?: Record<string, Role>; disabled: boolean };

type TokenRow = {
  id: string;
  name: string;
  role: Role;
  can_approve: boolean;
  created_by: AuditActor;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  owner_id: string | null;
  owner_username: string | null;
  owner_display_name: string | null;
  owner_role: Role | null;
  owner_site_roles: unknown;
  owner_disabled: boolean | null;
};

function fromRow(row: TokenRow): McpToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    canApprove: row.can_approve,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString(),
    revokedAt: row.revoked_at?.toISOString(),
    owner:
      row.owner_id && row.owner_username
        ? {
            id: row.owner_id,
            username: row.owner_username,
            displayName: row.owner_display_name ?? row.owner_username,
            role: row.owner_role!,
            ...(siteRolesOf(row.owner_site_roles) ? { siteRoles: siteRolesOf(row.owner_site_roles) } : {}),
            disabled: row.owner_disabled ?? false,
          }
        : undefined,
  };
}

const COLUMNS =
  't.id, t.name, t.role, t.can_approve, t.created_by, t.created_at, t.last_used_at, t.revoked_at, t.owner_id, ' +
  'u.username AS owner_username, u.display_name AS owner_display_name, u.role AS owner_role, u.disabled AS owner_disabled, ' +
  `${siteRolesColumn('u.id')} AS owner_site_roles`;
const FROM = 'mcp_tokens t LEFT JOIN users u ON u.id = t.owner_id';

/** The lower of two roles. */
function lowerRole(a: Role, b: Role): Role {
  return atLeast(a, b) ? b : a;
}

/**
 * The identity a token acts as, for the gate and the audit chain: its owner, when it has one (so
 * four-eyes applies to the person, whichever face they use), else the token itself.
 */
export function tokenActor(token: Pick<McpToken, 'id' | 'name' | 'role' | 'owner'>): Actor {
  if (token.owner) {
    return {
      kind: 'mcp_client',
      id: token.owner.id,
      name: `${token.owner.displayName} (${token.owner.username}) via MCP token ${token.name}`,
      role: lowerRole(token.role, token.owner.role),
      // At a site where the owner has a grant, the token acts with the lower of its role and that grant.
      ...(token.owner.siteRoles
        ? { siteRoles: Object.fromEntries(Object.entries(token.owner.siteRoles).map(([site, role]) => [site, lowerRole(token.role, role)])) }
        : {}),
    };
  }
  return { kind: 'mcp_client', id: `token:${token.id}`, name: `${token.name} (MCP)`, role: token.role };
}

export type CreatedToken = { token: McpToken; secret: string };

/** Creates a token; `secret` is the bearer token itself and is not stored anywhere. */
export async function createToken(db: Db, input: CreateTokenInput, by: AuditActor): Promise<CreatedToken> {
  const parsed = CreateTokenInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? 'token');
    const hint = field === 'role' ? `Roles: ${Role.options.join(', ')}.` : `Use ${issue?.message}.`;
    throw new AppError('invalid_argument', `Invalid token ${field}: ${JSON.stringify((input as Record<string, unknown>)[field])}. ${hint}`);
  }
  const { name, role, canApprove, ownerId } = parsed.data;
  if (canApprove && !atLeast(role, 'supervisor')) {
    throw new AppError('invalid_argument', `Only a supervisor or admin token can approve; "${name}" would be ${role}. Drop --approver or pick a higher role.`);
  }
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return db.transaction(async (tx) => {
    if (ownerId) {
      const owner = await tx.query<{ username: string; role: Role; disabled: boolean }>('SELECT username, role, disabled FROM users WHERE id = $1', [ownerId]);
      const person = owner.rows[0];
      if (!person || person.disabled) throw new AppError('invalid_argument', 'The token owner is not an active user. Pick someone who can sign in.');
      if (!atLeast(person.role, role)) {
        throw new AppError('invalid_argument', `${person.username} is ${person.role}; their token cannot have the higher role ${role}.`);
      }
    }
    const existing = await tx.query('SELECT 1 FROM mcp_tokens WHERE name = $1 AND revoked_at IS NULL', [name]);
    if (existing.rowCount) throw new AppError('conflict', `A live token named "${name}" already exists. Revoke it first or choose another name.`);
    const id = randomUUID();
    await tx.query(
      `INSERT INTO mcp_tokens (id, name, token_sha256, role, can_approve, created_by, owner_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, name, sha256Hex(secret), role, canApprove, JSON.stringify(by), ownerId ?? null],
    );
    const { rows } = await tx.query<TokenRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1`, [id]);
    const token = fromRow(rows[0]!);
    await appendAuditIn(tx, {
      actor: by,
      action: 'token.created',
      subject: { kind: 'token', id: token.id },
      detail: { name, role, canApprove, ownerId: ownerId ?? null },
    });
    return { token, secret };
  });
}

/** Newest first; revoked tokens only when asked for. */
export async function listTokens(db: Queryable, options: { includeRevoked?: boolean } = {}): Promise<McpToken[]> {
  const { rows } = await db.query<TokenRow>(
    `SELECT ${COLUMNS} FROM ${FROM} ${options.includeRevoked ? '' : 'WHERE t.revoked_at IS NULL'} ORDER BY t.created_at DESC, t.name`,
  );
  return rows.map(fromRow);
}

const UUID = z.uuid();

/** Revokes the live token with this id or name; it stops working on its next request. */
export async function revokeToken(db: Db, idOrName: string, by: AuditActor): Promise<McpToken> {
  const key = idOrName.trim();
  return db.transaction(async (tx) => {
    const { rows } = UUID.safeParse(key).success
      ? await tx.query<TokenRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1 FOR UPDATE OF t`, [key])
      : await tx.query<TokenRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.name = $1 AND t.revoked_at IS NULL FOR UPDATE OF t`, [key]);
    const row = rows[0];
    if (!row) throw new AppError('not_found', `There is no live token "${key}". List tokens with \`plantpilot tokens list\`.`);
    if (row.revoked_at) throw new AppError('conflict', `Token "${row.name}" was already revoked at ${row.revoked_at.toISOString()}.`);
    await tx.query('UPDATE mcp_tokens SET revoked_at = now() WHERE id = $1', [row.id]);
    const updated = await tx.query<TokenRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.id = $1`, [row.id]);
    await appendAuditIn(tx, { actor: by, action: 'token.revoked', subject: { kind: 'token', id: row.id }, detail: { name: row.name, role: row.role } });
    return fromRow(updated.rows[0]!);
  });
}

/**
 * The live token for a presented bearer secret, or undefined when it is unknown or revoked.
 * Records the use at minute resolution.
 */
export async function authenticateToken(db: Queryable, secret: string | undefined, now: Date = new Date()): Promise<McpToken | undefined> {
  if (!secret || !secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return undefined;
  const { rows } = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM ${FROM} WHERE t.token_sha256 = $1 AND t.revoked_at IS NULL`, [sha256Hex(secret)]);
  const row = rows[0];
  // A disabled person's tokens stop working with their account.
  if (!row || row.owner_disabled) return undefined;
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.query('UPDATE mcp_tokens SET last_used_at = $2 WHERE id = $1', [row.id, now]);
    row.last_used_at = now;
  }
  return fromRow(row);
}
