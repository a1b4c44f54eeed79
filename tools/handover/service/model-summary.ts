/**
 * A `Summarize` backed by the configured chat model (any OpenAI-compatible server through LangChain).
 * The prompt hands the model the report JSON and asks for a short narrative using only its numbers;
 * summary.ts then checks that it did, and falls back to the deterministic summary if not.
 */
import type { BaseChatModel } from '@langchain/core/language_models/chat_models';
import { HumanMessage, SystemMessage } from '@langchain/core/messages';
import type { Summarize } from '../engine/summary';

const SYSTEM_PROMPT = [
  'You write the opening paragraph of a factory shift handover for the incoming shift lead.',
  'Use only facts, numbers, machine ids and alarm codes that appear in the report JSON you are given; never estimate, round differently or add causes.',
  'Lead with what needs attention now (still-active priority-1/2 alarms, machines still down, failed changes, quality holds), then production vs plan and OEE per line.',
  'At most 5 sentences, plain text, no links, no lists, no headings.',
].join(' ');

export function createChatSummarize(chat: BaseChatModel, options: { timeoutMs?: number } = {}): Summarize {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return async (reportJson, signal) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const response = await chat.invoke([new SystemMessage(SYSTEM_PROMPT), new HumanMessage(reportJson)], {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    const content = response.content;
    return typeof content === 'string'
      ? content
      : content.map((part) => (typeof part === 'object' && part !== null && 'text' in part && typeof part.text === 'string' ? part.text : '')).join('');
  };
}
