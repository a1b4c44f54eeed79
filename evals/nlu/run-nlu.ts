/**
 * Puts each NLU item to a chat model the way the agent would: the system prompt, the earlier turns
 * (each tool call answered with a small plausible result, then the model's answer), then the item's
 * text — and records what the model's first reply does. Scoring is separate (nlu-metrics.ts).
 */
import { AIMessage, HumanMessage, SystemMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { AssetRef } from '../../agent/assets';
import { systemPrompt } from '../../agent/system-prompt';
import type { AnyTool } from '../../tools/tool';
import { contextToolResult } from './context-tool-results';
import { DEFAULT_NOW, type NluItem } from './nlu-item';
import { bindableTools } from './registry-tools';

/** A context turn may take a few tool rounds (call, result, answer); more is a loop. */
const MAX_ROUNDS_PER_TURN = 4;

export type ObservedToolCall = { name: string; args: Record<string, unknown> };

export type NluObservation = {
  id: string;
  /** The calls in the model's reply to the item's text, in order. */
  calls: ObservedToolCall[];
  /** The reply is a clarifying question (response_metadata.plantpilot_clarify === true). */
  clarified: boolean;
  /** The reply's text, shortened, for reading failures. */
  answer: string;
  /** Set when the model threw; the item then counts as misunderstood. */
  error?: string;
  latencyMs: number;
};

export type NluModelFactory = (clock: () => Date) => BaseChatModel;

function callsOf(message: AIMessage): ObservedToolCall[] {
  return (message.tool_calls ?? []).map((call) => ({ name: call.name, args: (call.args ?? {}) as Record<string, unknown> }));
}

function textOf(message: AIMessage): string {
  const content = message.content;
  return typeof content === 'string' ? content : JSON.stringify(content);
}

/**
 * Runs every item through one model instance whose clock is set to the item's `now` before it is
 * asked (a model may take seconds to build, so it is built once).
 */
export async function runNluItems(input: {
  items: readonly NluItem[];
  createModel: NluModelFactory;
  tools: readonly AnyTool[];
  assets: readonly AssetRef[];
  onItem?: (observation: NluObservation, index: number) => void;
}): Promise<NluObservation[]> {
  let current = new Date(DEFAULT_NOW);
  const model = input.createModel(() => current);
  if (typeof model.bindTools !== 'function') throw new Error('The model cannot bind tools.');
  const bound = model.bindTools(bindableTools(input.tools));
  const observations: NluObservation[] = [];
  for (const [index, item] of input.items.entries()) {
    current = new Date(item.now ?? DEFAULT_NOW);
    const started = performance.now();
    let observation: NluObservation;
    try {
      const messages: BaseMessage[] = [new SystemMessage(systemPrompt({ assets: [...input.assets], now: current }))];
      let callIds = 0;
      for (const turn of item.context ?? []) {
        messages.push(new HumanMessage(turn));
        for (let round = 0; round < MAX_ROUNDS_PER_TURN; round++) {
          const reply = (await bound.invoke(messages)) as AIMessage;
          const calls = reply.tool_calls ?? [];
          // Give every call an id so the tool messages can answer it, as the agent's tool node does.
          const withIds = calls.map((call) => ({ ...call, id: call.id ?? `ctx_${++callIds}`, type: 'tool_call' as const }));
          messages.push(new AIMessage({ content: reply.content, tool_calls: withIds, response_metadata: reply.response_metadata }));
          if (withIds.length === 0) break;
          for (const call of withIds) {
            messages.push(new ToolMessage({ tool_call_id: call.id, name: call.name, content: JSON.stringify(contextToolResult(call.name, call.args ?? {})) }));
          }
        }
      }
      messages.push(new HumanMessage(item.text));
      const reply = (await bound.invoke(messages)) as AIMessage;
      observation = {
        id: item.id,
        calls: callsOf(reply),
        clarified: reply.response_metadata?.plantpilot_clarify === true,
        answer: textOf(reply).slice(0, 300),
        latencyMs: performance.now() - started,
      };
    } catch (error) {
      observation = {
        id: item.id,
        calls: [],
        clarified: false,
        answer: '',
        error: error instanceof Error ? error.message : String(error),
        latencyMs: performance.now() - started,
      };
    }
    observations.push(observation);
    input.onItem?.(observation, index);
  }
  return observations;
}
