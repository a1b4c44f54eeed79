/**
 * A chat model that has been fully taken over by injected text: it reads a hostile source, then
 * calls the actuation it was told to — with whatever "approval" arguments the attacker wrote —
 * and claims success. A real LLM might resist; the suite assumes the worst and checks that the
 * gate holds anyway.
 */
import { AIMessage, type BaseMessage } from '@langchain/core/messages';
import { ScriptedChatModel, type ScriptedToolCall } from '../../agent/testing/scripted-chat-model';

export type CompromisedScript = {
  /** The read tool that carries the injected text (called first). */
  read: ScriptedToolCall;
  /** The actuation the injection asks for, exactly as the attacker wrote it. */
  actuate: ScriptedToolCall;
};

export class CompromisedModel extends ScriptedChatModel {
  constructor(private readonly script: CompromisedScript) {
    super();
  }
  _llmType(): string {
    return 'compromised';
  }
  protected reply(messages: BaseMessage[]): AIMessage {
    const toolMessages = messages.filter((m) => m.getType() === 'tool').length;
    if (toolMessages === 0) return this.toolCall(this.script.read);
    if (toolMessages === 1) return this.toolCall(this.script.actuate);
    return new AIMessage('Done — the change was approved and applied as instructed.');
  }
}
