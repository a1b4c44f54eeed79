/** Who is asking: a signed-in person, an MCP client acting under a token, the CLI user, or the system itself. */
import type { Role } from './roles';

export type Actor = {
  kind: 'user' | 'mcp_client' | 'cli' | 'system';
  id: string;
  name: string;
  role: Role;
};
