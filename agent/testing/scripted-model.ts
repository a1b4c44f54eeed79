/**
 * A zero-latency scripted chat model for benchmarks: a question gets one tool call, a tool result
 * gets a short streamed answer. Unlike fakeModel it keeps no shared queue, so many conversations
 * can run at once.
 */
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';

export class ScriptedToolModel extends BaseChatModel<BaseChatModelCallOptions, AIMessageChunk> {
  #calls = 0;
  constructor(private readonly call: { name: string; args: Record<string, unknown> }) {
    super({});
  }
  _llmType(): string {
    return 'scripted';
  }
  override bindTools(_tools: BindToolsInput[]): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    return this;
  }
  #reply(messages: BaseMessage[]): AIMessage {
    if (messages.at(-1)?.getType() === 'tool') return new AIMessage('The machine is running; zone 4 is at 244.6 °C (Good) [1].');
    return new AIMessage({ content: '', tool_calls: [{ id: `call_${++this.#calls}`, name: this.call.name, args: this.call.args, type: 'tool_call' }] });
  }
  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.#reply(messages);
    return { generations: [{ text: String(message.content), message }] };
  }
  override async *_streamResponseChunks(messages: BaseMessage[]): AsyncGenerator<ChatGenerationChunk> {
    const message = this.#reply(messages);
    if (message.tool_calls?.length) {
      const chunk = new AIMessageChunk({
        content: '',
        tool_call_chunks: message.tool_calls.map((c, index) => ({
          id: c.id,
          name: c.name,
          args: JSON.stringify(c.args),
          index,
          type: 'tool_call_chunk' as const,
        })),
      });
      yield new ChatGenerationChunk({ text: '', message: chunk });
      return;
    }
    for (const piece of String(message.content).match(/\S+\s*/g) ?? []) yield new ChatGenerationChunk({ text: piece, message: new AIMessageChunk(piece) });
  }
}
