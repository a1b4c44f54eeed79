/**
 * Who may manage MCP tokens: a signed-in admin (with the CSRF token for changes), or the CLI on
 * the app's own machine with the local admin secret (lib/auth/local-admin.ts).
 */
import type { AuditActor } from '@/lib/audit/audit-log';
import { isLocalAdmin } from '@/lib/auth/local-admin';
import { requireSession } from '@/lib/auth/request';
import { userActor } from '@/lib/auth/users';
import { getRuntime } from '@/lib/runtime';

export type TokenAdmin = { actor: AuditActor; userId?: string };

export async function requireTokenAdmin(request: Request): Promise<TokenAdmin> {
  const { config } = getRuntime();
  if (await isLocalAdmin(request, config.dataDir, config.host)) {
    // The CLI names the operating-system account that ran it; the secret proves it runs here.
    const who = (request.headers.get('x-plantpilot-cli-user') ?? 'unknown').replace(/[^\w.@ -]/g, '').slice(0, 64) || 'unknown';
    return { actor: { kind: 'cli', id: who, name: `${who} (CLI on the app's machine)` } };
  }
  const session = await requireSession(request, { role: 'admin' });
  return { actor: userActor(session.user), userId: session.user.id };
}
