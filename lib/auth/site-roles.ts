/**
 * Per-site role grants: the role a person has at one site, replacing their global role there
 * (roleAt in roles.ts). Granted and revoked by an admin (`plantpilot users grant`), audited.
 */
import { z } from 'zod';
import { appendAuditIn, type AuditActor } from '../audit/audit-log';
import type { Db, Queryable } from '../db/db';
import { AppError } from '../errors';
import { Role } from './roles';

export const SiteId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'a site id such as FUE');

/**
 * SQL for a user's grants as one JSON object (site → role), for queries that load a person
 * (sessions, token owners) in one round trip. `userIdColumn` is the column holding the user's id.
 */
export function siteRolesColumn(userIdColumn: string): string {
  return `(SELECT json_object_agg(r.site_id, r.role) FROM user_site_roles r WHERE r.user_id = ${userIdColumn})`;
}

/** The grants as a plain object; null (no rows) becomes undefined. */
export function siteRolesOf(json: unknown): Record<string, Role> | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const parsed = z.record(z.string(), Role).safeParse(json);
  return parsed.success && Object.keys(parsed.data).length > 0 ? parsed.data : undefined;
}

export async function listSiteRoles(db: Queryable, userId: string): Promise<Record<string, Role>> {
  const { rows } = await db.query<{ site_id: string; role: Role }>('SELECT site_id, role FROM user_site_roles WHERE user_id = $1 ORDER BY site_id', [userId]);
  return Object.fromEntries(rows.map((row) => [row.site_id, row.role]));
}

/**
 * Grants `role` at `siteId` (replacing an earlier grant there), or with `role` null revokes the grant
 * so the global role counts again. Sessions stay: the grant applies from the person's next request.
 */
export async function setSiteRole(db: Db, input: { username: string; siteId: string; role: Role | null }, by: AuditActor): Promise<void> {
  const site = SiteId.safeParse(input.siteId);
  if (!site.success) throw new AppError('invalid_argument', `"${input.siteId}" is not a site id: use ${site.error.issues[0]?.message}.`);
  if (input.role !== null && !Role.safeParse(input.role).success)
    throw new AppError('invalid_argument', `"${input.role}" is not a role. Roles: ${Role.options.join(', ')}.`);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [input.username.trim().toLowerCase()]);
    const userId = rows[0]?.id;
    if (!userId) throw new AppError('not_found', `There is no user named "${input.username}". List users with \`plantpilot users list\`.`);
    if (input.role === null) {
      await tx.query('DELETE FROM user_site_roles WHERE user_id = $1 AND site_id = $2', [userId, site.data]);
    } else {
      await tx.query(
        `INSERT INTO user_site_roles (user_id, site_id, role) VALUES ($1, $2, $3)
         ON CONFLICT (user_id, site_id) DO UPDATE SET role = EXCLUDED.role`,
        [userId, site.data, input.role],
      );
    }
    await appendAuditIn(tx, {
      actor: by,
      action: input.role === null ? 'user.site_role_revoked' : 'user.site_role_granted',
      subject: { kind: 'user', id: userId },
      detail: { username: input.username, site: site.data, role: input.role },
    });
  });
}
