/**
 * A write whose machine the conversation leaves open is asked back, never guessed. "hold placer 2 on line 1" → "and
 * placer 2 on line 2" → "ok start it again": "it" is either placer; "status of the AOI on line 1" → "… and the AOI on
 * line 2" → "stop the AOI": either AOI; "RUL of the L2 oven blower" → "and the compressor" → "book the oven blower into
 * its window": not the compressor just read. A read may follow the last machine talked about; a write files an approval
 * request a busy supervisor might approve, so it names its machine or the conversation has only one that fits.
 */
import type { AssetRef } from '../../../assets';
import { resolveAsset } from '../asset-resolver';
import { pendingAsk } from '../pending-answer';
import { WRITE_INTENTS } from './catalogue';
import { FIRST_MENTIONED, SECOND_MENTIONED, machinesTalkedAbout } from './conversation';
import { clarify, say } from './replies';
import type { Language } from '../training-set';
import type { Plan, PlanInput } from './types';

function whichOne(candidates: AssetRef[], language: Language): Plan {
  const options = candidates.map((asset) => `**${asset.name}** (${asset.id})`).join(language === 'de' ? ' oder ' : ' or ');
  return clarify(
    say(
      language,
      `We talked about more than one: ${options}. Which one should it be? A change is filed for one named machine.`,
      `Wir hatten mehrere: ${options}. Welche soll es sein? Eine Änderung wird für genau eine Maschine eingereicht.`,
    ),
  );
}

export function targetLeftOpen(input: PlanInput, plan: Plan, language: Language): Plan {
  // (An answer to the copilot's "which one?" or "what value?" finishes a request whose machine that question settled; after
  // an "I am not sure what you mean" the machine is as open as before.)
  const settled = input.pendingQuestion !== undefined && pendingAsk(input.pendingAsk).kind !== 'other';
  if (plan.kind !== 'tool' || !WRITE_INTENTS.has(plan.intent) || input.confirmed || settled) return plan;
  const planned = input.assets.find((asset) => asset.id === plan.args.asset && asset.type !== 'line');
  if (!planned) return plan;
  const named = resolveAsset(input.text, input.assets);
  const lower = input.text.toLowerCase();
  // ("line 2 looks fine. back to the first one – zone 3 to 185": the line is judged; "the first one" is the machine.)
  const byPlace = FIRST_MENTIONED.test(lower) || SECOND_MENTIONED.test(lower);
  if (named.kind === 'one' && !(byPlace && named.asset.type === 'line')) return plan;
  const talked = machinesTalkedAbout(input, 3);
  if (named.kind === 'ambiguous') {
    const inTalk = named.candidates.filter((candidate) => talked.includes(candidate));
    if (inTalk.length >= 2) return whichOne(inTalk, language);
    // "book the oven blower into its window" after the L2 oven and the compressor: a kind named, talked about before, that
    // the machine chosen is not. (Not "too warm for the ovens. take the setpoint down to 14" after the chiller: ovens no
    // one talked about are the reason.)
    if (!named.candidates.includes(planned) && inTalk.length === 1) return whichOne([inTalk[0]!, planned], language);
    return plan;
  }
  // Nothing named: "it", "den", a zone — the conversation's machine, when only one of that kind was talked about.
  const sameKind = talked.filter((asset) => asset.type === planned.type);
  if (sameKind.length < 2) return plan;
  // "L1 SPI state" → "L2 SPI state" → "hold the second one", "die erste wieder starten": by the order they came up (the
  // list is latest first).
  const byOrder = sameKind.length === 2 ? (FIRST_MENTIONED.test(lower) ? sameKind[1] : SECOND_MENTIONED.test(lower) ? sameKind[0] : undefined) : undefined;
  return byOrder ? { ...plan, args: { ...plan.args, asset: byOrder.id }, asset: byOrder } : whichOne(sameKind, language);
}
