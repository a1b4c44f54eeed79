import { AIMessage } from '@langchain/core/messages';
import { fakeModel } from '@langchain/core/testing';
import { describe, expect, it } from 'vitest';
import { createChatSummarize } from './model-summary';

describe('chat-model summarize', () => {
  it('sends the report and returns the model text', async () => {
    const model = fakeModel().respond(new AIMessage('Line1 made 900 good boards.'));
    const summarize = createChatSummarize(model);
    expect(await summarize('{"kpis":{}}')).toBe('Line1 made 900 good boards.');
  });
});
