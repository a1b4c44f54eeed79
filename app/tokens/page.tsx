/** MCP tokens: connect an assistant without stopping the app. Admins only. */
import { TokensAdmin } from '../../components/tokens/tokens-admin';
import { requirePageSession } from '../../lib/auth/page-session';
import { listTokens } from '../../lib/auth/tokens';
import { listUsers } from '../../lib/auth/users';
import { getRuntime } from '../../lib/runtime';

export const dynamic = 'force-dynamic';

export default async function TokensPage() {
  const session = await requirePageSession({ role: 'admin' });
  const { db } = getRuntime();
  const [tokens, users] = await Promise.all([listTokens(db), listUsers(db)]);
  const people = users.filter((user) => !user.disabled).map(({ username, displayName, role }) => ({ username, displayName, role }));
  return (
    <section className="card">
      <h1>MCP tokens</h1>
      <p className="muted">
        Bearer tokens for assistants that use Plantpilot over MCP. A token acts for the person chosen here, with at most their role; four-eyes counts that
        person once, whether they use the web app or a token. Also from a shell on this machine: <code>plantpilot tokens create|list|revoke</code>.
      </p>
      <TokensAdmin tokens={tokens} people={people} me={session.user.username} csrfToken={session.csrfToken} />
    </section>
  );
}
