/**
 * The offline model: a deterministic LangChain chat model for machines with no model server. It
 * reads the last user request, plans one tool call (only for tools bound at run time), and once the
 * results are back writes the answer from them. It streams its answer word by word like a real model.
 */
import { firstOfTwoRequests } from './two-requests';
import { withoutMailFrame } from './mail-frame';
import { randomUUID } from 'node:crypto';
import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import { BaseChatModel, type BaseChatModelCallOptions, type BindToolsInput } from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import type { Runnable } from '@langchain/core/runnables';
import type { ListAssets } from '../../assets';
import type { ListOrders, OrderRef } from '../../orders';
import type { ListParts, PartRef } from '../../parts';
import { writeAnswer, type ToolResultForAnswer } from './answer-writer';
import { earlierResults } from './earlier-results';
import type { PreviousCall } from './intents';
import { intentEngine } from './intent-classifier';
import { conversationLanguage } from './language';
import { understand } from './understand';

export const OFFLINE_MODEL_NAME = 'offline intent model';

export type OfflineModelOptions = {
  listAssets: ListAssets;
  /** The plant's parts, for material requests ("how long does the STM32 last"); none when not given. */
  listParts?: ListParts;
  /** The order book, for orders named by product ("der HMI-Auftrag auf Linie 2"); none when not given. */
  listOrders?: ListOrders;
  now?: () => Date;
  /** The plant's IANA time zone (PLANTPILOT_TIME_ZONE); times people type are read in it. */
  timeZone?: string;
};

/** Marks a reply that refused a request (e.g. a write it will not file), for the UI and evaluations. */
const REFUSAL_MARK = 'plantpilot_refusal';

/**
 * The last turn's tool call, for follow-ups ("and line 2?", "why?"): its first call, the one asked for. Reads
 * made alongside it (the manual's normal band for "O2 zu hoch?") come after it, and "und auf der Zwo?" asks
 * the question again for line 2, not the band.
 */
function previousCall(messages: BaseMessage[]): PreviousCall | undefined {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.getType() !== 'ai') continue;
    const [call, ...others] = (message as AIMessage).tool_calls ?? [];
    if (!call) continue;
    const alsoAssets = others.flatMap((other) => (typeof other.args.asset === 'string' && other.args.asset !== call.args.asset ? [other.args.asset] : []));
    return { tool: call.name, args: call.args, ...(alsoAssets.length > 0 ? { alsoAssets } : {}) };
  }
  return undefined;
}

/** Marks a reply that asked "which one?", so the next turn can complete the original question. */
const CLARIFY_MARK = 'plantpilot_clarify';

function toolNameOf(tool: BindToolsInput): string | undefined {
  if (typeof tool !== 'object' || tool === null) return undefined;
  const record = tool as { name?: unknown; function?: { name?: unknown } };
  if (typeof record.name === 'string') return record.name;
  return typeof record.function?.name === 'string' ? record.function.name : undefined;
}

export class OfflineChatModel extends BaseChatModel<BaseChatModelCallOptions, AIMessageChunk> {
  readonly #options: OfflineModelOptions;
  readonly #tools: ReadonlySet<string>;

  constructor(options: OfflineModelOptions, toolNames: Iterable<string> = []) {
    super({});
    this.#options = options;
    this.#tools = new Set(toolNames);
  }

  /** The part list, or none when it cannot be read now: material requests then ask which part rather than fail the turn. */
  async #parts(): Promise<PartRef[]> {
    try {
      return (await this.#options.listParts?.()) ?? [];
    } catch {
      return [];
    }
  }

  /** The order book, or none when it cannot be read now: an order named by product then reads as before. */
  async #orders(): Promise<OrderRef[]> {
    try {
      return (await this.#options.listOrders?.()) ?? [];
    } catch {
      return [];
    }
  }

  _llmType(): string {
    return 'plantpilot-offline';
  }

  override bindTools(
    tools: BindToolsInput[],
  ): Runnable<import('@langchain/core/language_models/base').BaseLanguageModelInput, AIMessageChunk, BaseChatModelCallOptions> {
    return new OfflineChatModel(
      this.#options,
      tools.map(toolNameOf).filter((name): name is string => name !== undefined),
    );
  }

