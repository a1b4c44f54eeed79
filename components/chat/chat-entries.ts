/** The chat as a list of entries, built from stored history or from streamed events, the same way. */
import type { ChatEvent, StoredMessage, ToolCallRecord } from '../../agent/chat-events';
import type { Source } from '../../tools/sources';

export type Entry =
  | { kind: 'user'; text: string }
  | { kind: 'assistant'; text: string; model?: string }
  | { kind: 'tool'; call: ToolCallRecord }
  | { kind: 'error'; text: string }
  /** A line from the page itself, e.g. that a question went to a new conversation. */
  | { kind: 'note'; text: string };

export function entriesFromHistory(messages: StoredMessage[]): Entry[] {
  return messages.map((message): Entry => {
    if (message.role === 'tool' && message.tool) return { kind: 'tool', call: message.tool };
    if (message.role === 'assistant') return { kind: 'assistant', text: message.content, model: message.model };
    if (message.role === 'error') return { kind: 'error', text: message.content };
    return { kind: 'user', text: message.content };
  });
}

/** Applies one streamed event to the entries (pure, for React state). */
export function applyEvent(entries: Entry[], event: ChatEvent, model: string): Entry[] {
  const last = entries.at(-1);
  switch (event.type) {
    case 'token':
      if (last?.kind === 'assistant') return [...entries.slice(0, -1), { ...last, text: last.text + event.text }];
      return [...entries, { kind: 'assistant', text: event.text, model }];
    case 'tool_call':
      return [...entries, { kind: 'tool', call: event.call }];
    case 'tool_result': {
      const index = entries.findLastIndex((entry) => entry.kind === 'tool' && entry.call.id === event.call.id);
      if (index < 0) return [...entries, { kind: 'tool', call: event.call }];
      return entries.map((entry, i) => (i === index ? { kind: 'tool', call: event.call } : entry));
    }
    case 'approval_requested': {
      const index = entries.findLastIndex((entry) => entry.kind === 'tool' && entry.call.id === event.toolCallId);
      const call: ToolCallRecord = {
        id: event.toolCallId,
        name: event.tool,
        args: event.args,
        status: 'awaiting_approval',
        sources: [],
        approval: { id: event.approvalId, status: 'pending', summary: event.summary },
      };
      if (index < 0) return [...entries, { kind: 'tool', call }];
      return entries.map((entry, i) =>
        i === index && entry.kind === 'tool' ? { kind: 'tool', call: { ...entry.call, ...call, title: entry.call.title } } : entry,
      );
    }
    case 'error':
      return [...entries, { kind: 'error', text: event.message }];
    default:
      return entries;
  }
}

/** The sources an assistant entry may cite: those of the tool results since the last question. */
export function sourcesBefore(entries: Entry[], index: number): Source[] {
  const sources: Source[] = [];
  for (let i = index - 1; i >= 0; i--) {
    const entry = entries[i]!;
    if (entry.kind === 'user') break;
    if (entry.kind === 'tool') sources.unshift(...entry.call.sources);
  }
  return sources;
}
