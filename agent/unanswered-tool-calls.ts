/**
 * A turn that failed mid-way (the plant unreachable, the server restarted) leaves the model's tool
 * call without an answer in the conversation's state. OpenAI-compatible servers refuse a history
 * like that, so every later turn of the conversation would fail. Before each model call the
 * unanswered calls get an answer saying they did not complete; the stored state is not changed.
 */
import { ToolMessage, type BaseMessage } from '@langchain/core/messages';

type ToolCalls = { tool_calls?: { id?: string; name: string }[] };

export const DID_NOT_COMPLETE = {
  error: {
    code: 'did_not_complete',
    message:
      'This call did not complete: the turn failed before it returned. Do not assume it ran or what it would have shown; call it again if it is still needed.',
  },
};

/** The messages with an answer inserted after each tool call that has none (same array if none). */
export function answerUnansweredToolCalls(messages: BaseMessage[]): BaseMessage[] {
  const answered = new Set(messages.filter((message) => message.getType() === 'tool').map((message) => (message as ToolMessage).tool_call_id));
  const patched: BaseMessage[] = [];
  let changed = false;
  for (const message of messages) {
    patched.push(message);
    if (message.getType() !== 'ai') continue;
    for (const call of (message as BaseMessage & ToolCalls).tool_calls ?? []) {
      if (!call.id || answered.has(call.id)) continue;
      patched.push(new ToolMessage({ tool_call_id: call.id, name: call.name, status: 'error', content: JSON.stringify(DID_NOT_COMPLETE) }));
      changed = true;
    }
  }
  return changed ? patched : messages;
}
