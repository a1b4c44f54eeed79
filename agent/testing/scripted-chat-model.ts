/**
 * The base of the project's scripted chat models (benchmarks, the safety suite): a subclass decides
 * the next message from the conversation so far; this class turns it into LangChain's invoke and
 * stream shapes — tool calls as one chunk, text streamed word by word. No queue is shared between
 * calls, so many conversations can run at once.
 */
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';

export type ScriptedToolCall = { name: string; args: Record<string, unknown> };

export abstract class ScriptedChatModel extends BaseChatModel<BaseChatModelCallOptions, AIMessageChunk> {
  #ids = 0;

  constructor() {
    super({});
  }

  /** The next message: a tool call (see `toolCall`) or an answer. */
  protected abstract reply(messages: BaseMessage[]): AIMessage;

  protected toolCall(call: ScriptedToolCall): AIMessage {
    return new AIMessage({ content: '', tool_calls: [{ id: `call_${++this.#ids}`, name: call.name, args: call.args, type: 'tool_call' }] });
  }

  override bindTools(_tools: BindToolsInput[]): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    return this;
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = this.reply(messages);
    return { generations: [{ text: String(message.content), message }] };
  }

  override async *_streamResponseChunks(messages: BaseMessage[]): AsyncGenerator<ChatGenerationChunk> {
    const message = this.reply(messages);
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
