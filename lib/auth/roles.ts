/**
 * Roles and what they may decide. A viewer reads; an operator asks for changes; a supervisor
 * approves them; an admin manages people. High-risk changes need an approver who is neither the
 * requester nor the person who edited the request (four-eyes).
 */
import { z } from 'zod';
import { AppError } from '../errors';

export const Role = z.enum(['viewer', 'operator', 'supervisor', 'admin']);
export type Role = z.infer<typeof Role>;

const RANK: Record<Role, number> = { viewer: 0, operator: 1, supervisor: 2, admin: 3 };

export function atLeast(role: Role, minimum: Role): boolean {
  return RANK[role] >= RANK[minimum];
}

export type Risk = 'low' | 'medium' | 'high';

/** The least role that may approve a request of this risk. */
export const APPROVER_ROLE_FOR_RISK: Record<Risk, Role> = { low: 'supervisor', medium: 'supervisor', high: 'supervisor' };

/** Risks for which the approver must be a different person from the requester and any editor. */
export const FOUR_EYES_RISKS: ReadonlySet<Risk> = new Set<Risk>(['high']);

/** The least role that may ask for an actuation at all. */
export const REQUESTER_ROLE: Role = 'operator';

/**
 * The role that counts for an action at a site: a per-site grant where the person has one (a
 * supervisor at FUE may be a viewer at ERL), else their global role. Without a site, the global role.
 */
export function roleAt(who: { role: Role; siteRoles?: Readonly<Record<string, Role>> }, siteId?: string): Role {
  return (siteId !== undefined ? who.siteRoles?.[siteId] : undefined) ?? who.role;
}

/** The highest role a person has anywhere: whether a page for that role is theirs to open at all (the action checks its site). */
export function highestRole(who: { role: Role; siteRoles?: Readonly<Record<string, Role>> }): Role {
  return [who.role, ...Object.values(who.siteRoles ?? {})].reduce((best, role) => (RANK[role] > RANK[best] ? role : best));
}

/** Refuses an action at a site unless the person's role there is at least `minimum` (global role without a site). */
export function requireRoleAt(who: { role: Role; siteRoles?: Readonly<Record<string, Role>> }, siteId: string | undefined, minimum: Role): void {
  const role = roleAt(who, siteId);
  if (!atLeast(role, minimum))
    throw new AppError('forbidden', `This needs the ${minimum} role or above${siteId ? ` at site ${siteId}` : ''}; you are ${role}${siteId ? ' there' : ''}.`);
}