  /** Decides the next message: answer from tool results if the last step called tools, else plan. */
  async reply(messages: BaseMessage[]): Promise<AIMessage> {
    const last = messages.at(-1);
    if (last && last.getType() === 'tool') {
      const results: ToolResultForAnswer[] = [];
      for (let index = messages.length - 1; index >= 0; index--) {
        const message = messages[index]!;
        if (message.getType() !== 'tool') {
          const calls = (message as AIMessage).tool_calls ?? [];
          for (const result of results) result.args = calls.find((call) => call.id === result.args.__id)?.args ?? {};
          break;
        }
        const toolMessage = message as BaseMessage & { name?: string; tool_call_id?: string };
        results.unshift({ tool: toolMessage.name ?? 'tool', args: { __id: toolMessage.tool_call_id }, content: message.text });
      }
      const humans = messages.filter((message) => message.getType() === 'human');
      // "what's the compressor pressure now, and can you also pull its alarms": the part answered leads the answer.
      const typed = humans.at(-1)?.text ?? '';
      const unframed = withoutMailFrame(typed);
      const asked = firstOfTwoRequests(unframed) ?? unframed;
      // "what's the O2 on oven 1" → "and on oven 2?": the follow-up asks the same value, so the earlier question
      // says which value leads the answer.
      // "Vibration vom Bestücker 2, letzte 8 h" → "ist das normal?": the value judged is the one asked before.
      const followUp =
        /^\s*(and|und|what about|how about|same for|also|auch|und bei|und was ist mit|is (?:that|this|it)|ist (?:das|der|die|es)|passt (?:das|der|die)|too|zu|so|what should|wie (?:hoch|viel|warm) soll|was soll)\b/i.test(
          asked,
        ) && asked.trim().split(/\s+/).length <= 6;
      // "when will it be done", "wann ist der fertig": a short question about what the one before named.
      const refersBack =
        (/\b(it|its|it's|that one|this one|er|ihn|ihm|dessen|davon)\b/i.test(asked) ||
          /\b(?:ist|is|sind|are)\s+(?:der|die|das|den|they)\s+(?:fertig|done|finished|durch|ready|drauf|dran)\b/i.test(asked)) &&
        !/\b(?:PO-?)?\d{5}\b|\b[A-Z]{1,3}\d?-[A-Z]{2,5}\d?\b/i.test(asked) &&
        asked.trim().split(/\s+/).length <= 7;
      const question = followUp || refersBack ? `${humans.at(-2)?.text ?? ''} ${asked}` : asked;
      const language = conversationLanguage(asked, humans.at(-2)?.text);
      // Which line each machine stands on, for answers narrowed to a line (a handover "nur Linie 2").
      const assetLines = Object.fromEntries(
        (await this.#options.listAssets()).flatMap((asset) => (asset.line && asset.type !== 'line' ? [[asset.id, asset.line]] : [])),
      );
      return new AIMessage(writeAnswer(results, { language, question, latest: asked, timeZone: this.#options.timeZone, assetLines }));
    }

    const humans = messages.filter((message) => message.getType() === 'human');
    const question = humans.at(-1);
    if (!question) return new AIMessage('Ask me about the plant, e.g. “Give me an overview of the plant”.');
    const previousAi = [...messages].reverse().find((message) => message.getType() === 'ai');
    const pendingQuestion = pendingRequest(messages);
    const plan = await understand({
      text: question.text,
      earlier: earlierResults(messages),
      pendingQuestion: pendingQuestion || undefined,
      pendingAsk: pendingQuestion ? previousAi?.text : undefined,
      previous: previousCall(messages),
      previousText: humans.at(-2)?.text,
      assets: await this.#options.listAssets(),
      parts: await this.#parts(),
      orders: await this.#orders(),
      availableTools: this.#tools,
      now: (this.#options.now ?? (() => new Date()))(),
      timeZone: this.#options.timeZone,
    });
    if (plan.kind === 'reply')
      return new AIMessage({
        content: plan.text,
        response_metadata: { [CLARIFY_MARK]: plan.reason === 'clarify', ...(plan.reason === 'refusal' ? { [REFUSAL_MARK]: true } : {}) },
      });
    return new AIMessage({
      content: '',
      // A companion read ("the value, and what is normal") goes in the same step, so one answer holds both.
      tool_calls: [plan, ...(plan.also ?? [])].map((call) => ({
        id: `call_${randomUUID().replace(/-/g, '').slice(0, 24)}`,
        name: call.tool,
        args: call.args,
        type: 'tool_call' as const,
      })),
    });
  }

  async _generate(messages: BaseMessage[]): Promise<ChatResult> {
    const message = await this.reply(messages);
    return { generations: [{ text: message.text, message }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = await this.reply(messages);
    if (message.tool_calls && message.tool_calls.length > 0) {
      const chunk = new AIMessageChunk({
        content: '',
        tool_call_chunks: message.tool_calls.map((call, index) => ({
          id: call.id,
          name: call.name,
          args: JSON.stringify(call.args),
          index,
          type: 'tool_call_chunk' as const,
        })),
        response_metadata: message.response_metadata,
      });
      yield new ChatGenerationChunk({ text: '', message: chunk });
      return;
    }
    // Word by word, keeping the whitespace, so the UI streams the answer like a real model's.
    const pieces = message.text.match(/\S+\s*|\s+/g) ?? [''];
    for (const [index, piece] of pieces.entries()) {
      const chunk = new AIMessageChunk({ content: piece, response_metadata: index === 0 ? message.response_metadata : {} });
      yield new ChatGenerationChunk({ text: piece, message: chunk });
      await runManager?.handleLLMNewToken(piece);
    }
  }
}

export function createOfflineModel(options: OfflineModelOptions): OfflineChatModel {
  // Load the stored classifier now, so the first question does not wait for it. The time
  // recognizer (seconds to load) is loaded only when a request needs it.
  intentEngine().catch(() => undefined);
  return new OfflineChatModel(options);
}

/** Whether a reply of the model's was a question back. */
function askedBack(message: BaseMessage | undefined): boolean {
  return (
    message?.getType() === 'ai' &&
    ((message.response_metadata as Record<string, unknown> | undefined)?.[CLARIFY_MARK] === true || /^(Which|Welche)/.test(message.text ?? ''))
  );
}

/**
 * The request a question back was about, when the message answers one: the turn before it, and where that turn itself
 * answered a question back, the turns before that too ("can you change a setpoint for me" → "the reflow on L2, zone 1"
 * → "140": the three say one request). At most three turns, oldest first.
 */
function pendingRequest(messages: BaseMessage[]): string | undefined {
  const turns: string[] = [];
  let index = messages.length - 1;
  // The message itself, then a question back before it, then the turn it asked about — as long as that pattern repeats.
  while (turns.length < 3) {
    const reply = messages[index - 1];
    const asked = messages[index - 2];
    if (!askedBack(reply) || asked?.getType() !== 'human') break;
    turns.unshift(asked.text);
    index -= 2;
  }
  return turns.join(' ').trim() || undefined;
}
