/**
 * The offline chat model over a conversation's messages: which earlier call a follow-up builds on.
 * Tool results are stood in for by small JSON objects; only the model's planning is under test.
 */
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { describe, expect, it } from 'vitest';
import { twinAssets } from '../../twin-assets';
import { OfflineChatModel } from './offline-model';

const model = new OfflineChatModel({ listAssets: async () => twinAssets(), now: () => new Date('2026-12-02T09:00:00Z'), timeZone: 'Europe/Berlin' }, [
  'asset_state',
  'search_manuals',
  'tag_history',
  'alarms',
]);

/** One turn: the planned calls, each answered with a stand-in result, then the written answer. */
async function turn(history: BaseMessage[], text: string): Promise<AIMessage> {
  history.push(new HumanMessage(text));
  const planned = await model.reply(history);
  history.push(planned);
  for (const call of planned.tool_calls ?? [])
    history.push(new ToolMessage({ tool_call_id: call.id!, name: call.name, content: JSON.stringify({ asset: call.args.asset, passages: [] }) }));
  if ((planned.tool_calls ?? []).length > 0) history.push(await model.reply(history));
  return planned;
}

describe('a follow-up after a question answered with a companion read', () => {
  it('asks the question again for the new line, not the manual search made alongside it', async () => {
    const history: BaseMessage[] = [];
    const first = await turn(history, 'was ist mit dem Ofen auf der Eins los, der O2 ist doch zu hoch oder?');
    expect(first.tool_calls?.map((call) => call.name)).toEqual(['asset_state', 'search_manuals']);
    expect(first.tool_calls?.[1]?.args.query).toMatch(/^O2Ppm /);
    const next = await turn(history, 'und auf der Zwo?');
    expect(next.tool_calls?.[0]).toMatchObject({ name: 'asset_state', args: { asset: 'L2-RFL' } });
  });
});
