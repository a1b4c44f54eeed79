/**
 * Requests whose form says what they are, whatever the classifier reads: a value for a writable tag,
 * a command verb in command position, a question about an order, an alarm code's meaning, a trend.
 * The rule groups are tried in order and the first match wins, so an earlier group's rule takes
 * precedence over a later one's.
 */
import { lastSentence } from '../../text';
import { assetOfValueClause, resolveAsset } from '../../asset-resolver';
import { parseCommand } from '../../commands';
import { PRONOUN, asksOutageConsequence, lastMachineTalkedAbout, wordCount } from '../conversation';
import { assetByTag } from '../tag-match';
import { setpointValue } from '../slots';
import type { PlanInput } from '../types';
import { WRITE_INTENTS, type Intent } from '../catalogue';
import { complaintRule } from './complaints';
import { orderRule } from './orders';
import { imperativeCommand } from '../write-requests';
import { BARE_VALUE_WRITE, CHANGE_A_BIT, VALUE_ONLY, plantRule } from './plant';
import { downtimeOverAWindow, questionRule, somethingOddOnAMachine } from './questions';
import type { RuleContext } from './rule-context';

export function ruleIntent(
  text: string,
  lower: string,
  input: PlanInput,
  timeContext: { now: Date; timeZone: string },
): { intent: Intent; usesPrevious: boolean } | undefined {
  const rules = ruleContext(text, lower, input, timeContext);
  const ruled =
    safetyQuestion(lower, text) ??
    procedureQuestion(lower, text) ??
    downtimeOverAWindow(rules) ??
    somethingOddOnAMachine(rules) ??
    plantRule(rules) ??
    orderRule(rules) ??
    complaintRule(rules) ??
    questionRule(rules);
  // A read a rule found gives way to the what-if the message asks outright ("… 3h down – auswirkung auf die termine?").
  // (A booking too, unless asked for with its own verb: "maintenance wants the placer tomorrow 6 to 10. how does the plan
  // look with that" asks about the plan, it books nothing.)
  const found =
    ruled && ruled[0] !== 'what_if' && (!WRITE_INTENTS.has(ruled[0]) || !explicitBooking(lower)) && asksOutageConsequence(lower) ? undefined : ruled;
  return found ? { intent: found[0], usesPrevious: found[1] } : undefined;
}

/** "the setpoint", "den Sollwert", "Soll auf 168": a setpoint named without its machine, so the one just talked about. */
const SETPOINT_BACK_REFERENCE =
  /\b(?:the|its|that|den|der|die|das|seinen|ihren)\s+(?:setpoint|set point|sollwert|soll)\b|\b(?:soll|sollwert|setpoint)\s+(?:auf|to)\s+-?\d|\b(?:the|that|this|die|diese)\s+zone\b(?!\s*\d)/;

/** "slow down", "speed up", "bring it down", "runter damit": a change asked for, its value maybe still to come. */
const CHANGE_ASKED =
  /\b(?:slow (?:it |\w+ )?down|speed (?:it |\w+ )?up|slow down|speed up|bring (?:it|that) (?:down|up)|turn (?:it|that) (?:down|up)|raise|lower|increase|decrease|reduce|erh(?:ö|oe)h\w*|senk\w*|reduzier\w*|verlangsam\w*|beschleunig\w*)\b/;

