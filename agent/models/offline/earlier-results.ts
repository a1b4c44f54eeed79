/**
 * Tool results earlier in a conversation, for requests that refer back to one: "book it" after a
 * maintenance forecast, "release it" after a proposed schedule. Read from the messages the model
 * is given, so they are exactly what the person saw, never guessed.
 */
import type { AIMessage, BaseMessage, ToolMessage } from '@langchain/core/messages';

/** A tool's successful result earlier in the conversation, with the arguments it was called with. */
export type EarlierResult = { tool: string; args: Record<string, unknown>; output: unknown };

/** Every successful tool result with its call's arguments, oldest first. */
export function earlierResults(messages: readonly BaseMessage[]): EarlierResult[] {
  const argsOfCall = new Map<string, Record<string, unknown>>();
  const results: EarlierResult[] = [];
  for (const message of messages) {
    if (message.getType() === 'ai') {
      for (const call of (message as AIMessage).tool_calls ?? []) if (call.id) argsOfCall.set(call.id, call.args);
    } else if (message.getType() === 'tool') {
      const result = message as ToolMessage;
      if (result.status === 'error' || !result.name) continue;
      let output: unknown;
      try {
        output = JSON.parse(message.text);
      } catch {
        continue;
      }
      if (output && typeof output === 'object' && 'error' in output) continue;
      results.push({ tool: result.name, args: argsOfCall.get(result.tool_call_id) ?? {}, output });
    }
  }
  return results;
}

/** `pick(output)` of the newest result of one of these tools that has it. */
export function latestOutput<T>(
  earlier: readonly EarlierResult[] | undefined,
  tools: readonly string[],
  pick: (output: unknown) => T | undefined,
): T | undefined {
  for (const result of [...(earlier ?? [])].reverse()) {
    if (!tools.includes(result.tool) || !result.output || typeof result.output !== 'object') continue;
    const picked = pick(result.output);
    if (picked !== undefined) return picked;
  }
  return undefined;
}
