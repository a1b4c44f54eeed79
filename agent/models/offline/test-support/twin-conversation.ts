/**
 * A conversation with the offline model over the twin's catalogue, typed turn by turn at PLANT_NOW: each turn's planned
 * reply kept, its tool calls answered with an empty stand-in result (what the turn asks for is the point, not the data).
 */
import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { twinAssets } from '../../../twin-assets';
import { twinOrders } from '../../../twin-orders';
import { twinParts } from '../../../twin-parts';
import { INTENTS } from '../intents';
import { OfflineChatModel } from '../offline-model';
import { PLANT_NOW } from './twin-understanding';

const model = new OfflineChatModel(
  {
    listAssets: async () => twinAssets(),
    listParts: async () => twinParts(),
    listOrders: async () => twinOrders(),
    now: () => PLANT_NOW,
    timeZone: 'Europe/Berlin',
  },
  Object.values(INTENTS).map((intent) => intent.tool),
);

/** The model's reply to the last of `texts`, each earlier one asked and answered first. */
export async function conversation(...texts: string[]): Promise<AIMessage> {
  const history: BaseMessage[] = [];
  let planned: AIMessage | undefined;
  for (const text of texts) {
    history.push(new HumanMessage(text));
    planned = await model.reply(history);
    history.push(planned);
    for (const call of planned.tool_calls ?? []) history.push(new ToolMessage({ tool_call_id: call.id!, name: call.name, content: '{}' }));
    if ((planned.tool_calls ?? []).length > 0) history.push(await model.reply(history));
  }
  return planned!;
}