/** The machine a request is about: named, found by its tag, or (for "it" and short requests) the previous turn's. */
function ruleContext(text: string, lower: string, input: PlanInput, timeContext: { now: Date; timeZone: string }): RuleContext {
  // The machine the turn before was about, also inside a stop's window ("why is the packer stopped" → "start it back up").
  const before = input.previous?.args.before as { asset?: unknown } | undefined;
  const previousId = input.previous ? (input.previous.args.asset ?? before?.asset) : undefined;
  const previousAsset =
    (typeof previousId === 'string' ? input.assets.find((asset) => asset.id === previousId) : undefined) ??
    // "der Ofen auf Linie 1 zickt" → "was sagt das Handbuch dazu?" → "ok, Zone 6 dann auf 243": a turn without a
    // machine in between (the manuals) does not lose the machine the conversation is about.
    lastMachineTalkedAbout(input);
  let resolution = resolveAsset(text, input.assets);
  // "stell den Kompressor mal auf 6,5 bar ein, die Bestücker ziehen zu wenig Vakuum": the machine of the clause with the
  // value, not every machine the reason names.
  if (resolution.kind === 'ambiguous' && setpointValue(text) !== undefined) resolution = assetOfValueClause(text, input.assets) ?? resolution;
  // "Rakeldruck L2 85 bitte": a value for a tag only one machine on the line named has — that machine's.
  // ("slow down the print speed on L2": a change of it, its value not said yet.)
  if (
    resolution.kind === 'one' &&
    resolution.asset.type === 'line' &&
    (setpointValue(text) !== undefined || CHANGE_A_BIT.test(lower) || CHANGE_ASKED.test(lower))
  ) {
    const line = resolution.asset.id;
    const byTag = assetByTag(text, input.assets);
    const onLine = byTag.kind === 'one' ? [byTag.asset] : byTag.kind === 'ambiguous' ? byTag.candidates : [];
    const owners = onLine.filter((asset) => asset.line === line);
    if (owners.length === 1) resolution = { kind: 'one', asset: owners[0]! };
  }
  // "too warm for the ovens. take the setpoint down to 14" after the chiller's trend: the ovens are why, "the setpoint"
  // is the machine just read.
  const setpointOfPrevious =
    resolution.kind === 'ambiguous' && previousAsset !== undefined && !resolution.candidates.includes(previousAsset) && SETPOINT_BACK_REFERENCE.test(lower);
  if (setpointOfPrevious) resolution = { kind: 'none' };
  if (resolution.kind === 'none' && !setpointOfPrevious) {
    const byTag = assetByTag(text, input.assets);
    // "zone 3 looks a bit cold" after a question about oven 1: that oven, not "which oven?".
    // "setz ihn zurück" after a question about placer 1: "ihn" is that placer, not whichever machine's tag "Fehler" fits.
    // "Alarme SPI Linie 1" → "ok, fehler ist weg – zurücksetzen bitte": a command's machine is named or the one just
    // talked about, never whichever machines have a tag a word of it fits ("Fehler" → the AOIs' defects).
    resolution =
      byTag.kind === 'ambiguous' &&
      previousAsset &&
      (byTag.candidates.includes(previousAsset) || PRONOUN.test(lower) || (parseCommand(text) !== undefined && setpointValue(text) === undefined))
        ? { kind: 'none' }
        : byTag;
    // "Zone 1 am Ofen L1" → "zu warm, stell den Sollwert auf 125": "the setpoint" is the machine just read, not another
    // machine whose only setpoint a word of the message happens to fit ("warm" → the chiller's supply temperature).
    if (resolution.kind === 'one' && previousAsset && resolution.asset !== previousAsset && SETPOINT_BACK_REFERENCE.test(lower)) resolution = { kind: 'none' };
  }
  const machine = resolution.kind === 'one' ? resolution.asset : resolution.kind === 'ambiguous' ? resolution.candidates[0] : undefined;
  // "ok, fahr die auf 200 hoch": a leading "ok" or "dann" does not make a short follow-up long.
  // ("258, des is zu viel. dreh die Zone auf 250 zurück": the sentence that asks is the request's length.)
  const core = lastSentence(text).replace(/^(?:(?:ok|okay|ja|jo|gut|so|dann|then|alright|right|fine)\b[\s,.!]*)+/i, '');
  // "drop the setpoint to 14", "Soll auf 168 rauf" after a machine's reading: the setpoint of the machine just read.
  // "bisschen knapp, mach mal 248 draus": a value asked for with its verb and no machine is for the one just read.
  const pointsBack =
    setpointOfPrevious ||
    PRONOUN.test(lower) ||
    wordCount(core) <= 4 ||
    (wordCount(core) <= 8 &&
      (SETPOINT_BACK_REFERENCE.test(lower) ||
        BARE_VALUE_WRITE.test(lower) ||
        VALUE_ONLY.test(lower) ||
        CHANGE_A_BIT.test(lower) ||
        parseCommand(text) !== undefined));
  const target = machine ?? (pointsBack ? previousAsset : undefined);
  const usesPrevious = !machine && target !== undefined;
  return { text, lower, input, timeContext, resolution, machine, target, usesPrevious };
}

/**
 * "how often are we supposed to do the illumination check on the AOI", "best way to clean the camera glass", "darf man die
 * Haube im Betrieb aufmachen", "nach wievielen Zyklen müssen die Nadeln getauscht werden": how a job is done, how often,
 * with what, within which limits — the manuals' answer, whatever machine it names (one of a kind is one manual). Not
 * "how often did E-210 come up today": a count over a window is the alarm history.
 */
