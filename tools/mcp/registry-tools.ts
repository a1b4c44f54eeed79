/**
 * Every registry tool as an MCP tool, with its zod input schema (SDK 1.32 takes zod 4 schemas
 * directly) and its output schema for structured results. Read tools run here; actuate tools are
 * filed with the gate (actuation.ts) and advertise the filing as their output instead.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/log';
import type { ApprovalGate } from '../approval/types';
import type { ToolRegistry } from '../registry';
import type { AnyTool } from '../tool';
import type { Actor } from '@/lib/auth/actor';
import { fileActuation } from './actuation';
import { ActuationFiled } from './approval-view';
import { toolFailure } from './errors';

export type RegistryToolsOptions = {
  registry: ToolRegistry;
  gate: ApprovalGate | undefined;
  actor: Actor;
  publicBaseUrl: string;
  log: Logger;
};

function convertible(schema: z.ZodType, io: 'input' | 'output'): boolean {
  try {
    z.toJSONSchema(schema, { io });
    return true;
  } catch {
    return false;
  }
}

/**
 * MCP structured content is an object. An object output schema is advertised as it is; any other
 * output is wrapped as `{ result }`; one that JSON Schema cannot express goes out as text only.
 */
function outputSchemaOf(tool: AnyTool, log: Logger): { schema?: z.ZodType; wrap: boolean } {
  if (tool.output instanceof z.ZodObject && convertible(tool.output, 'output')) return { schema: tool.output, wrap: false };
  const wrapped = z.object({ result: tool.output });
  if (convertible(wrapped, 'output')) return { schema: wrapped, wrap: true };
  log.warn({ tool: tool.name }, 'MCP: this tool’s output schema cannot be expressed as JSON Schema; its results go out as text only');
  return { wrap: false };
}

function structured(output: unknown, wrap: boolean): Record<string, unknown> {
  return wrap ? { result: output } : (output as Record<string, unknown>);
}

/** A zod error thrown from inside a tool is a bad request the model can fix, as in the chat agent. */
function asRecoverable(error: unknown): unknown {
  return error instanceof z.ZodError
    ? new AppError('invalid_argument', error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; '))
    : error;
}

export function registerRegistryTools(server: McpServer, options: RegistryToolsOptions): void {
  const { log } = options;
  for (const tool of options.registry.list()) {
    if (!(tool.input instanceof z.ZodObject) || !convertible(tool.input, 'input')) {
      log.warn({ tool: tool.name }, 'MCP: not exposing this tool: its input must be a zod object that JSON Schema can express');
      continue;
    }
    if (tool.effect === 'actuate') {
      server.registerTool(
        tool.name,
        {
          title: tool.title,
          description: `${tool.description}\nThis changes the plant: calling it files an approval request and returns { approvalId, status, preview, decideUrl }. It runs only after a supervisor approves; follow it with get_approval.`,
          inputSchema: tool.input,
          outputSchema: ActuationFiled,
          annotations: { readOnlyHint: false, destructiveHint: true, openWorldHint: true },
        },
        async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
          try {
            return await fileActuation({
              server,
              gate: options.gate,
              tool,
              args,
              actor: options.actor,
              publicBaseUrl: options.publicBaseUrl,
              signal: extra.signal,
              relatedRequestId: extra.requestId,
            });
          } catch (error) {
            return toolFailure(error, log);
          }
        },
      );
      continue;
    }
    const output = outputSchemaOf(tool, log);
    server.registerTool(
      tool.name,
      {
        title: tool.title,
        description: tool.description,
        inputSchema: tool.input,
        ...(output.schema ? { outputSchema: output.schema } : {}),
        annotations: { readOnlyHint: true, openWorldHint: true },
      },
      async (args: Record<string, unknown>, extra): Promise<CallToolResult> => {
        try {
          const result: unknown = await options.registry.runRead(tool.name, args, { actor: options.actor, signal: extra.signal });
          const content = structured(result, output.wrap);
          return { content: [{ type: 'text', text: JSON.stringify(result) }], ...(output.schema ? { structuredContent: content } : {}) };
        } catch (error) {
          return toolFailure(asRecoverable(error), log);
        }
      },
    );
  }
}
