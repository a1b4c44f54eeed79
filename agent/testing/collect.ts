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

export { eventually } from '../../test/eventually';
