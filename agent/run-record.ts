/**
 * What one graph run showed the person, kept in memory while the run streams and written in one
 * statement when it ends (ConversationStore.record). The graph's own state is saved when the run
 * exits too (durability "exit"), so the displayed history and the model's memory stay in step:
 * a run cut off by a crash leaves neither behind.
 */
import type { ToolCallRecord } from './chat-events';
import type { NewMessage } from './conversation-store';

export class RunRecord {
  private messages: NewMessage[] = [];
  private toolUpdates: ToolCallRecord[] = [];

  append(message: NewMessage): void {
    this.messages.push(message);
  }

  /** A new record for a tool call shown before (an approval reaching its outcome). */
  replaceToolCall(call: ToolCallRecord): void {
    const shownThisRun = this.messages.find((message) => message.tool?.id === call.id);
    if (shownThisRun) shownThisRun.tool = call;
    else this.toolUpdates.push(call);
  }

  /** Everything not yet written, once: a second call returns nothing new. */
  drain(): { messages: NewMessage[]; toolUpdates: ToolCallRecord[] } {
    const drained = { messages: this.messages, toolUpdates: this.toolUpdates };
    this.messages = [];
    this.toolUpdates = [];
    return drained;
  }
}
