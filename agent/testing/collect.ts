/** Test helpers: drain a turn's events, and wait for a condition without fixed sleeps. */
import type { ChatEvent } from '../chat-events';

export async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const all: ChatEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

export function answerText(events: ChatEvent[]): string {
  return events.map((event) => (event.type === 'token' ? event.text : '')).join('');
}

/** Polls `check` until it returns a value; fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
