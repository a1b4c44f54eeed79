/**
 * The MCP face of AppError, mapped once. A model can recover from a recoverable error (bad
 * arguments, unknown asset, a refusal), so it gets one back as a tool result with `isError: true`
 * and the message. Anything else is an infrastructure failure and is thrown as a JSON-RPC error.
 *
 * Note: SDK 1.32's `McpServer` itself turns an error thrown from a tool handler into an
 * `isError` result carrying the message; that is why an infrastructure message here is one a
 * person can act on and never an internal detail. Resource and prompt handlers keep the
 * JSON-RPC error.
 */
import { ErrorCode, McpError, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AppError, isAppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';

const UNEXPECTED = 'Something went wrong on the Plantpilot server; the details are in the server log.';

/** A tool result a model reads and can act on. */
export function toolErrorResult(message: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: message }] };
}

/**
 * For a tool call: returns the `isError` result of a recoverable AppError; throws an McpError
 * for anything else (logged when it was not an AppError, whose message is already meant for people).
 */
export function toolFailure(error: unknown, log: Logger): CallToolResult {
  if (error instanceof McpError) throw error;
  if (isAppError(error) && error.recoverable) return toolErrorResult(error.message);
  throw protocolError(error, log);
}

/** For resources, prompts and the protocol itself: the JSON-RPC error to throw. */
export function protocolError(error: unknown, log: Logger): McpError {
  if (error instanceof McpError) return error;
  if (!isAppError(error)) {
    log.error({ err: error }, 'Unexpected error in an MCP request');
    return new McpError(ErrorCode.InternalError, UNEXPECTED);
  }
  return new McpError(mcpErrorCode(error), error.message, { code: error.code });
}

function mcpErrorCode(error: AppError): number {
  switch (error.code) {
    case 'invalid_argument':
    case 'not_found':
    case 'unsupported':
      return ErrorCode.InvalidParams;
    case 'timeout':
      return ErrorCode.RequestTimeout;
    default:
      return ErrorCode.InternalError;
  }
}
