/**
 * Turns one LangGraph agent stream (modes `messages` and `updates`) into the ChatEvents a face shows
 * — tokens, tool calls and results, approval pauses — and appends what a person should find again in
 * the history to the run record. Returns whether the run paused for an approval.
 */
import type { BaseMessage } from '@langchain/core/messages';
import { approvalFiledNote } from './approval-note';
import type { ChatEvent, ToolCallRecord } from './chat-events';
import type { Language } from './models/offline/language';
import type { RunRecord } from './run-record';
import type { ApprovalInterrupt, ToolArtifact } from './tool-adapter';

export type GraphEventsContext = {
  run: RunRecord;
  /** Tool titles by name, for calls a resumed run did not see start. */
  titles: ReadonlyMap<string, string>;
  modelName: string;
  /** The language of the person's message, for the sentence that goes with an approval card. */
  language?: Language;
};

export async function* graphEvents(
  stream: AsyncIterable<[string, unknown]>,
  { run, titles, modelName, language = 'en' }: GraphEventsContext,
): AsyncGenerator<ChatEvent, boolean> {
  const calls = new Map<string, ToolCallRecord>();
  let streamedText = false;
  let paused = false;
  // Whether the model said anything in the message that made the calls now waiting for approval.
  let callsCameWithText = false;
  const filed: string[] = [];
  for await (const [mode, chunk] of stream) {
    if (mode === 'messages') {
      const [message, metadata] = chunk as [BaseMessage, { langgraph_node?: string }];
      if (metadata.langgraph_node === 'model_request' && message.getType() === 'ai') {
        const piece = message.text;
        if (piece) {
          streamedText = true;
          yield { type: 'token', text: piece };
        }
      }
      continue;
    }
    const update = chunk as Record<string, { messages?: BaseMessage[] } | { value: unknown }[]>;
    for (const [node, value] of Object.entries(update)) {
      if (node === '__interrupt__') {
        for (const pause of value as { value: unknown }[]) {
          const request = pause.value as ApprovalInterrupt;
          if (request?.kind !== 'approval') continue;
          paused = true;
          filed.push(request.summary);
          const call: ToolCallRecord = {
            ...(calls.get(request.toolCallId) ?? { id: request.toolCallId, name: request.tool, args: request.args, sources: [] }),
            status: 'awaiting_approval',
            approval: { id: request.approvalId, status: 'pending', summary: request.summary },
          };
          run.append({ role: 'tool', content: '', tool: call });
          yield {
            type: 'approval_requested',
            toolCallId: request.toolCallId,
            approvalId: request.approvalId,
            tool: request.tool,
            args: request.args,
            summary: request.summary,
          };
        }
        continue;
      }
      const messages = (value as { messages?: BaseMessage[] } | undefined)?.messages ?? [];
      for (const message of messages) {
        if (message.getType() === 'ai') {
          const content = message.text;
          if (content && !streamedText) yield { type: 'token', text: content };
          streamedText = false;
          if (content) run.append({ role: 'assistant', content, model: modelName });
          const toolCalls = (message as BaseMessage & { tool_calls?: unknown[] }).tool_calls ?? [];
          if (toolCalls.length > 0) callsCameWithText = Boolean(content);
          for (const toolCall of (message as BaseMessage & { tool_calls?: { id?: string; name: string; args: Record<string, unknown> }[] }).tool_calls ?? []) {
            const call: ToolCallRecord = {
              id: toolCall.id ?? '',
              name: toolCall.name,
              title: titles.get(toolCall.name),
              args: toolCall.args,
              status: 'running',
              sources: [],
            };
            calls.set(call.id, call);
            yield { type: 'tool_call', call };
          }
        } else if (message.getType() === 'tool') {
          const toolMessage = message as BaseMessage & { tool_call_id: string; name?: string; artifact?: ToolArtifact; status?: string };
          const artifact = toolMessage.artifact;
          // A run resumed after an approval did not see the call start: name its title here, and
          // the stored record keeps the arguments it was filed with (ConversationStore.record).
          const started = calls.get(toolMessage.tool_call_id) ?? {
            id: toolMessage.tool_call_id,
            name: toolMessage.name ?? 'tool',
            title: toolMessage.name ? titles.get(toolMessage.name) : undefined,
            args: {},
            sources: [],
          };
          const call: ToolCallRecord = artifact
            ? { ...started, ...artifact, status: artifact.status }
            : { ...started, status: toolMessage.status === 'error' ? 'error' : 'ok', output: message.text, quality: 'unknown', sources: [] };
          if (call.approval) run.replaceToolCall(call);
          else run.append({ role: 'tool', content: '', tool: call });
          yield { type: 'tool_result', call };
        }
      }
    }
  }
  if (paused && !callsCameWithText) {
    const note = approvalFiledNote(filed, language);
    run.append({ role: 'assistant', content: note, model: modelName });
    yield { type: 'token', text: note };
  }
  return paused;
}
