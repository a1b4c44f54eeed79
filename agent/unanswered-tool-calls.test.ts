import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { answerUnansweredToolCalls } from './unanswered-tool-calls';

const call = (id: string) => ({ id, name: 'asset_state', args: { asset: 'L1-RFL' } });

describe('answerUnansweredToolCalls', () => {
  it('answers a call left without a result right after the message that made it', () => {
    const messages = [
      new HumanMessage('state of the oven?'),
      new AIMessage({ content: '', tool_calls: [call('a'), call('b')] }),
      new ToolMessage({ tool_call_id: 'a', content: '{}' }),
      new HumanMessage('and now?'),
    ];
    const patched = answerUnansweredToolCalls(messages);
    expect(patched.map((message) => message.getType())).toEqual(['human', 'ai', 'tool', 'tool', 'human']);
    expect(patched[2]).toMatchObject({ tool_call_id: 'b', status: 'error' });
    expect(String(patched[2]!.content)).toMatch(/did not complete/);
    expect(patched[3]).toBe(messages[2]);
  });

  it('leaves a well-formed history untouched', () => {
    const messages = [new HumanMessage('hi'), new AIMessage({ content: '', tool_calls: [call('a')] }), new ToolMessage({ tool_call_id: 'a', content: '{}' })];
    expect(answerUnansweredToolCalls(messages)).toBe(messages);
  });
});
