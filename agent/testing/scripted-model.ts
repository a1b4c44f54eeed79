/**
 * A zero-latency scripted chat model for benchmarks: a question gets one tool call, a tool result
 * gets a short streamed answer.
 */
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { ScriptedChatModel, type ScriptedToolCall } from './scripted-chat-model';

export class ScriptedToolModel extends ScriptedChatModel {
  constructor(private readonly call: ScriptedToolCall) {
    super();
  }
  _llmType(): string {
    return 'scripted';
  }
  protected reply(messages: BaseMessage[]): AIMessage {
    if (messages.at(-1)?.getType() === 'tool') return new AIMessage('The machine is running; zone 4 is at 244.6 °C (Good) [1].');
    return this.toolCall(this.call);
  }
}
