/**
 * Registry tools as LangChain tools. Read tools run directly; their recoverable errors (bad
 * arguments, unknown asset) go back to the model as data, and infrastructure failures are thrown so
 * the person sees them. Actuate tools never run here: the call is filed with the approval gate and
 * the run pauses with LangGraph's `interrupt()` until the request reaches a final state.
 */
import { randomUUID } from 'node:crypto';
import { tool as langchainTool, type StructuredTool } from '@langchain/core/tools';
import { interrupt } from '@langchain/langgraph';
import { AppError, toAppError } from '../lib/errors';
import type { ToolRegistry } from '../tools/registry';
import type { AnyTool, ToolCallContext } from '../tools/tool';
import type { Actor } from '@/lib/auth/actor';
import type { ApprovalGate } from '../tools/approval/types';
import { currentRequest, isFinal, outcomeOf } from './approval-outcome';
import type { ToolCallRecord } from './chat-events';
import type { ConversationStore } from './conversation-store';
import { sourcesOf, worstQuality } from './tool-output';

/** What each run passes in `configurable` besides the LangGraph thread id. */
export type RunContext = { thread_id: string; actor: Actor; site?: string };

/** What the agent interrupts with while an actuation waits for a decision. */
export type ApprovalInterrupt = { kind: 'approval'; approvalId: string; toolCallId: string; tool: string; args: Record<string, unknown>; summary: string };

/** The artifact on every tool message: what the UI's tool card shows. */
export type ToolArtifact = Pick<ToolCallRecord, 'status' | 'output' | 'durationMs' | 'quality' | 'sources' | 'approval'>;

type ToolConfig = { configurable?: Partial<RunContext>; toolCall?: { id?: string }; signal?: AbortSignal };

export type ToolAdapterOptions = { registry: ToolRegistry; gate?: ApprovalGate; store: ConversationStore };

function runContext(config: ToolConfig): ToolCallContext & { conversationId: string } {
  const actor = config.configurable?.actor;
  const conversationId = config.configurable?.thread_id;
  if (!actor || !conversationId) throw new AppError('internal', 'A tool was called outside a conversation run; this is a bug in the agent.');
  const site = config.configurable?.site;
  return { actor, conversationId, signal: config.signal, ...(site ? { site } : {}) };
}

/** A recoverable error as a tool result: JSON content for the model, the same as an artifact for the UI. */
export function errorResult(error: AppError, durationMs?: number): [string, ToolArtifact] {
  const output = { error: { code: error.code, message: error.message } };
  return [JSON.stringify(output), { status: 'error', output, durationMs, quality: 'unknown', sources: [] }];
}

function readTool(registry: ToolRegistry, definition: AnyTool): StructuredTool {
  return langchainTool(
    async (args: unknown, config: ToolConfig): Promise<[string, ToolArtifact]> => {
      const context = runContext(config);
      const started = performance.now();
      try {
        const output: unknown = await registry.runRead(definition.name, args, context);
        const durationMs = performance.now() - started;
        return [JSON.stringify(output), { status: 'ok', output, durationMs, quality: worstQuality(output), sources: sourcesOf(output) }];
      } catch (error) {
        const appError = toAppError(error);
        if (appError.recoverable || (error instanceof Error && error.name === 'ZodError')) {
          return errorResult(appError.recoverable ? appError : new AppError('invalid_argument', appError.message), performance.now() - started);
        }
        throw appError;
      }
    },
    { name: definition.name, description: definition.description, schema: definition.input, responseFormat: 'content_and_artifact' },
  ) as unknown as StructuredTool;
}

function actuateTool(definition: AnyTool, gate: ApprovalGate | undefined, store: ConversationStore): StructuredTool {
  return langchainTool(
    async (args: unknown, config: ToolConfig): Promise<[string, ToolArtifact]> => {
      const context = runContext(config);
      if (!gate) {
        // Fail closed: without the gate there is no way to run an actuation, and no text can change that.
        return errorResult(
          new AppError(
            'actuation_disabled',
            `${definition.title} needs a human approval, and the approval gate is not running on this server. Nothing was changed.`,
          ),
        );
      }
      const toolCallId = config.toolCall?.id ?? randomUUID();
      // LangGraph re-runs this function from the top on resume: find the filed request, never file twice.
      let approvalId = (await store.findApproval(toolCallId))?.approvalId;
      let summary = '';
      if (!approvalId) {
        try {
          const request = await gate.request({
            tool: definition.name,
            args,
            actor: context.actor,
            site: context.site,
            conversationId: context.conversationId,
            toolCallId,
          });
          await store.recordApproval({ toolCallId, conversationId: context.conversationId, approvalId: request.id, tool: definition.name });
          approvalId = request.id;
          summary = request.preview?.summary ?? `${definition.title} ${request.argsJson}`;
        } catch (error) {
          const appError = toAppError(error);
          if (appError.recoverable) return errorResult(appError);
          throw appError;
        }
      }
      const pause: ApprovalInterrupt = { kind: 'approval', approvalId, toolCallId, tool: definition.name, args: args as Record<string, unknown>, summary };
      // The resume value is only a wake-up call: the outcome is read from the gate itself, so nothing
      // passed to resume (or written by anyone) can make an actuation look executed.
      interrupt(pause);
      const request = await currentRequest(gate, approvalId);
      const outcome = outcomeOf(request);
      const output = { approval: outcome };
      return [
        JSON.stringify(output),
        {
          status: outcome.executed && request.readBack?.ok !== false ? 'ok' : 'error',
          output,
          quality: 'unknown',
          sources: [
            { kind: 'approval', id: request.id, title: `Approval request ${request.id.slice(0, 8)}`, href: `/approvals?id=${encodeURIComponent(request.id)}` },
          ],
          approval: { id: request.id, status: isFinal(request) ? request.status : 'pending', summary: outcome.summary },
        },
      ];
    },
    {
      name: definition.name,
      description: `${definition.description}\nThis changes the plant: it files a request that a person must approve; it runs only if approved.`,
      schema: definition.input,
      responseFormat: 'content_and_artifact',
    },
  ) as unknown as StructuredTool;
}

/** Every registry tool as a LangChain tool, actuations routed through the gate. */
export function agentTools({ registry, gate, store }: ToolAdapterOptions): StructuredTool[] {
  return registry.list().map((definition) => (definition.effect === 'actuate' ? actuateTool(definition, gate, store) : readTool(registry, definition)));
}
