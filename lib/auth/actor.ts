/** Who is asking: a signed-in person, an MCP client acting under a token, the CLI user, or the system itself. */
import type { Role } from './roles';

export type Actor = {
  kind: 'user' | 'mcp_client' | 'cli' | 'system';
  id: string;
  name: string;
  /** The global role: what counts wherever no per-site grant says otherwise. */
  role: Role;
  /** Per-site grants (site id → role) that replace the global role at that site (roleAt in roles.ts). */
  siteRoles?: Readonly<Record<string, Role>>;
};
