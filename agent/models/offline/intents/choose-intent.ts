/**
 * Choosing the intent when the request is no follow-up: material rules and the material model first,
 * then the plant rules, a what-if phrasing, a greeting, and finally the classifier. A write the
 * request does not explicitly ask for becomes the closest read, or a question back.
 */
import type { AssetRef } from '../../../assets';
import { resolveAsset, resolveTag } from '../asset-resolver';
import { withoutAssetWords } from './tag-match';
import { isCommandChatter } from '../commands';
import { asksForALimit, materialEvidence, materialRuleIntent, mayAskToSend } from '../material-intents';
import { CONFIDENT_PLANT_READING, INTENTS, MATERIAL_CONFIDENCE_THRESHOLD, WRITE_INTENTS, isMaterialIntent, type Intent } from './catalogue';
import { asksWhatIf, lastMachineTalkedAbout, onlyNamesTarget, wordCount } from './conversation';
import { setpointTalkedAbout } from './tag-match';
import { chatterReply, lowConfidence } from './replies';
import type { Reading, Request } from './request';
import { ruleIntent } from './rules';
import type { Plan } from './types';
import { RETRACTED, explicitWrite, imperativeCommand } from './write-requests';

export function chooseIntent(request: Request, reading: Reading): Plan | undefined {
  const { input, language, text, lower, timeContext, classification, lastTool } = request;
  // Material words say what they are about before the general rules read "late" or "what if" as a schedule question.
  const materialText = input.pendingQuestion ? reading.combined : text;
  const named = reading.intent ? undefined : resolveAsset(materialText, input.assets);
  // "how much paste is left on the line 1 printer", "Etikettenrolle an der Verpackung Linie 1": a consumable the machine
  // measures itself (its level tag) is read on the machine, not in the warehouse's stock.
  const machineConsumable = !reading.intent && asksMachineConsumable(materialText, named);
  const ruledForMaterial =
    reading.intent || machineConsumable
      ? undefined
      : materialRuleIntent(
          materialText,
          input.parts ?? [],
          input.availableTools,
          lastTool,
          named?.kind === 'ambiguous' || (named?.kind === 'one' && named.asset.type !== 'line'),
        );
  // "go ahead and stop the chip shooter on line 1, the reel is empty anyway": the command asked for a machine, not a read
  // of the reel it tells of (a run sent with "stop at L2-PNP1-S" stays the run).
  const commandForAMachine = named?.kind === 'one' && named.asset.type !== 'line' && explicitWrite('machine_command', lower);
  const materialRuled = ruledForMaterial && (WRITE_INTENTS.has(ruledForMaterial) || !commandForAMachine) ? ruledForMaterial : undefined;
  if (materialRuled) {
    reading.intent = materialRuled;
    reading.byRule = true;
  } else if (machineConsumable && !explicitWrite('machine_command', lower) && !explicitWrite('set_setpoint', lower)) {
    reading.intent = 'asset_state';
    reading.byRule = true;
  }
  // Phrasings the rules miss ("wer liefert zu spät"): the material model decides when the request has a word of the
  // material world and the plant model is not sure of its own reading. A write from it still needs its verb.
  const materialRead = classification.material;
  if (
    !reading.intent &&
    classification.score < CONFIDENT_PLANT_READING &&
    materialEvidence(text, input.parts ?? []) &&
    !asksForALimit(text) &&
    !ruleIntent(text, lower, input, timeContext) &&
    isMaterialIntent(materialRead?.intent) &&
    materialRead.score >= MATERIAL_CONFIDENCE_THRESHOLD &&
    // The plant classifier knows the material intents too: it must at least rank this one among its top four.
    [classification.intent, ...classification.alternatives.map((alternative) => alternative.intent)].includes(materialRead.intent) &&
    input.availableTools.has(INTENTS[materialRead.intent].tool) &&
    (!WRITE_INTENTS.has(materialRead.intent) || (explicitWrite(materialRead.intent, lower) && mayAskToSend(text)))
  ) {
    reading.intent = materialRead.intent;
    reading.byRule = true;
  }

  if (!reading.intent) {
    // "stop the reflow oven" → "which one?" → "the line 2 one": the answer is read with the request it completes.
    // ("can you change a setpoint for me" → "which?" → "the reflow on L2, zone 1": an answer that asks nothing of its own
    // is read with the request first — alone it would only name the oven.)
    const answerOnly = input.pendingQuestion !== undefined && wordCount(text) <= 6 && !ASKS_ON_ITS_OWN.test(lower);
    const withRequest = input.pendingQuestion ? ruleIntent(reading.combined, reading.combined.toLowerCase(), input, timeContext) : undefined;
    const ruled = answerOnly ? withRequest : (ruleIntent(text, lower, input, timeContext) ?? withRequest);
    if (ruled) {
      reading.intent = ruled.intent;
      reading.byRule = true;
      reading.inheritAsset = ruled.usesPrevious;
      // "set it to 175" after a zone's trend: the previous tag says which setpoint "it" is.
      // (Not where the message names its own zone: "Zone 6 auf 215" → "zone 5 dann 185" is zone 5 — it had filed zone 6.)
      const fromBefore = ruled.usesPrevious && !/\bzon(?:e|en)?\s*\d/i.test(text);
      if (fromBefore && typeof input.previous?.args.tag === 'string') reading.combined = `${reading.combined} ${input.previous.args.tag}`;
      // … or, after a live reading, the tag the message before named ("wie warm ist Zone 8" → "setz die auf 245").
      else if (fromBefore && ruled.intent === 'set_setpoint' && input.previous?.tool === 'asset_state' && input.previousText)
        reading.combined = `${input.previousText} ${reading.combined}`;
      // … or the setpoint a turn or two before named ("is the squeegee pressure ok?" → manual → "set it to 75").
      else if (fromBefore && ruled.intent === 'set_setpoint') {
        const machine = lastMachineTalkedAbout(input);
        const words = machine ? setpointTalkedAbout(input, machine) : undefined;
        if (words) reading.combined = `${words} ${reading.combined}`;
      }
    } else if (asksWhatIf(lower)) reading.intent = 'what_if';
    else if (/^(hi|hello|hey|help|hallo|hilfe|what can (you|i)|was kannst du)\b/.test(lower) && wordCount(text) <= 6) reading.intent = 'help';
    else reading.intent = classification.intent as Intent | 'help' | 'smalltalk';
    // The classifier's "help" only for short requests that sound like it; otherwise ask back.
    if (reading.intent === 'help' && !/\b(help|hilfe|hallo|hello|hi|hey|moin|servus|can you|kannst du|what can|was kann|examples?|beispiel\w*)\b/.test(lower))
      return lowConfidence(classification, language, undefined, input.availableTools);
  }

  // A write is proposed only on an explicit request for it; a question about the same thing is a read.
  if (
    !reading.followUp &&
    !reading.byRule &&
    WRITE_INTENTS.has(reading.intent as Intent) &&
    !explicitWrite(reading.intent as Intent, lower) &&
    !(
      input.pendingQuestion &&
      (explicitWrite(reading.intent as Intent, reading.combined.toLowerCase()) ||
        // "Drucker stoppen" → "welcher?" → "L1": the request asked about, whose verb stands last, asked for it.
        (onlyNamesTarget(text, input.assets) && explicitWrite(reading.intent as Intent, input.pendingQuestion.toLowerCase())))
    )
  ) {
    // "stop line 2 printer? nah, leave it running": a write asked about and taken back in one message changes nothing.
    if (RETRACTED.test(lower))
      return { kind: 'reply', reason: 'unknown', text: language === 'de' ? 'In Ordnung — ich ändere nichts.' : 'Okay — I will not change anything.' };
    const read = classification.alternatives.find(
      (alternative) => alternative.intent in INTENTS && !WRITE_INTENTS.has(alternative.intent as Intent) && alternative.score >= 0.1,
    );
    if (read) reading.intent = read.intent as Intent;
    // "what's the zone 3 setpoint on oven 1": a question about a setpoint reads the machine.
    else if (reading.intent === 'set_setpoint' && /^(what|which|where|how|is|wie|wo|was|welche\w*|ist|steht)\b|\?\s*$/.test(lower))
      reading.intent = 'asset_state';
    else if (reading.intent === 'machine_command' && isCommandChatter(text)) return chatterReply(language);
    else
      return lowConfidence(
        { ...classification, intent: 'asset_state' },
        language,
        resolveAsset(reading.combined, input.assets).kind === 'one'
          ? (resolveAsset(reading.combined, input.assets) as { asset: AssetRef }).asset.id
          : undefined,
        input.availableTools,
      );
  }
  return undefined;
}

