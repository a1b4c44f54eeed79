/** People who may use Plantpilot: created, listed, disabled and given new passwords. */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { appendAuditIn, type AuditActor } from '../audit/audit-log';
import type { Db, Queryable } from '../db/db';
import { AppError } from '../errors';
import { clearLoginFailures } from './login-throttle';
import { generateOneTimePassword, hashPassword, MIN_PASSWORD_LENGTH, verifyPassword } from './password';
import { Role } from './roles';

export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z][a-z0-9._-]{1,31}$/, 'a user name of 2–32 characters: lower-case letters, digits, dot, dash or underscore, starting with a letter');

export type User = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Per-site grants that replace `role` at those sites (site-roles.ts); loaded with sessions. */
  siteRoles?: Record<string, Role>;
  mustChangePassword: boolean;
  disabled: boolean;
  createdAt: string;
};

type UserRow = {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  created_at: Date;
};

function fromRow(row: UserRow): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    mustChangePassword: row.must_change_password,
    disabled: row.disabled,
    createdAt: row.created_at.toISOString(),
  };
}

export function userActor(user: Pick<User, 'id' | 'displayName' | 'username'>): AuditActor {
  return { kind: 'user', id: user.id, name: `${user.displayName} (${user.username})` };
}

export type CreatedUser = { user: User; oneTimePassword: string };

/** Creates a user with a one-time password that must be changed at first login. */
export async function createUser(db: Db, input: { username: string; displayName?: string; role: Role }, by: AuditActor): Promise<CreatedUser> {
  return db.transaction((tx) => createUserIn(tx, input, by));
}

/** As createUser, inside the caller's transaction. */
export async function createUserIn(tx: Queryable, input: { username: string; displayName?: string; role: Role }, by: AuditActor): Promise<CreatedUser> {
  const parsedName = Username.safeParse(input.username);
  if (!parsedName.success) throw new AppError('invalid_argument', `"${input.username}" is not a valid user name: use ${parsedName.error.issues[0]?.message}.`);
  const parsedRole = Role.safeParse(input.role);
  if (!parsedRole.success) throw new AppError('invalid_argument', `"${input.role}" is not a role. Roles: ${Role.options.join(', ')}.`);
  const username = parsedName.data;
  const role = parsedRole.data;
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const existing = await tx.query('SELECT 1 FROM users WHERE username = $1', [username]);
  if (existing.rowCount) throw new AppError('conflict', `A user named "${username}" already exists. Choose another name or reset that user's password.`);
  const { rows } = await tx.query<UserRow>(
    `INSERT INTO users (id, username, display_name, role, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, true) RETURNING *`,
    [randomUUID(), username, input.displayName?.trim() || username, role, passwordHash],
  );
  const user = fromRow(rows[0]!);
  await appendAuditIn(tx, { actor: by, action: 'user.created', subject: { kind: 'user', id: user.id }, detail: { username, role } });
  return { user, oneTimePassword };
}

export async function listUsers(db: Queryable): Promise<User[]> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users ORDER BY username');
  return rows.map(fromRow);
}

export async function getUser(db: Queryable, id: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [id]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

export async function findUserByName(db: Queryable, username: string): Promise<User | undefined> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username.trim().toLowerCase()]);
  return rows[0] ? fromRow(rows[0]) : undefined;
}

async function requireUserByName(db: Queryable, username: string): Promise<User> {
  const user = await findUserByName(db, username);
  if (!user) throw new AppError('not_found', `There is no user named "${username}". List users with \`plantpilot users list\`.`);
  return user;
}

export async function setUserDisabled(db: Db, username: string, disabled: boolean, by: AuditActor): Promise<User> {
  const user = await requireUserByName(db, username);
  return db.transaction(async (tx) => {
    if (disabled && user.role === 'admin' && !user.disabled) {
      // FOR UPDATE: two admins disabling each other at once cannot both pass this check.
      const { rows: admins } = await tx.query<{ id: string }>("SELECT id FROM users WHERE role = 'admin' AND NOT disabled FOR UPDATE");
      if (admins.length <= 1) {
        throw new AppError('conflict', `"${user.username}" is the last enabled admin; add or enable another admin first, or nobody could manage people.`);
      }
    }
    const { rows } = await tx.query<UserRow>('UPDATE users SET disabled = $2 WHERE id = $1 RETURNING *', [user.id, disabled]);
    // A disabled user's open sessions end now, not when they expire.
    if (disabled) await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    await appendAuditIn(tx, {
      actor: by,
      action: disabled ? 'user.disabled' : 'user.enabled',
      subject: { kind: 'user', id: user.id },
      detail: { username: user.username },
    });
    return fromRow(rows[0]!);
  });
}

/** Gives the user a new one-time password and ends their sessions. */
export async function resetPassword(db: Db, username: string, by: AuditActor): Promise<CreatedUser> {
  const user = await requireUserByName(db, username);
  const oneTimePassword = generateOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const updated = await db.transaction(async (tx) => {
    const { rows } = await tx.query<UserRow>(
      'UPDATE users SET password_hash = $2, must_change_password = true, password_changed_at = now() WHERE id = $1 RETURNING *',
      [user.id, passwordHash],
    );
    await tx.query('DELETE FROM sessions WHERE user_id = $1', [user.id]);
    await clearLoginFailures(tx, user.username);
    await appendAuditIn(tx, { actor: by, action: 'user.password_reset', subject: { kind: 'user', id: user.id }, detail: { username: user.username } });
    return fromRow(rows[0]!);
  });
  return { user: updated, oneTimePassword };
}

export async function changePassword(db: Db, userId: string, currentPassword: string, newPassword: string): Promise<void> {
  if (newPassword.length < MIN_PASSWORD_LENGTH) throw new AppError('invalid_argument', `The new password needs at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (newPassword === currentPassword) throw new AppError('invalid_argument', 'The new password must differ from the current one.');
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE id = $1', [userId]);
  const row = rows[0];
  if (!row || row.disabled) throw new AppError('unauthenticated', 'Your account is not active. Ask an administrator.');
  if (!(await verifyPassword(currentPassword, row.password_hash)))
    throw new AppError('invalid_argument', 'The current password is not correct.', { details: { wrongCurrentPassword: true } });
  const passwordHash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx.query('UPDATE users SET password_hash = $2, must_change_password = false, password_changed_at = now() WHERE id = $1', [userId, passwordHash]);
    await appendAuditIn(tx, { actor: userActor(fromRow(row)), action: 'user.password_changed', subject: { kind: 'user', id: userId } });
  });
}

/** Checks a login; the same error for an unknown user and a wrong password, so names cannot be probed. */
export async function verifyLogin(db: Queryable, username: string, password: string): Promise<User> {
  const { rows } = await db.query<UserRow>('SELECT * FROM users WHERE username = $1', [username.trim().toLowerCase()]);
  const row = rows[0];
  const ok = row ? await verifyPassword(password, row.password_hash) : await verifyPassword(password, DUMMY_HASH);
  if (!row || !ok) throw new AppError('unauthenticated', 'Wrong user name or password.');
  if (row.disabled) throw new AppError('forbidden', 'This account is disabled. Ask an administrator to enable it.');
  return fromRow(row);
}

// Verifying against a fixed hash when the user does not exist keeps the response time the same.
const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
