/**
 * Administration from the machine the app runs on, while it runs. The embedded database has one
 * writer, so `plantpilot tokens …` cannot open it next to a running app; instead the app, when it
 * starts, writes its URL and a fresh random secret to `<data dir>/local-admin.json`, readable only
 * by the operating-system account that runs it (mode 0600). The CLI, run by that account, reads
 * the file and calls the app's admin API with the secret as a bearer token. The app accepts that
 * secret only from a loopback address and only on the routes that say so. Being able to read the
 * file is being able to read the data dir, which already means holding the whole database.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { clientAddress } from '../forwarding';

export const LOCAL_ADMIN_FILE = 'local-admin.json';
const SECRET_PREFIX = 'ppl_';

const LocalAdminAccess = z.object({ url: z.url(), secret: z.string().startsWith(SECRET_PREFIX), pid: z.number().int() });
export type LocalAdminAccess = z.infer<typeof LocalAdminAccess>;

/** Writes the access file for a running app; `remove()` deletes it again at shutdown. */
export async function publishLocalAdminAccess(dataDir: string, url: string): Promise<{ remove(): Promise<void> }> {
  const file = path.join(dataDir, LOCAL_ADMIN_FILE);
  const access: LocalAdminAccess = { url, secret: SECRET_PREFIX + randomBytes(32).toString('base64url'), pid: process.pid };
  const partial = `${file}.${process.pid}.part`;
  await fs.writeFile(partial, JSON.stringify(access), { mode: 0o600 });
  await fs.rename(partial, file);
  return {
    async remove() {
      const current = await readLocalAdminAccess(dataDir);
      if (current?.secret === access.secret) await fs.rm(file, { force: true });
    },
  };
}

/** The running app's access file, or undefined when there is none (or it is unreadable). */
export async function readLocalAdminAccess(dataDir: string): Promise<LocalAdminAccess | undefined> {
  try {
    const parsed = LocalAdminAccess.safeParse(JSON.parse(await fs.readFile(path.join(dataDir, LOCAL_ADMIN_FILE), 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * True when the request carries this app's local admin secret and comes from this machine.
 * False when it carries no such bearer at all; throws when it carries a wrong one.
 */
export async function isLocalAdmin(request: Request, dataDir: string, boundHost?: string): Promise<boolean> {
  const bearer = /^Bearer (ppl_\S+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
  if (!bearer) return false;
  const access = await readLocalAdminAccess(dataDir);
  const matches = access !== undefined && access.secret.length === bearer.length && timingSafeEqual(Buffer.from(access.secret), Buffer.from(bearer));
  if (!matches)
    throw new AppError('unauthenticated', 'The local admin secret is not this app’s. Run the command as the account that runs the app, on its machine.');
  const from = clientAddress(request);
  // An app bound to one address is reached from its own machine by that address.
  if (!LOOPBACK.has(from) && from !== boundHost) throw new AppError('forbidden', 'The local admin secret is accepted only from the machine the app runs on.');
  return true;
}