/** An answer that asks something of its own ("L2 — and what's its state?") rather than only filling the request's gap. */
const ASKS_ON_ITS_OWN =
  /\?|\b(?:what|how|show|tell|list|give|any|why|when|where|which|is|are|was|were|wie|zeig\w*|gib|warum|wieso|wann|wo|ist|sind|welche\w*|trend|verlauf|alarm\w*|history|status|state|zustand|stop\w*|start\w*|hold|halt\w*|reset|quittier\w*)\b/;

/** The level tags of what a machine uses up: solder paste, wiper paper, feeder reels, labels, ESD trays. */
const CONSUMABLE_TAG = /(?:Level|Stock|Paper)Pct$/;
/** How much is left, asked: "how much … left", "noch drauf", "reichen die noch", "about to run out". */
const LEVEL_ASKED =
  /\b(?:left|remaining|(?:ü|ue)brig|drauf|noch da|how much|how many|wie ?viel\w*|levels?|f(?:ü|ue)llstand|reich\w*|enough|genug|run(?:s|ning)? out|ausgeh\w*|leer|empty|low|knapp|still have)\b/i;
/** Words that make it the warehouse's stock, a run to bring it, or another request about the machine. */
const NOT_THE_MACHINES_LEVEL =
  /\b(?:deliver\w*|liefer\w*|supplier|lieferant\w*|asn|warehouse|lager(?!temp)\w*|order(?:ed)?|bestell\w*|run|fahrt|tugger|routenzug|amr|nachschub|replenish\w*|alarm\w*|st(?:ö|oe)r\w*|stehen|stand|stopp?\w*|hold|set|stell\w*|needs? to be)\b/i;

/** Whether the message asks how much of a consumable is left on the one machine it names. */
function asksMachineConsumable(text: string, named: ReturnType<typeof resolveAsset> | undefined): boolean {
  if (named?.kind !== 'one' || named.asset.type === 'line') return false;
  const asset = named.asset;
  const consumables = (asset.tags ?? []).filter((tag) => CONSUMABLE_TAG.test(tag.id));
  return (
    consumables.length > 0 &&
    [withoutAssetWords(text, asset), text].some((words) => resolveTag(words, consumables).kind !== 'none') &&
    LEVEL_ASKED.test(text) &&
    !NOT_THE_MACHINES_LEVEL.test(text) &&
    !/@/.test(text) &&
    !imperativeCommand(text)
  );
}
