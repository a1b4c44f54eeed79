/**
 * `plantpilot mcp`: Plantpilot as an MCP server on stdio, for clients that launch a command.
 * It relays to the running app's /mcp, so approvals, data and the audit trail are the app's own;
 * it opens no database. stdout carries the protocol: everything else goes to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { Command } from 'commander';
import { startBridge } from '../../tools/mcp/bridge';
import { mcpConfig } from '../../tools/mcp/mcp-config';
import { cliContext } from '../context';

export function register(program: Command): void {
  program
    .command('mcp')
    .description('serve MCP on stdio, relayed to the running Plantpilot app (start it first with `plantpilot start`)')
    .option('--url <url>', "the app's MCP endpoint (default: http://localhost:$PORT/mcp)")
    .option('--token <token>', 'bearer token from `plantpilot tokens create` (default: PLANTPILOT_TOKEN; prefer the variable, arguments show in process lists)')
    .action(async (options: { url?: string; token?: string }) => {
      const { config, log } = cliContext();
      const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
      const url = options.url ?? `http://${host}:${config.port}/mcp`;
      const bridge = await startBridge({ url, token: options.token ?? mcpConfig(config).token, log }, new StdioServerTransport());
      const stop = () => void bridge.close();
      // The stdio transport does not notice its client leaving: stdin ending is that signal.
      process.stdin.once('end', stop);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await bridge.closed;
      } finally {
        process.stdin.off('end', stop);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    });
}