const PROCEDURE_QUESTION =
  /\bwhere do (?:the |our |scrapped |bad )?\S+(?: \S+)? go\b|\bwhich bin\b|\bwo kommen (?:die |der |das )?\S+(?: \S+)? hin\b|\bwohin mit\b|\bis it (?:ok|okay|safe|allowed|fine) to \w+ (?:a|an)\b|(?:^|[:,;–—-]\s*)(?:(?:ok|so|and|und|hey|quick one|kurze frage)[\s,:]+)?(?:how often|how frequently|wie oft|wie h(?:ä|ae)ufig|nach wie ?viel\w* (?:zyklen|stunden|tagen|wochen|drucken|boards)|after how many|best way to|what(?:'?s| is) the (?:right|correct|proper|best) (?:way|order|procedure|sequence)|what(?:'?s| is| are) the (?:min|max|minimum|maximum|allowed|permitted)\b|welche reihenfolge|in welcher reihenfolge|wie fahr\w* (?:ich|man|wir)\b[^?]*\bwieder (?:hoch|an)|(?:what has to|what do we|what should we) (?:happen|do) with|was (?:passiert|machen wir|macht man) mit den (?:baugruppen|boards|platinen|leiterplatten)|do\b[^?]*\b(?:need to|have to|must)\b[^?]*\bor\b|can we still\b[^?]*\bor not|how (?:are|is) (?:we|it|they|one|that) supposed to|how should (?:we|i|one)|which (?:grease|oil|lubricant|cleaner|solvent|torque|fuse|cloth|wipe)|welche[sn]? (?:fett|(?:ö|oe)l|schmiermittel|reiniger|drehmoment|tuch)|(?:darf|muss|soll) man\b|do (?:we|i) (?:have|need) to\b[^?]*\bor\b)|\b(?:is there a limit|what(?:'?s| is) the (?:right|correct|proper|best) (?:way|order|procedure|sequence)|(?:richtige|korrekte) reihenfolge|warn(?:ing)? and trip|trip (?:values?|limits?)|grenzwerte?|gibt es (?:ein |eine |nen )?(?:limit|grenzwert|vorgabe)|what \S+(?: \S+){0,3} is acceptable|was ist (?:noch )?(?:zul(?:ä|ae)ssig|erlaubt|ok)|wann (?:muss|m(?:ü|ue)ssen) (?:man|wir) (?:die|den|das)\b|\b(?:gereinigt|geputzt|geschmiert|gefettet|kalibriert|eingemessen) (?:werden )?(?:muss|m(?:ü|ue)ssen|soll|sollen|sollte|sollten)\b|\bshould (?:\S+ ){1,4}be (?:cleaned|wiped|lubricated|greased|calibrated)\b|\bwann (?:muss|m(?:ü|ue)ssen|soll|sollen|sollte|sollten)\b[^?.!]{0,40}\b(?:gereinigt|geputzt|geschmiert|gefettet|kalibriert|eingemessen) werden\b|^(?:(?:ok|so|and|und|hey|quick one|kurze frage)[\s,:]+)?how (?:do|can|should|would) (?:i|we|you|one) (?!know\b|tell\b|see\b|find\b|check if\b|stand\b|look\b|get on\b|do on\b|compare\b)|\b(?:was muss man|was m(?:ü|ue)ssen wir|worauf muss man|worauf m(?:ü|ue)ssen wir) (?:\S+ )?(?:beachten|achten)\b|\bwhat (?:do|should) (?:i|we) (?:need to |have to )?(?:watch out for|look out for|keep in mind|pay attention to)\b|\bwhat (?:am i|are we) supposed to do (?:when|if)\b|\bwhat do (?:i|we) do (?:when|if)\b|^(?:(?:und|and|so)[\s,]+)?(?:do (?:visitors|guests|temps|new people|i|we) (?:need|have to)\b|(?:brauchen|m(?:ü|ue)ssen) (?:besucher|g(?:ä|ae)ste|leiharbeiter)\b)|\b(?:was (?:hei(?:ß|ss)t|bedeutet) (?:eigentlich |denn |nochmal )?(?!(?:das|dies|dieses|es|f(?:ü|ue)r|f(?:ü|ue)rs|uns|mir|dann)\b)[a-z0-9&-]{2,6}\b(?!\s+(?:auf|an|bei|am|im|f(?:ü|ue)r)\b)|wof(?:ü|ue)r steht|what does (?:the )?(?!(?:that|this|it)\b)[a-z0-9&-]{2,6} (?:stand for|mean)\b|what(?:'?s| is) [a-z0-9&-]{2,6} short for\b))/;

