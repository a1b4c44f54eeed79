/**
 * The conversation around a request: the words that affirm, ask why, follow up or point back, and
 * what the earlier turns left to follow up on (their target, a late order a schedule reported).
 */
import type { AssetRef } from '../../../assets';
import { aliasesOf } from '../asset-resolver';
import type { EarlierResult } from '../earlier-results';
import { tokens } from '../text';
import type { PreviousCall } from './types';

export const AFFIRMATION =
  /^(?:(?:yes|yeah|yep|yup|ok|okay|sure|do it|go ahead|please do|do that|book it|book that|then|please|pls|ja|jo|jep|klar|gerne|mach das|mach es|bitte|passt|dann|buch es|buch das|go|fine|gut|mach so|machs so|mach's so|so machen|machen wir so|genau so|einverstanden|sounds good|looks good|lgtm|go for it|let'?s do it|perfekt|perfect|prima|sehr gut|los|ship it|go with (?:it|that|this)|let'?s go with (?:it|that|this)|so machen wir'?s|machen wir'?s so|nehmen wir|den nehmen wir|nimm den)[\s,.!]*)+$/;
/** An acknowledgement in front of a follow-up ("ok, and line 2?", "alles klar, und die AOI?"). */
export const ACKNOWLEDGEMENT =
  /^(?:(?:ok(?:ay)?|alright|all right|cool|great|nice|thanks|thx|hm+|well|gut|alles klar|danke|super|ah|aha|achso|na|okay danke|bitte|please|pls)[\s,.!]+)+(?=\S)/;
export const WHY =
  /^(why|why\??|how come|what caused (it|that|this)|what(?:'?s| is) (?:driving|behind) (it|that|this)|what drives (it|that|this)|warum|wieso|weshalb|woran liegt (das|es))\b/;
export const FOLLOW_UP =
  /^(and|what about|how about|how'?s|wie sieht'?s mit|wie steht'?s mit|same for|same thing for|same question for|same (?:one|again) for|do the same|gleiche frage für|gleiche frage fuer|selbe frage für|dieselbe frage für|also for|and for|only|just|now|und|und was ist mit|was ist mit|wie ist es mit|wie sieht es mit|dasselbe|das gleiche|auch für|und für|nur|jetzt|do (?:one|the same|that|it) for|mach (?:das|eins|einen|es) (?:auch )?f(?:ü|ue)r|switch to|switch over to|over to|now for|then for|wechsel\w* (?:auf|zu)|jetzt für|jetzt fuer|dann für|dann fuer|gleiches für|gleiches fuer|noch ?mal (?:f(?:ü|ue)r|bei|mit|auf)|again for|once more for|same again for|try(?= (?:it |that |this )?(?:with |for |on |at )?(?:line|linie|l\d|the other|\d))|(?:versuch|probier)\w*(?:'s| es| das)?(?: mal)?(?= (?:mit|f(?:ü|ue)r|auf|bei) ))\b/;
/** A request that says not to do something. */
export const NEGATED =
  /\b(don'?t|do not|dont|never|nie|niemals|not yet|no need to|nothing|nichts|nix|nicht|noch nicht|kein\w*|nobody|no one|niemand|noch net|bloß net|bloss net|lieber net|ned|nit|nich|net(?!\s+(?:weight|flow|output|power|income|gain|loss|change|result|effect|amount|energy|\d)))\b|^(no|nein|nee)\b|^ne\s*[,.!]/;
/** Words that point back at the asset of the previous turn. */
// "stell die bitte auf 240", "mach das mal aus": "die"/"das" right before a particle or the verb's prefix stands for a thing.
export const PRONOUN =
  // ("stell se auf 165", "mach'n aus": "se" and "'n" are how "sie" and "ihn" are said.)
  /\b(it|its|them|that one|this one|sie|se|er|ihn|es|ihm|den|dem|der)\b|\b(?:die|das)\s+(?:(?:bitte|mal|doch|jetzt|gleich|wieder|auch|halt|eben|noch)\s+)*(?:auf|zur(?:ü|ue)ck|runter|hoch|rauf|ab|an|aus|ein|frei)\b/;

export function wordCount(text: string): number {
  return tokens(text).length;
}

const TARGET_FILLER =
  /^(and|und|what|about|how|the|one|ones|on|for|of|at|in|der|die|das|den|dem|auf|an|von|für|fuer|mit|bei|was|ist|wie|es|same|too|also|auch|bitte|please|pls|line|linie|ln|damit|dabei|davon|there|da|l\d+|\d+)$/;

/** Whether a follow-up says nothing but which target it is about ("and the one on line 2?", "und der auf Linie 1?"). */
export function onlyNamesTarget(given: string, assets: AssetRef[]): boolean {
  // "und wie sieht's bei Linie 2 aus?", "how's it looking on line 2?": asking how it looks says nothing new.
  const text = given.replace(
    /\b(wie sieht'?s|wie sieht es|sieht'?s|wie schaut'?s|wie schaut es|how'?s it looking|how is it looking|how does it look|looking|aus)\b/gi,
    ' ',
  );
  const aliasWords = new Set(assets.flatMap((asset) => aliasesOf(asset).flatMap((alias) => alias.split(' '))));
  return tokens(text).every((word) => TARGET_FILLER.test(word) || aliasWords.has(word));
}

/** The previous call's asset and line, for follow-ups that do not name their own. */
export function inheritedTarget(previous: PreviousCall | undefined, assets: AssetRef[]): AssetRef | undefined {
  if (!previous) return undefined;
  // A what-if's machine is inside its scenario ("what if L1-PNP2 is down" → "and the oven instead?").
  const scenario = previous.args.scenario as { asset?: unknown } | undefined;
  // … and a stop's machine inside `before` ("why is the line 1 packer stopped" → "start it back up").
  const before = previous.args.before as { asset?: unknown; line?: unknown } | undefined;
  const id = (previous.args.asset ?? previous.args.line ?? scenario?.asset ?? before?.asset ?? before?.line) as string | undefined;
  if (typeof id !== 'string') return undefined;
  return assets.find((asset) => asset.id === id) ?? assets.find((asset) => asset.type === 'line' && asset.id.replace(/\D/g, '') === id.replace(/\D/g, ''));
}

/**
 * The machines (not lines) the last `calls` earlier tool calls were about, each once: the latest first, or in the order
 * they first came up ("the first one", "den zweiten").
 */
export function machinesTalkedAbout(
  input: { earlier?: readonly EarlierResult[]; assets: readonly AssetRef[] },
  calls: number,
  order: 'latest-first' | 'as-they-came' = 'latest-first',
): AssetRef[] {
  const recent = (input.earlier ?? []).slice(-calls);
  const found: AssetRef[] = [];
  for (const result of order === 'latest-first' ? [...recent].reverse() : recent) {
    const asset = input.assets.find((candidate) => candidate.id === result.args.asset && candidate.type !== 'line');
    if (asset && !found.includes(asset)) found.push(asset);
  }
  return found;
}

/**
 * The machine of the latest earlier call that named one, within the last three calls: "der Ofen auf Linie 1 zickt" → "was
 * sagt das Handbuch dazu?" → "ok, Zone 6 dann auf 243": a turn without a machine in between (the manuals) does not lose the
 * machine the conversation is about.
 */
export function lastMachineTalkedAbout(input: { earlier?: readonly EarlierResult[]; assets: readonly AssetRef[] }): AssetRef | undefined {
  return machinesTalkedAbout(input, 3)[0];
}

/** "the first one", "die erste", "den ersten": the machine that came up first. */
export const FIRST_MENTIONED =
  /\b(?:the first(?: one)?|the former|the one we started with|die erste|den ersten|der erste|das erste|dem ersten|erstere\w*|(?:den|die|das|der|dem) vom anfang)\b/;
/** "the second one", "den zweiten", "the latter": the machine that came up second. */
export const SECOND_MENTIONED = /\b(?:the second(?: one)?|the latter|die zweite|den zweiten|der zweite|das zweite|dem zweiten|letztere\w*)\b/;

/** The other machines of the same kind on the same line ("pnp2" beside "pnp1"); none for a line or a machine off any line. */
export function siblingsOf(base: AssetRef | undefined, assets: readonly AssetRef[]): AssetRef[] {
  if (!base?.line || base.type === 'line') return [];
  return assets.filter((asset) => asset.type === base.type && asset.line === base.line && asset !== base);
}

/** The zone a reflow tag belongs to ("Zone4.SetpointC" → 4), or undefined for any other tag. */
export function zoneOfTag(tagId: string): number | undefined {
  const zone = /^Zone(\d+)\./.exec(tagId)?.[1];
  return zone === undefined ? undefined : Number(zone);
}

/** For a follow-up that names a different machine, the one of the same kind on the named line. */
export function sameKindOnLine(base: AssetRef | undefined, line: string, assets: AssetRef[]): AssetRef | undefined {
  if (!base || base.type === 'line') return assets.find((asset) => asset.type === 'line' && asset.id.replace(/\D/g, '') === line);
  const sameName = (asset: AssetRef) => aliasesOf(asset).some((alias) => aliasesOf(base).includes(alias) && !/\d$/.test(alias)) || asset.type === base.type;
  const candidates = assets.filter((asset) => asset.type === base.type && asset.line?.replace(/\D/g, '') === line && sameName(asset));
  // The machine's own number, without the line's ("Pick-and-place 2 L1" → 2; "Pick-and-place 1 L2" is not a 2).
  const ownNumber = (asset: AssetRef) => /(\d+)\s*\S*$/.exec(asset.name.replace(/\bL\d+\b|\bline \d+\b/gi, '').trim())?.[1];
  const number = ownNumber(base);
  return candidates.find((asset) => number === undefined || ownNumber(asset) === number) ?? candidates[0];
}

/** The late order a schedule earlier in the conversation reported (any field naming an order next to lateness). */
export function lateOrder(earlier: EarlierResult[] | undefined): string | undefined {
  for (const result of [...(earlier ?? [])].reverse()) {
    if (result.tool !== 'propose_schedule' && result.tool !== 'what_if' && result.tool !== 'explain_late_order') continue;
    const found = findLate(result.output, false);
    if (found) return found;
  }
  return undefined;
}

function findLate(value: unknown, inLate: boolean): string | undefined {
  if (typeof value === 'string') return inLate && /^[A-Z]{2,3}-\d{3,}$/.test(value) ? value : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findLate(item, inLate);
      if (found) return found;
    }
    return undefined;
  }
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const late =
    inLate ||
    record.late === true ||
    Object.entries(record).some(([key, inner]) => /tardiness|late|delay/i.test(key) && typeof inner === 'number' && inner > 0);
  for (const [key, inner] of Object.entries(record)) {
    const found = findLate(inner, late || /late|tardy|delayed/i.test(key));
    if (found) return found;
  }
  return undefined;
}

/** "what if", "suppose", "and if the L2 oven is down 3 h", "was wäre wenn", "angenommen": a scenario to simulate. */
const WHAT_IF =
  /\b(what if|what happens if|what would happen|suppose(?!d)|assuming|simulate|would an? (extra|saturday|sunday|weekend)|can we (squeeze|fit|take)|if (the |we )?.*\b(goes down|is down|breaks|fails|late)|was waere wenn|was wäre wenn|was wenn|was passiert wenn|angenommen|mit (?:dem |einem )?ausfall|(?:plan|schedule|rechne|reschedule)\w* .*\b(?:with|mit|ohne|without)\b.*\b(?:down|ausfall|weg|out)\b|simulier|durchspiel\w*|spiel\w* (mal )?durch|lohnt sich|geht das|geht sich (?:das|des) aus|was w(?:ü|ue)rde (?:so )?(?:ein |eine |der |die |das )?(?:eilauftrag|zusatzschicht|sonderschicht|ausfall)|what would (?:a|that|the|such a) (?:rush order|extra shift|weekend shift)|(?:lose|losing) (?:that|the|this|it)\b.*\b\d+\s*(?:h|hours?)\b|(?:schaffen wir|ob wir\b.*\bschaffen)\b(?=.*\b(eil\w*|rush|zusätz\w*|zusaetz\w*|extra\w*|wochenend\w*|zusatz\w*|samstag\w*|sonntag\w*|sonder\w*|\d+\s*(?:stück|stk|platinen|boards))))/;

/**
 * "if the chiller goes into maintenance for 5 h, what does that do to delivery dates?", "maintenance wants the chiller
 * for 3 hours, impact on the schedule?", "wenn …, was heißt das für die Liefertermine?": a consequence for the plan asked.
 */
const CONSEQUENCE_FOR_THE_PLAN =
  /\b(?:what (?:that|this|it) (?:does|means|will do|would do|would mean) (?:to|for) (?:the |our )?(?:plan|schedule|orders|deliveries|due dates)|was (?:das|des|dies) (?:f(?:ü|ue)r|mit) (?:den |die |unseren? |unsere )?(?:plan|planung|termine|liefertermine|auftr(?:ä|ae)ge) (?:hei(?:ß|ss)t|bedeutet|macht|hei(?:ß|ss)en w(?:ü|ue)rde|bedeuten w(?:ü|ue)rde)|what does (?:that|this|it) (?:mean|do)|how (?:does|would|will) (?:that|this|it) (?:hit|affect|impact|change) (?:the |our )?(?:plan|schedule|orders|deliveries|output)|what would (?:that|this|it) (?:mean|do)|what(?:'s| is| would be) the (?:impact|effect|knock-on)|(?:impact|effect|knock-on)s?\b[^.?!]{0,12}\b(?:on|for) (?:the |our )?(?:schedule|plan|planning|deliver\w*|due dates?|orders?|output|customers?)|was (?:hei(?:ß|ss)t|bedeutet|macht|hie(?:ß|ss)e|w(?:ü|ue)rde) das (?:f(?:ü|ue)r|mit)|auswirkung\w* auf (?:den |die |unsere?n? )?(?:plan|planung|termine|liefertermine|auftr(?:ä|ae)ge|ausbringung)|(?:wie )?w(?:ü|ue)rde? (?:sich )?das (?:aus)?wirk\w*|wie wirkt (?:sich )?(?:das|des|dies) (?:sich )?(?:auf|aus)|how (?:does|would|will) the (?:plan|schedule) look(?: like)? (?:with|if)|wie s(?:ä|ae)he (?:der plan|die planung) (?:damit |dann )?aus|wie sieht (?:der plan|die planung) (?:damit|dann) aus)\b|[,;:–-]\s*(?:(?:and |und |the |die )?(?:impact|effect|knock-on|auswirkung\w*|folgen))\s*\?\s*$/;
/** A machine taken out for a stretch: "goes into maintenance for 5 h", "wants the chiller for 3 hours", "steht 8 h". */
const MACHINE_OUT_FOR_A_WHILE =
  // ("maintenance wants the fine pitch placer on L2 tomorrow 6 to 10": a window instead of hours.)
  /\b(?:maintenance|wartung|wants|braucht|needs|will|goes off|is off|switched off|shut down|goes down|is down|is out|goes out|abgeschaltet|ausgeschaltet)\b[^.?!]*\b\d{1,2}(?::\d{2})?\s*(?:to|bis|-|–)\s*\d{1,2}(?::\d{2})?\b(?!\s*(?:°|grad|bar|%|mm|n\b))|\b(?:from|von)\s+\d{1,2}(?::\d{2})?\s*(?:to|bis|-|–)\s*\d{1,2}(?::\d{2})?\b(?!\s*(?:°|grad|bar|%|mm|n\b))[^.?!]*\b(?:abgeschaltet|abschalt\w*|ausgeschaltet|down|out|off|weg|maintenance|wartung)\b|\b(?:maintenance|wartung|service|down|out|raus|steht|stehen|ausf(?:ä|ae)ll\w*|weg|wants|braucht|needs|takes?|abschalt\w*|ausschalt\w*|switch(?:ed)? off|shut down|stopp?\w*)\b[^.?!]*\b\d+(?:[.,]\d+)?\s*-?\s*(?:h|hrs?|hours?|std|stunden?)\b|\b\d+(?:[.,]\d+)?\s*-?\s*(?:h|hrs?|hours?|std|stunden?)\b[^.?!]*\b(?:maintenance|wartung|down|out|raus|steht|stehen|ausf(?:ä|ae)ll\w*|weg|abschalt\w*|ausschalt\w*|off)\b/;

/** "und wenn der Ofen auf Linie 2 morgen 8 Stunden Wartung hat?", "and if the chiller is out for 3 h?": the condition alone, asked. */
const CONDITION_ASKED = /^(?:(?:und|and|aber|but|ok|okay|so|hmm)[\s,]+)?(?:wenn|if|falls)\b[^?]*\?\s*$/;

/** "linie 1 komplett 3h down – auswirkung auf die termine?": an outage and its consequence for the plan, asked outright. */
export function asksOutageConsequence(lower: string): boolean {
  return CONSEQUENCE_FOR_THE_PLAN.test(lower) && MACHINE_OUT_FOR_A_WHILE.test(lower);
}

export function asksWhatIf(lower: string): boolean {
  return WHAT_IF.test(lower) || ((CONSEQUENCE_FOR_THE_PLAN.test(lower) || CONDITION_ASKED.test(lower)) && MACHINE_OUT_FOR_A_WHILE.test(lower));
}

/** "is that normal?", "in spec?", "passt das?", "zu hoch?", "what's the limit?": a reading judged against what it should be. */
export const JUDGED_AGAINST_NORMAL =
  /\b(normal|in spec|within spec|within (?:tolerance|limits)|in tolerance|in (?:der )?toleranz|innerhalb der (?:toleranz|grenzen)|im gr(?:ü|ue)nen bereich|in the green|in (?:the )?(?:normal )?range|im (?:normal|soll)bereich|im rahmen|in ordnung|too (?:high|low|hot|cold|much|little)|zu (?:hoch|niedrig|hei(?:ß|ss)|kalt|warm|viel|wenig)|passt (?:das|der|die)|ok so|okay so|is (?:that|this|it) ok(?:ay)?|ist (?:das|der|die) ok|what should (?:it|that|this|they) (?:be|read)|wie (?:hoch|viel|warm) soll(?:te)? (?:er|sie|es|der|die|das) (?:sein|haben)|was soll(?:te)? (?:er|sie|es|der|die|das) haben|(?:is|are|ist|sind)\b[^?.!]*\b(?:ok|okay|alright|fine)(?=\s*\??\s*$)|what(?:'?s| is| are) the (?:limits?|max(?:imum)?|min(?:imum)?)|(?:max(?:imum)?|min(?:imum)?) allowed|was ist (?:die|der) (?:grenze|grenzwert)|wie (?:hoch|niedrig|viel) darf|passt\b[^?.!]*\balles|alles (?:ok|okay|gut|in ordnung|im gr(?:ü|ue)nen(?: bereich)?|normal)|(?:everything|all) (?:ok|okay|good|fine|normal|in order))\b/;
