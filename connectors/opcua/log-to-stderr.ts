/**
 * node-opcua prints its warnings and errors with console.log, on standard output. Plantpilot's
 * standard output carries CLI results and the MCP stdio protocol, so route them to stderr.
 * Import this module before anything else from node-opcua.
 */
import { format } from 'node:util';
import { setErrorLogger, setWarningLogger } from 'node-opcua';

const toStderr = (_context: unknown, ...args: unknown[]) => {
  process.stderr.write(`${format(...args)}\n`);
};
setWarningLogger(toStderr);
setErrorLogger(toStderr);