/** Lockout, PPE, first aid, burns and cuts, fire alarms and evacuation, a smell of nitrogen, where the E-stops are. */
const SAFETY_TOPIC =
  /\b(?:loto|lockout|lock-out|tagout|tag-out|freischalt\w*|trennstelle\w*|ppe|psa|schutzausr(?:ü|ue)stung|erste hilfe|first aid|verbrann\w*|burn(?:ed|t)\b|injur\w*|verletz\w*|schnittverletzung\w*|evacuat\w*|evakuier\w*|fire alarm|feueralarm|brandalarm|nitrogen smell|smell of nitrogen|stickstoff\w*\s*geruch|riecht nach stickstoff|not-?aus-?taster\w*|e-?stop buttons?|emergency stop buttons?|sammelplatz|assembly point|meldeweg|arbeitsunfall|accident|(?:should|do|must|have to|need to) (?:i|we|you)(?: be)? wear(?:ing)?|what to wear|anziehen|shoes|schuhe|gloves|handschuhe|goggles|safety glasses|schutzbrille|epa(?:-bereich)?|esd (?:area|zone|shoes|smock)|spill\w*|verschüttet|verschuettet|ausgelaufen|in (?:my|the|his|her) eyes?|ins auge|in die augen)\b/;

/**
 * "Kollege hat sich am Ofenauslauf verbrannt, was ist jetzt zu tun", "LOTO points on the compressor?", "fire alarm just
 * went off — do we shut the ovens down or evacuate?": what to do for safety is the manuals' (the safety procedures),
 * asked in whatever words. Not a drill told ("fire alarm was a drill, all good") or a command.
 */
function safetyQuestion(lower: string, text: string): [Intent, boolean] | undefined {
  if (!SAFETY_TOPIC.test(lower)) return undefined;
  if (!/\?|\b(?:what|how|where|which|do we|should we|was|wie|wo|welche\w*|m(?:ü|ue)ssen wir|sollen wir|zu tun|supposed to|meldeweg)\b/.test(lower))
    return undefined;
  if (/\b(?:drill|(?:ü|ue)bung|fehlalarm|false alarm|all good|alles gut)\b/.test(lower) || imperativeCommand(text)) return undefined;
  return ['search_manuals', false];
}

function procedureQuestion(lower: string, text: string): [Intent, boolean] | undefined {
  if (!PROCEDURE_QUESTION.test(lower)) return undefined;
  if (
    /\b(?:now|right now|currently|at the moment|aktuell|gerade|grad|jetzt|since|seit|today|heute|heut|yesterday|gestern|last|letzte\w*|tonight|this shift|diese schicht|this week|diese woche|so far|bisher|already|schon)\b/.test(
      lower,
    )
  )
    return undefined;
  // "how often did the oven on line 2 stop": how often something happened is its history, not a procedure.
  if (/^(?:how often|wie oft|wie h(?:ä|ae)ufig)\s+(?:did|has|have|was|were|hat|haben|ist|sind|war|kam|kamen)\b/.test(lower)) return undefined;
  // "E-230 on the L2 reflow overnight, how often?", "count of E-101": how often an alarm came is its history.
  if (
    /\b[a-z]-\d{3}\b/.test(lower) &&
    /\b(?:how often|wie oft|how many|wie viele|count|anzahl|overnight|(?:ü|ue)ber nacht|last night|heute nacht)\b/.test(lower)
  )
    return undefined;
  // "E-214 – wie oft kam der?": how often an alarm came is its history.
  if (/\b[a-z]-\d{3}\b/.test(lower) && /\b(?:kam|kommt|came|come|had|hatten|aufgetreten|occur\w*|fired|went off|popped)\b/.test(lower)) return undefined;
  if (/\b(?:po-?\d+|wo-?\d+|run-?\d+)\b/.test(lower) || imperativeCommand(text)) return undefined;
  // "Kompressor, wann müssen wir den warten? Forecast bitte": the forecast asked for by its name.
  if (/\b(?:forecast|prognose|rul|restlebensdauer|remaining (?:useful )?life)\b/.test(lower)) return undefined;
  return ['search_manuals', false];
}

/** A work order asked for with its own words ("book a WO", "Wartungsauftrag anlegen"). */
function explicitBooking(lower: string): boolean {
  return /\b(?:book|buch\w*|create|anleg\w*|erstell\w*|raise|file|wo|work order|wartungsauftrag|arbeitsauftrag|ticket)\b/.test(lower);
}
