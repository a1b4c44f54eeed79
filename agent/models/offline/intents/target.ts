/**
 * The request's target (machine or line): named, carried over from the previous turn, or found by the
 * measurement it names. The target can still change the intent: a short request naming a machine asks
 * for its state, and a measurement over a window is a trend.
 */
import type { AssetRef } from '../../../assets';
import { assetOfValueClause, mentionedLine, resolveAsset, resolveTag, type AssetResolution } from '../asset-resolver';
import { parseCommand } from '../commands';
import { parseTimeWindow } from '../time-window';
import { CONFIDENCE_THRESHOLD, WRITE_INTENTS, isMaterialIntent, type Intent } from './catalogue';
import {
  FIRST_MENTIONED,
  PRONOUN,
  SECOND_MENTIONED,
  inheritedTarget,
  lastMachineTalkedAbout,
  machinesTalkedAbout,
  sameKindOnLine,
  wordCount,
} from './conversation';
import type { Reading, Request } from './request';
import { orderId } from './slots';
import { assetByTag, withoutAssetWords } from './tag-match';
import { imperativeCommand } from './write-requests';

export function resolveTarget(request: Request, reading: Reading): AssetResolution {
  const { input, language, text, lower, timeContext, classification } = request;
  // The machine or line of the turn before, which several readings below fall back on.
  const previous = inheritedTarget(input.previous, input.assets) ?? (input.previous ? lastMachineTalkedAbout(input) : undefined);
  let resolution = resolveAsset(reading.combined, input.assets);
  // "stell den Kompressor mal auf 6,5 bar ein, die Bestücker ziehen zu wenig Vakuum": a setpoint's machine is the one of the
  // clause with the value, not every machine the reason names.
  if (resolution.kind === 'ambiguous' && reading.intent === 'set_setpoint') resolution = assetOfValueClause(text, input.assets) ?? resolution;
  // "zeig mir den Kompressor" → "wie lang halten die Lager noch", "when we must change his bearings?": the wearing part of
  // the machine just talked about.
  if (
    reading.intent === 'maintenance_forecast' &&
    resolution.kind === 'none' &&
    previous &&
    previous.type !== 'line' &&
    /\b(?:his|its|her|their|the (?:bearings?|spindles?|blowers?|pumps?|fans?|belts?)|die (?:lager|spindel|pumpe)|das (?:lager|geblaese|gebläse)|der (?:l(?:ü|ue)fter|riemen)|seine?|ihre?|dessen)\b/.test(
      lower,
    )
  )
    resolution = { kind: 'one', asset: previous };
  // "show me all work orders for that oven": of the ovens, the one the conversation is about.
  if (/\b(that|this|the same|same|dies\w*|de[nm]selben|der gleiche\w*|jene\w*)\b/.test(lower)) resolution = previousAmong(resolution, previous);
  // "und der Ofen dort, Zone 4?" → "zu kalt, mach 242 draus": a request that builds on the turn before is read with that
  // turn's words, and "der Ofen" there meant the oven that turn's call read, not either oven.
  if (reading.inheritAsset) resolution = previousAmong(resolution, previous);
  // The rules found no machine of the request's own ("too warm for the ovens. take the setpoint down to 14" after the
  // chiller's trend: the ovens are why), so the machine is the one just talked about.
  if (reading.inheritAsset && previous && resolution.kind === 'ambiguous' && !resolution.candidates.includes(previous))
    resolution = { kind: 'one', asset: previous };
  // "alarms on L2 placer 2" → "and the oven on that line, zone 5?": of the ovens, the one on the line just talked about.
  // (Not "and the other oven?": the other one is on the other line.)
  const asksTheOther = /\b(the other|other one|another|(?:die|der|den|das|dem) andere\w*)\b/.test(lower);
  if (
    !asksTheOther &&
    (reading.followUp ||
      /\b(that line|this line|same line|there|on it|dort|da|auf der linie|derselben linie|der gleichen linie|selben linie|gleichen linie|der linie)\b/.test(
        lower,
      ))
  )
    resolution = sameLineAmong(resolution, previous);
  // "wie sieht's auf Linie 2 aus?" → "und warum steht der Bestücker?": "the placer" of the line just talked about,
  // when the message names no line of its own. Reads only: a write's machine is never narrowed by a guess ("die bitte
  // stoppen, der Etikettendrucker spinnt" is no stencil printer, whichever line was talked about).
  if (
    resolution.kind === 'ambiguous' &&
    previous &&
    !asksTheOther &&
    mentionedLine(text) === undefined &&
    wordCount(text) <= 8 &&
    !WRITE_INTENTS.has(reading.intent as Intent) &&
    !imperativeCommand(text)
  )
    resolution = sameLineAmong(resolution, previous);
  // "Welche Alarme hatte der Tester auf Linie 1?" → "der Tester steht auf Held – lass ihn weiterlaufen": of the testers, the
  // one just talked about — the same machine named again by its kind, for a write too (never a machine of another kind).
  if (
    resolution.kind === 'ambiguous' &&
    previous &&
    previous.type !== 'line' &&
    resolution.candidates.includes(previous) &&
    // … unless the turn before read several of them ("what's up with the line 2 placers" → "hold the placer").
    !resolution.candidates.some((candidate) => input.previous?.alsoAssets?.includes(candidate.id)) &&
    mentionedLine(text) === undefined &&
    !/\b(other|others|another|andere\w*|beide\w*|both|all|alle\w*)\b/.test(lower)
  )
    resolution = { kind: 'one', asset: previous };
  // "how's the reflow on line 1" → "and the chiller?" → "back to the oven – what's zone 5": of the ovens, the one the
  // conversation talked about a few turns back, when only one of them came up. Reads only (a write asks, target-left-open.ts).
  if (resolution.kind === 'ambiguous' && !asksTheOther && mentionedLine(text) === undefined && !WRITE_INTENTS.has(reading.intent as Intent)) {
    const talked = machinesTalkedAbout(input, 4);
    const inTalk = resolution.candidates.filter((candidate) => talked.includes(candidate));
    if (inTalk.length === 1) resolution = { kind: 'one', asset: inTalk[0]! };
  }
  // "L1 AOI state" → "now line 2's" → "the first one had a weird camera temp, pull it up again": of the machines the last turns
  // read, the first or second as they came up. Reads only (a write asks, target-left-open.ts).
  if (resolution.kind !== 'one' && !WRITE_INTENTS.has(reading.intent as Intent) && (FIRST_MENTIONED.test(lower) || SECOND_MENTIONED.test(lower))) {
    const inOrder = machinesTalkedAbout(input, 4, 'as-they-came');
    const picked = inOrder.length >= 2 ? inOrder[FIRST_MENTIONED.test(lower) ? 0 : 1] : undefined;
    if (picked && (resolution.kind === 'none' || resolution.candidates.includes(picked))) resolution = { kind: 'one', asset: picked };
  }
  // "RUL for L1-PNP2" → "and the other placer on that line?": the machine of the same kind beside the one just asked about.
  // "what about the same machine on the other line", "und beim gleichen auf der anderen Linie": its twin on the other line.
  const otherLine = /\b(?:the other line|other line|die andere linie|der anderen linie|andere linie|anderen linie)\b/.test(lower);
  if (previous && previous.type !== 'line' && previous.line && otherLine && mentionedLine(text) === undefined) {
    const lines = [...new Set(input.assets.flatMap((asset) => (asset.type === 'line' ? [asset.id] : [])))].filter((line) => line !== previous.line);
    const twin = lines.length === 1 ? sameKindOnLine(previous, lines[0]!.replace(/\D/g, ''), input.assets) : undefined;
    if (twin) resolution = { kind: 'one', asset: twin };
  } else if (previous && previous.type !== 'line' && /\b(the other|other one|andere[nmrs]?|anderen)\b/.test(lower))
    resolution = otherThan(resolution, previous, input.assets);
  // "RUL Bestücker 1 Linie 2" → "und der 2er?", "and number two?": the machine of its kind on that line with that number.
  else if (previous && previous.type !== 'line' && (resolution.kind !== 'one' || resolution.asset === previous)) {
    const number = /\b(?:2er|zweier|der zweite|den zweiten|the second one|number two|nummer (?:2|zwei)|no\.? ?2)\b/.test(lower)
      ? '2'
      : /\b(?:1er|einser|der erste|den ersten|the first one|number one|nummer (?:1|eins)|no\.? ?1)\b/.test(lower)
        ? '1'
        : undefined;
    const numbered = number
      ? input.assets.find((asset) => asset !== previous && asset.type === previous.type && asset.line === previous.line && asset.id.endsWith(number))
      : undefined;
    if (numbered) resolution = { kind: 'one', asset: numbered };
  }
  // "where's line 1 at" → "and the other line?": of two lines, the one not just asked about.
  // ("passt, jetzt noch die andere", "and the other one" after a line: the other line.)
  if (
    previous?.type === 'line' &&
    (/\b(the other line|other one|die andere linie|der anderen linie|andere linie)\b/.test(lower) ||
      (/\b(the other|die andere|der anderen|den anderen)\b/.test(lower) && resolution.kind === 'none'))
  ) {
    const lines = input.assets.filter((asset) => asset.type === 'line' && asset !== previous);
    if (lines.length === 1) resolution = { kind: 'one', asset: lines[0]! };
  }
  // "Wie ist der Netzdruck?": no machine named, but only one machine measures it.
  // "Alarme ICT Linie 2" → "zeig mir mal die aktuellen Werte von dem Teil": the machine just talked about, by a word for it.
  if (
    resolution.kind === 'none' &&
    (reading.inheritAsset ||
      (reading.followUp && PRONOUN.test(lower)) ||
      // "status of the line 1 oven" → "if we took it down for 6 hours, what would that do to the orders?": "it" in a
      // read (never a write) is the machine just talked about.
      (!WRITE_INTENTS.has(reading.intent as Intent) && /\b(?:it|its|ihn|ihm)\b/.test(lower)) ||
      /\b(?:von |an |bei )?(?:dem|diesem|das|dieses|der|dieser) (?:teil|ding|maschine|anlage|kiste|gerät|geraet)\b|\b(?:that|this|the same) (?:machine|thing|one|unit|box)\b/.test(
        lower,
      )) &&
    previous
  )
    resolution = { kind: 'one', asset: previous };
  if (
    resolution.kind === 'none' &&
    (reading.intent === 'asset_state' ||
      reading.intent === 'tag_history' ||
      reading.intent === 'set_setpoint' ||
      reading.intent === 'maintenance_forecast' ||
      reading.intent === 'plant_overview' ||
      classification.score < CONFIDENCE_THRESHOLD)
  ) {
    // "zone 3 on the L2 oven looks low" → "just tell me what zone 3 reads": of the ovens, the one just talked about.
    const byTag = previousAmong(assetByTag(reading.combined, input.assets), previous);
    // "quick status of everything, boss wants OEE numbers": the overview is of the plant; a word two machines' tags
    // share does not make it ask which machine.
    resolution = reading.intent === 'plant_overview' && byTag.kind === 'ambiguous' ? resolution : byTag;
  }
  // "the L2 blower bearing": the line is named, the machine only by its tag.
  if (
    resolution.kind === 'one' &&
    resolution.asset.type === 'line' &&
    (reading.intent === 'asset_state' || reading.intent === 'tag_history' || reading.intent === 'set_setpoint' || reading.intent === 'maintenance_forecast')
  ) {
    const byTag = assetByTag(reading.combined, input.assets);
    if (byTag.kind === 'one') resolution = byTag;
  }

  // A short request that names a machine and nothing the classifier is sure of asks for its state.
  if (
    !reading.followUp &&
    !isMaterialIntent(reading.intent) &&
    // What a rule read stays what it read: a write it reads explicitly ("make it 80" after the squeegee
    // pressure), a stop's cause ("what stopped line 2?"), the shift's count ("boards this shift on L1?").
    !reading.byRule &&
    resolution.kind === 'one' &&
    // Longer too when the classifier has no reading at all and the request asks about that machine ("kurze Frage: wie steht die Verpackung?").
    (wordCount(text) <= 5 ||
      // "zeig mal die AOI auf Linie 1", "show me the chiller please": "show" and a machine, nothing else asked.
      (wordCount(lower.replace(/^(?:(?:zeig|zeige|show|gib|give)\w*)(?:\s+(?:mal|mir|me|uns|us|bitte|please|pls))*\s+/, '')) <= 5 &&
        /^(?:zeig|zeige|show|gib|give)\w*\b/.test(lower)) ||
      ((reading.intent as string) === 'None' && resolution.asset.type !== 'line' && /\?\s*$|\b(how|what|wie|was)\b/.test(lower)) ||
      // "why is L1 so slow today": a question about a named line or machine the classifier took for chatter.
      (reading.intent === 'smalltalk' &&
        classification.score < 0.8 &&
        /\?\s*$|^(why|how|what|is|are|warum|wieso|wie|was|ist|sind|läuft|laeuft)\b/.test(lower))) &&
    (reading.intent === 'smalltalk' || (reading.intent as string) === 'None' || classification.score < CONFIDENCE_THRESHOLD) &&
    // A short one must not sound like a command at all; a longer question may open with "Stopp, kurze Frage:".
    !(wordCount(text) <= 5 ? parseCommand(text) : imperativeCommand(text))
  ) {
    reading.intent = 'asset_state';
    reading.byRule = true;
  }
  // The plant overview names no machine; asked about one, people want its state.
  // Not when the utilities as a whole are asked about ("Versorgung alles grün? Druckluft, Kühlwasser").
  if (
    reading.intent === 'plant_overview' &&
    resolution.kind === 'one' &&
    resolution.asset.type !== 'line' &&
    !(reading.byRule && /\b(utilities|utility|\w*versorgung|medien\w*)\b/.test(lower))
  )
    reading.intent = 'asset_state';
  // "wie läuft Linie 1 heute?", "how's line 2 doing": how a line is going is its overview — its machines' states with
  // its output, OEE and alarms; "the state of line 1" stays the machines' states.
  if (
    reading.intent === 'asset_state' &&
    resolution.kind === 'one' &&
    resolution.asset.type === 'line' &&
    /\b(wie l(?:ä|ae)uft|wie laufen|how(?:'s| is| are)\b.*\b(?:doing|going|getting on)|how are things|l(?:ä|ae)uft\b.*\b(?:heute|gut|rund))\b/.test(lower) &&
    assetByTag(reading.combined, input.assets).kind === 'none'
  )
    reading.intent = 'plant_overview';
  // "how's the packer on line 1": a machine's condition, unless orders or output are asked about.
  if (
    reading.intent === 'production_status' &&
    !reading.byRule &&
    resolution.kind === 'one' &&
    resolution.asset.type !== 'line' &&
    !orderId(reading.combined) &&
    !/\b(order|orders|auftr\w*|job|output|boards?|platinen|pcbs?|units?|stück|produc\w*|produzier\w*|progress|fortschritt|eta|fertig|done|finish\w*|yield|ausbeute|scrap|ausschuss|count|target|ziel|plan|made|built|gemacht)\b/.test(
      lower,
    )
  )
    reading.intent = 'asset_state';
  // "kannst du mal den Ofen auf Linie 2 checken": checking a machine that inspects no boards is asking how it is.
  if (
    reading.intent === 'trigger_inspection' &&
    !reading.byRule &&
    resolution.kind === 'one' &&
    resolution.asset.type !== 'line' &&
    !/inspect|aoi|spi|optical/i.test(`${resolution.asset.type} ${resolution.asset.name}`) &&
    !/\b(inspect\w*|inspektion\w*|aoi|boards?|platinen|baugruppen|pcbs?|lot|los|charge|prüf\w*|pruef\w*|scan\w*)\b/.test(lower)
  )
    reading.intent = 'asset_state';
  // A measurement over a window is a trend, not the value now.
  if (reading.intent === 'asset_state' && resolution.kind === 'one' && resolution.asset.type !== 'line') {
    const window = parseTimeWindow(reading.combined, language, timeContext);
    if (window && resolveTag(withoutAssetWords(reading.combined, resolution.asset), resolution.asset.tags).kind === 'one') reading.intent = 'tag_history';
  }
  return commandClauseTarget(resolution, reading, text, input.assets);
}

/**
 * "L1 printer running again, start the SPI": a command's machine is the one named in the clause that gives the command,
 * not the one the message names first (on the line the message names, when its clause names the kind only).
 */
function commandClauseTarget(resolution: AssetResolution, reading: Reading, text: string, assets: readonly AssetRef[]): AssetResolution {
  if (reading.intent !== 'machine_command') return resolution;
  const clauses = text.split(/[,;.!?–—]|\s-\s/).filter((clause) => clause.trim() !== '');
  if (clauses.length < 2) return resolution;
  const commandClause = [...clauses].reverse().find((clause) => parseCommand(clause) !== undefined);
  if (!commandClause) return resolution;
  const own = resolveAsset(commandClause, [...assets]);
  if (own.kind === 'one' && own.asset.type !== 'line') return own;
  if (own.kind === 'ambiguous') {
    const line = mentionedLine(text);
    const onLine = line ? own.candidates.filter((asset) => asset.line?.replace(/\D/g, '') === line) : [];
    if (onLine.length === 1) return { kind: 'one', asset: onLine[0]! };
  }
  return resolution;
}

/** Of an ambiguous reading's candidates, the one on the line of the turn before (the line itself, or its machine's); anything else as it is. */
function sameLineAmong(resolution: AssetResolution, previous: AssetRef | undefined): AssetResolution {
  if (resolution.kind !== 'ambiguous' || !previous) return resolution;
  const line = previous.type === 'line' ? previous.id : previous.line;
  const onLine = line ? resolution.candidates.filter((candidate) => candidate.line === line) : [];
  // Two of that kind on the line ("der Bestücker" on Line2): the question back offers those two, not all four.
  return onLine.length === 1 ? { kind: 'one', asset: onLine[0]! } : onLine.length > 1 ? { ...resolution, candidates: onLine } : resolution;
}

/** "the other one": of two candidates, the one the turn before was not about; named or not, the one other machine of its kind on its line. */
function otherThan(resolution: AssetResolution, previous: AssetRef, assets: readonly AssetRef[]): AssetResolution {
  const siblings = assets.filter((asset) => asset !== previous && asset.type === previous.type && asset.line === previous.line);
  const candidates = resolution.kind === 'ambiguous' ? resolution.candidates : resolution.kind === 'one' ? [resolution.asset] : [];
  if (candidates.length === 2 && candidates.includes(previous)) return { kind: 'one', asset: candidates.find((candidate) => candidate !== previous)! };
  const unnamed = resolution.kind === 'none' || (resolution.kind === 'one' && resolution.asset === previous) || resolution.kind === 'ambiguous';
  if (unnamed && siblings.length === 1) return { kind: 'one', asset: siblings[0]! };
  // "how's the packer on line 1" → "and the other one?": one of its kind per line, so the one on the other line.
  const twins = assets.filter((asset) => asset !== previous && asset.type === previous.type);
  if (unnamed && siblings.length === 0 && twins.length === 1) return { kind: 'one', asset: twins[0]! };
  return resolution;
}

/** Of an ambiguous reading's candidates, the one the turn before was about; anything else as it is. */
function previousAmong(resolution: AssetResolution, previous: AssetRef | undefined): AssetResolution {
  return resolution.kind === 'ambiguous' && previous && resolution.candidates.includes(previous) ? { kind: 'one', asset: previous } : resolution;
}
