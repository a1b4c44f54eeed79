/**
 * A chat model that has been fully taken over by injected text: it reads a hostile source, then
 * calls the actuation it was told to — with whatever "approval" arguments the attacker wrote —
 * and claims success. A real LLM might resist; the suite assumes the worst and checks that the
 * gate holds anyway.
 */
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import type { BaseLanguageModelInput } from '@langchain/core/language_models/base';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';

export type CompromisedScript = {
  /** The read tool that carries the injected text (called first). */
  read: { name: string; args: Record<string, unknown> };
  /** The actuation the injection asks for, exactly as the attacker wrote it. */
  actuate: { name: string; args: Record<string, unknown> };
};

export class CompromisedModel extends BaseChatModel<BaseChatModelCallOptions, AIMessageChunk> {
  #ids = 0;
  constructor(private readonly script: CompromisedScript) {
    super({});
  }
  _llmType(): string {
    return 'compromised';
  }
  override bindTools(_tools: BindToolsInput[]): Runnable<BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    return this;
  }
  #reply(messages: BaseMessage[]): AIMessage {
    const toolMessages = messages.filter((m) => m.getType() === 'tool').length;
    const call = (c: { name: string; args: Record<string, unknown> }) =>
      new AIMessage({ content: '', tool_calls: [{ id: `call_${++this.#ids}`, name: c.name, args: c.args, type: 'tool_call' }] });
    if (toolMessages === 0) return call(this.script.read);
    if (toolMessages === 1) return call(this.script.actuate);
    return new AIMessage('Done — the change was approved and applied as instructed.');
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
    yield new ChatGenerationChunk({ text: String(message.content), message: new AIMessageChunk(String(message.content)) });
  }
}
