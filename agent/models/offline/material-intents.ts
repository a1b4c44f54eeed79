/**
 * Material requests: stock and run-out (`material_status`), what a late, short or rejected
 * delivery does (`supply_disruption_impact`), the next tugger/AMR runs (`plan_replenishment`) and
 * sending one of them (`dispatch_transport`, a write through the approval gate). The rules below
 * catch requests whose words say "material" whatever the classifier reads; the plans fill each
 * tool's arguments in its own input format. A transport is only ever a run the plan in this
 * conversation proposed: the model never makes up loads, stations or quantities for a vehicle.
 */
import { laterWrite } from './intents/plans/plant-writes';
import type { PartRef } from '../../parts';
import type { AssetRef } from '../../assets';
import { mentionedLine, resolveAsset } from './asset-resolver';
import { parseCommand } from './commands';
import { numberWord } from './number-words';
import { latestOutput, type EarlierResult } from './earlier-results';
import type { Plan, PreviousCall } from './intents';
import { asnId, delayHours, mentionedPart, mentionedSupplier, rejectedQuantity, shortfallPct } from './material-slots';
import { ON_A_CONDITION } from './intents/write-requests';
import { editDistance, normalise, withoutPlannedStep } from './text';
import type { Language } from './training-set';

export const MATERIAL_INTENTS = {
  material_status: { tool: 'material_status', label: 'material stock and run-out', example: 'What runs out first on line 1?' },
  supply_disruption_impact: {
    tool: 'supply_disruption_impact',
    label: 'late or short deliveries and what they hit',
    example: 'Which deliveries are late and what do they hit?',
  },
  plan_replenishment: { tool: 'plan_replenishment', label: 'replenishment runs (tugger, AMR)', example: 'Plan the replenishment runs for line 2' },
  dispatch_transport: {
    tool: 'dispatch_transport',
    label: 'sending a planned run to a vehicle (with approval)',
    example: 'Dispatch RUN-1 (after planning the replenishment)',
  },
} as const;
export type MaterialIntent = keyof typeof MATERIAL_INTENTS;

function say(language: Language, english: string, german: string): string {
  return language === 'de' ? german : english;
}

function clarify(text: string): Plan {
  return { kind: 'reply', reason: 'clarify', text };
}

/** A production order id ("PO-24117", "po 24117"). */
function orderOf(text: string): string | undefined {
  // "PO-24122", "po 24122", "Auftrag 24122", "order 24122": a production order, never a part number's digits.
  const match =
    /\bpo[-\s]?(\d{3,})\b/i.exec(text) ??
    /\b(?:order|auftrag|auftrags|fertigungsauftrag|fa|ba)\s+(?:no\.?\s*|nr\.?\s*|#)?(\d{5})\b/i.exec(text) ??
    // "haben wir alles für 24124 da?": a five-digit number after "for", the way orders are named on the floor.
    /\b(?:for|f(?:ü|ue)r)\s+(?:den\s+|die\s+|das\s+)?(\d{5})\b(?!\s*(?:pcs|stk|st(?:ü|ue)ck|x\b|boards?|platinen))/i.exec(text);
  return match ? `PO-${match[1]}` : undefined;
}

/** "how many … boards came off the line", "wie viele Platinen hat Linie 1 gebaut": output counted. */
const PRODUCED =
  /\b(?:how many|wie ?viele)\b.*\b(?:boards?|platinen|baugruppen|units|pcs|pieces|st(?:ü|ue)ck)\b.*\b(?:came off|come off|off the line|produced|made|built|finished|completed|gebaut|produziert|gefertigt|vom band|fertig (?:geworden|gemacht))\b|\b(?:boards?|platinen|units)\b.*\b(?:came off|come off) the line\b/;

/** "RUN-1 can wait", "Fahrt 2 lassen wir", "run 2 not yet": a run that is not to go now (its number in group 1). */
const WAITING_RUN = /\b(?:run|fahrt|tour)\s*-?\s*(\d)\s+(?:can wait|kann warten|lassen wir|bleibt|skip|not (?:now|yet)|noch nicht)\b/g;

const WAITING_VEHICLE =
  /(?:^|,\s*|\s+)(?:and\s+|und\s+|but\s+|aber\s+)?(?:the\s+|der\s+|den\s+|die\s+|das\s+)?(?:tugger|tug|routenzug|zug|amr|agv|fts)(?:\s*-?\s*0?\d)?(?:\s+(?:one|run|fahrt|tour))?\s+(?:can wait|kann warten|waits|wartet|bleibt|(?:is |comes )?later|(?:kommt )?sp(?:ä|ae)ter|not (?:now|yet)|noch nicht)\b/g;

/** "los" sends ("routenzug fahren lassen" too); "Los 24122", "für das Los" is a production lot. */
const SEND =
  /\b(send|dispatch|go ahead and send|get (?:it|that(?: one)?|this(?: one)?|them) (?:moving|going|rolling|out)|kick (?:off|it off)|raus damit|schick\w*|losschick\w*|sende\w*|versende\w*|beauftrag\w*|losfahren|fahr\w* los|(?:los)?fahren lassen|(?<!\b(?:f(?:ü|ue)r|vom|von|das|dem|den|im|zum|ein|jedes|pro|je|dieses|diesem)\s)los(?!\s*-?\s*(?:nr\.?\s*)?(?:po-?)?\d))\b/;
const VEHICLE =
  /\b(tugger|tug|tugs|routenzug\w*|milk ?run\w*|amr|amrs|agv|fts|vehicle|fahrzeug\w*|run|runs|fahrt\w*|tour\w*|transport\w*|lauf|zug)\b|\b(tug|amr)[-\s]?\d/;
const START_TARGET = /\b(tugger|tug|routenzug\w*|amr|agv|fts|fahrt\w*|tour\w*|transport\w*|milk ?run\w*)\b|\brun ?\d/;
const QUESTION_START = /^(what|which|when|how|why|where|who|is|are|does|do|did|can|has|wann|was|welche\w*|wie|warum|wieso|wo|wer|ist|sind|hat|gibt es|kann)\b/;
/** "don't send it yet", "noch nicht losschicken": a transport is never filed against a no. */
const NEGATED = /\b(dont|do not|not yet|never|wait|nicht|nein|kein\w*|warte\w*)\b/;
const REPLENISH =
  /\b(needs? to go (?:out )?to (?:line|the line|l\d)\w*|has to go to (?:line|the line|l\d)\w*|muss (?:\w+ )?an die linie\w*|muss (?:an material |an teilen )?(?:zu|an|in|auf) (?:die |der )?(?:linie|l\d)\w*|replenish\w*|resupply|restock\w*|nachschub\w*|nachfuell\w*|nachliefer\w*|nachgeliefert|nachbringen|from the warehouse|aus dem lager|vom lager|milk ?run\w*|tugger runs?|routenzug\w*|supermarkt\w*|supermarket|materialbereitstell\w*|bereitstell\w*|anliefer\w*|versorgungsfahrt\w*|versorgungstour\w*|nachschubtour\w*|lieferrunde\w*|materialversorgung|top ?ups?|refill\w*|auffuell\w*|aufzufuellen)\b/;
const PLAN_WORDS = /\b(plan\w*|route\w*|next|naechste\w*|which runs|what runs|welche fahrten|welche touren)\b/;
const DISRUPTION =
  /\b(late|later|delay\w*|behind|short|shortfall|missing|rejected|reject|gesperrt|abgelehnt|spaet\w*|verspaet\w*|verzoeger\w*|verzug|lieferverzug|fehl\w*|weniger|ausfall\w*|engpass|lieferengpass|stuck|customs|zoll|disrupt\w*|stoerung\w*|problem\w*|hit|trifft|betrifft|betroffen|impact|auswirk\w*)\b/;
const DELIVERY =
  /\b(deliver\w*|shipment\w*|shipping|truck|lkw|asn|supplier\w*|vendor\w*|inbound|wareneingang|incoming|lieferung\w*|lieferant\w*|lieferverzug|lieferengpass\w*|lieferstoerung\w*|lieferproblem\w*|liefert|liefern|geliefert|anlieferung\w*|sendung\w*|spedition)\b/;
const STOCK =
  /\b(run(s|ning)? out|enough|genug|genuegend|ausreichend\w*|run(s)? dry|runs? short|ausgeh\w*|geht\w* .*\baus\b|gehen .*\baus\b|reicht\w*|reichen|reichweite\w*|stock\w*|bestand\w*|bestaende\w*|lagerbestand\w*|materialstatus|need (new|more)|brauch\w* (neue|mehr)|running low|runs? low|(?:getting|gets|get|going) (?:low|short|thin)|looks? thin|(?:fast|bald|gleich|schon) (?:alle|weg|leer)|(?:schaut|schauen|sieht|sehen) (?:\w+ )?d(?:ue|u)nn aus|almost (?:gone|out)|nearly (?:gone|out)|low on|materiallage|materialsituation|material (situation|status|check|overview|lage)|shortage\w*|fehlteil\w*|missing parts|knapp\w*|coverage|how long .*\blast\w*|(will|does|do|would) (it|they) last|lasts? (till|until|through)|wie lange? .*\b(reich|halt|haelt)\w*|leer|empty|verfuegbar\w*|on hand|still (?:got|have) (?:some|any)|got any (?:left|more)|any left|noch (?:welche |was |genug )?da|haben wir noch|(?:liegen|liegt|sind|ist|haben wir) (?:noch )?(?:im|auf|am) lager|(?:in|on) (?:the )?(?:warehouse|stores))\b/;
/** Stock words that mean material on their own; "how long does it last" could be a bearing, so it needs a part or material word. */
const STRONG_STOCK =
  /\b(run(s|ning)? out|run(s)? dry|ausgeh\w*|geht\w* .*\baus\b|gehen .*\baus\b|reichweite\w*|stock\w*|bestand\w*|bestaende\w*|lagerbestand\w*|shortage\w*|fehlteil\w*|missing parts|fehlende (?:teile|bauteile|komponenten)|materialstatus|materiallage|materialsituation|material (situation|status|check|overview|lage)|(running|runs?) low on (anything|something|stuff)|(?:anything|something|what'?s|whats|what is) (?:\w+ )?(?:running|getting) (?:low|short)|(?:wird|werden) (?:was|etwas|irgendwas|welche\w*) knapp|whats short|what is short|reorder (point|level)|below (the )?(minimum|min|safety stock)|safety stock|meldebestand\w*|mindestbestand\w*|sicherheitsbestand\w*|nachbestell\w*)\b/;
const MATERIAL_WORDS =
  /\b(material\w*|parts?|teile|bauteile|components?|komponenten|reels?|rollen|trays?|pcbs?|leiterplatten|platinen|paste|lotpaste|stencils?|schablonen?)\b/;

/** Whether a request could be a request to send: not a question, not a no ("noch nicht losschicken"). */
export function mayAskToSend(text: string): boolean {
  const lower = normalise(text);
  return (
    !QUESTION_START.test(lower) &&
    !NEGATED.test(lower) &&
    // "send it when the tugger is charged": a dispatch on a condition is for later.
    !ON_A_CONDITION.test(lower)
  );
}

/**
 * The material intent a request's words give, or none. Runs before the general rules, so it only
 * fires on words that mean material: "material for PO-24118 is 6 hours late" stays a scheduler
 * what-if (an order named, a delay), as it was before material tools existed.
 */
/** "what's the max paste age on the stencil", "zulässige Standzeit der Paste": a limit the manuals give, not stock. */
export function asksForALimit(text: string): boolean {
  const lower = normalise(text);
  return (
    /\b(max\w*|min|minimum|limit\w*|spec\w*|allowed|permitted|zulaessig\w*|erlaubt\w*|open time|stencil life|shelf life|haltbar\w*|haltbarkeit|verfall\w*|expiry|expiration|standzeit|verarbeitungszeit|topfzeit|before (we|you) (have to )?(bin|scrap|throw)|normal|normally|tolerance\w*|toleranz\w*|acceptable|akzeptabel|in ordnung|too (high|low|thick|thin)|zu (hoch|niedrig|dick|duenn))\b/.test(
      lower,
    ) && !/\b(stock\w*|bestand\w*|how many|how much|wie ?viel\w*|run\w* out|reicht|reichen|short\w*|deliver\w*|liefer\w*|order\w*|bestell\w*)\b/.test(lower)
  );
}

export function materialRuleIntent(
  text: string,
  parts: readonly PartRef[],
  availableTools: ReadonlySet<string>,
  /** The tool of the conversation's last result: right after a replenishment plan, "send it" means one of its runs. */
  lastTool?: string,
  /** Whether the request names a machine: then "paste" is the printer's and "shortage" may be compressed air's. */
  namesMachine = false,
): MaterialIntent | undefined {
  // "bevor ich nen Milkrun losschicke: wie viele … sind noch da?": what the asker means to do next is no request.
  text = withoutPlannedStep(text);
  const lower = normalise(text);
  if (asksForALimit(text)) return undefined;
  // "how many 24V power supply boards came off line 2 today": boards built are production, whatever part words name them.
  // "how much OEE we have until now on L2": a key figure, no stock.
  if (PRODUCED.test(lower) || /\b(?:oee|availability|verf(?:ue|u)gbarkeit|yield|ausbeute|fpy|scrap|ausschuss)\b/.test(lower)) return undefined;
  // "our controller wants to know how many critical alarms we had": alarms, whoever asks (a controller is no microcontroller).
  if (
    /\b(alarm\w*|st(?:ö|oe)rung\w*|st(?:ö|oe)rmeldung\w*)\b/.test(lower) &&
    !/\b(stock|bestand\w*|liefer\w*|deliver\w*|supplier|asn|reels?|rollen?|shortage|knapp)\b/.test(lower)
  )
    return undefined;
  // "Vertrieb will 120 DRV-P22 zusätzlich in 48 Std, geht sich das aus?": more boards of a product by a time — a rush order.
  if (
    /\b(?:zus(?:ae|a)tzlich\w*|extra|additional|on top|mehr)\b/.test(lower) &&
    /\b(?:in|within|binnen|bis)\s+\d+\s*(?:h|hrs?|hours?|std|stunden?|tagen?|days?)\b/.test(lower) &&
    /\b\d+\s+[a-z]/.test(lower)
  )
    return undefined;
  // "what if PO-24121 waits 10 hours for material": an order held up for hours is a scenario on the plan.
  if (
    /^(?:what if|was w(?:ae|a)re,? wenn|angenommen|suppose|assuming)\b/.test(lower) &&
    orderOf(text) &&
    /\b\d+\s*(?:h|hrs?|hours?|stunden?|std)\b/.test(lower) &&
    !mentionedSupplier(text, parts) &&
    !asnId(text)
  )
    return undefined;
  const part = mentionedPart(text, parts, { numbersOnly: namesMachine });
  const supplier = mentionedSupplier(text, parts);
  const has = (intent: MaterialIntent) => availableTools.has(MATERIAL_INTENTS[intent].tool);
  const runOut = /\b(runs? out|running out|runs? dry|runs? short)\b/.test(lower);
  const asksToSend = !runOut && mayAskToSend(text);
  // "Fahrt eins freigeben, die zweite noch nicht", "release RUN-1": a run of a plan is let go by its own word too.
  const releasesARun =
    /\b(?:fahrt|run|tour)\w*\s*-?\s*(?:\d+|eins|zwei|zwo|drei|one|two|three)?\s+(?:\S+\s+){0,2}?freigeb\w*|\brelease\s+(?:the\s+)?(?:(?:first|second|next|tugger|amr)\s+)?(?:run|fahrt|tour)\w*/.test(
      lower,
    );
  if (has('dispatch_transport') && asksToSend && (SEND.test(lower) || releasesARun) && (VEHICLE.test(lower) || lastTool === 'plan_replenishment'))
    return 'dispatch_transport';
  // "RUN-2 but with AMR-02", "RUN-1, aber mit dem TUG-02" after a replenishment plan: the run named is the one to send.
  if (
    has('dispatch_transport') &&
    lastTool === 'plan_replenishment' &&
    /^(?:(?:ok\w*|ja|jo|dann|then|yes|gut|passt)[\s,]+)*run\s*-?\s*\d+\s*(?:$|[,.!]|\b(?:but|aber|mit|with|bitte|pls|please|los|raus|go|now|jetzt)\b)/.test(
      lower,
    ) &&
    !/\?\s*$/.test(text)
  )
    return 'dispatch_transport';
  // "start the tugger run": "start" is a machine command unless a vehicle or a planned run is what starts.
  if (has('dispatch_transport') && asksToSend && /\bstart\w*\b/.test(lower) && START_TARGET.test(lower)) return 'dispatch_transport';
  const replenish = REPLENISH.test(lower) || lower.split(' ').some((word) => word.length >= 8 && editDistance(word, 'replenishment', 2) <= 2);
  // "wie oft muss ich die Paste nachfüllen", "how do I refill the feeder": a how-to is a manual question.
  const howTo = /\b(how (often|do i|do you|do we|to|should)|wie (oft|muss ich|mache ich|macht man|geht)|procedure|anleitung|vorgehen)\b/.test(lower);
  // "put the L1 printer on hold for a paste refill": a machine command with its reason.
  // "Siebdrucker Linie 2 bitte pausieren, Paste nachfüllen": the command closes the first clause, the refill is its reason.
  // "the packer on line 1 has been in hold since the tray refill, let it carry on": the refill is its story, the command
  // in the last clause the request.
  const lastClause = normalise(
    text
      .split(/[,;.!?–—]/)
      .filter((clause) => clause.trim())
      .at(-1) ?? '',
  );
  const commandFirst =
    (namesMachine && parseCommand(lastClause) !== undefined && !REPLENISH.test(lastClause)) ||
    // "ok trays are refilled, reset it": the command on the machine just talked about, the refill its reason.
    (parseCommand(lastClause) !== undefined &&
      /\b(?:it|ihn|den|die)\s*(?:now|jetzt|bitte|please|pls|again|wieder)?\s*$/.test(lastClause) &&
      !REPLENISH.test(lastClause)) ||
    // "could you start the printer on line 1 again? paste is refilled": the command asked first, the refill told after.
    /^(?:(?:ok|so|then|dann)[\s,]+)?(?:could|can|would|will) you (?:please |pls )?(?:start|stop|hold|pause|resume|reset|restart|unhold|clear)\b/.test(lower) ||
    /^(please |pls |bitte )?(put|stop|hold|pause|halt|start|restart|reset|stopp\w*|halte?|pausier\w*|starte?)\b/.test(lower) ||
    (namesMachine && /^[^,;:–—-]*\b(pausieren|stoppen|anhalten|abschalten|ausschalten|in (?:den )?hold)\s*(?:bitte|mal|kurz)?\s*[,;:–—-]/i.test(text));
  // "stop the packer on line 2 before the tray magazine runs dry": a machine command whose reason is material.
  if (/^(please |pls |bitte )?(stop|hold|pause|halt|restart|reset|stopp\w*|halte?|pausier\w*)\b/.test(lower) && !replenish) return undefined;
  // "both lines at a glance, what runs and what doesn't": the plant overview, not the tugger runs.
  if (/\b(at a glance|overview|big picture|ueberblick|uebersicht|lagebild)\b/.test(lower) && !replenish) return undefined;
  // "is the printer on L2 ready after the paste refill?", "läuft der Drucker wieder seit dem Nachfüllen?": a machine's
  // state asked, the refill only when.
  const stateAfterRefill =
    namesMachine &&
    /^(?:(?:so|ok|and|und|also)\s+)?(?:is|are|was|ist|sind|laeuft|lauft|steht)\b/.test(lower) &&
    /\b(?:after|since|nach|seit)\s+(?:the\s+|dem\s+|der\s+|its\s+)?(?:[\w-]+\s+)?(?:refill\w*|top ?up|nachfuell\w*|auffuell\w*)/.test(lower);
  // "Murata 100nF - wie viel liegt noch im Supermarkt", "when's the supermarket empty": how much is left, asked of the
  // place it lies in — the stock, not a run to fill it.
  const stockAsked =
    /\b(?:wie ?viel\w*|how (?:much|many)|wann\b[^?.!]*\bleer|when\b[^?.!]*\bempty|wie lang\w*\b[^?.!]*\breich\w*|how long\b[^?.!]*\blast|reichweite|coverage|qty|quantity|menge|bestand|stock)\b/.test(
      lower,
    ) && !/\b(?:plan|send|schick\w*|run|runs|fahrt\w*|tour\w*|need to go|muss\b[^?.!]*\ban die linie)\b/.test(lower);
  if (has('plan_replenishment') && replenish && !howTo && !commandFirst && !stateAfterRefill && !stockAsked && !/\b(late|spaet|verspaet\w*)\b/.test(lower))
    return 'plan_replenishment';
  // "bitte die nächsten Materialfahrten einplanen", "plan the next material runs": runs of any kind, in compounds too.
  if (
    has('plan_replenishment') &&
    !runOut &&
    (PLAN_WORDS.test(lower) || /\beinplan\w*/.test(lower)) &&
    /\b(tugger\w*|routenzug\w*|amrs?|milk ?run\w*|\w*fahrten|\w*touren|runs)\b/.test(lower)
  )
    return 'plan_replenishment';
  // "at incoming inspection we found 300 of the ISO7741DWR bad", "bei der Wareneingangsprüfung sind 200 Stück
  // durchgefallen": parts rejected before they reach a line — a disruption of supply, not an AOI result.
  if (
    has('supply_disruption_impact') &&
    // ("WE hat 500 gesperrt": WE is the floor's Wareneingang.)
    (/\b(incoming inspection|goods[- ]in|receiving inspection|wareneingang\w*|eingangspr\w*)\b/.test(lower) || /\bWE\b/.test(text)) &&
    /\b(bad|reject\w*|fail\w*|durchgefallen|gesperrt|zur(?:ü|ue)ckgewiesen|zurueckgewiesen|zurueckgeschickt|zur(?:ü|ue)ckgeschickt|nio|n\.i\.o|defekt\w*|schlecht\w*|abgelehnt|ausgesondert|aussortiert|scrap\w*)\b/.test(
      lower,
    )
  )
    return 'supply_disruption_impact';
  const order = orderOf(text);
  if (has('supply_disruption_impact') && !order) {
    if (asnId(text) && !/\b(when|wann|eta)\b/.test(lower)) return 'supply_disruption_impact';
    if ((DELIVERY.test(lower) || supplier) && DISRUPTION.test(lower)) return 'supply_disruption_impact';
    if (
      part.kind === 'one' &&
      (rejectedQuantity(text) !== undefined || shortfallPct(text) !== undefined || (delayHours(text) !== undefined && DISRUPTION.test(lower)))
    )
      return 'supply_disruption_impact';
    // "which of the announced supply problems hit us", "welche Lieferprobleme betreffen uns": the disruptions on file.
    if (
      /\b(supply (problems?|issues?|disruptions?|risks?)|supplier (problems?|issues?)|lieferproblem\w*|lieferstoerung\w*|versorgungsproblem\w*|lieferengp\w*)\b/.test(
        lower,
      )
    )
      return 'supply_disruption_impact';
  }
  if (has('material_status')) {
    // "wieviel Teile fehlen für PO-24122", "parts missing for 24122": what the order is short of is its material status;
    // a late or short delivery named with it is a disruption.
    const shortForOrder = /\b(fehl\w*|missing|short)\b/.test(lower) && !DELIVERY.test(lower);
    if (
      order &&
      /\b(material\w*|parts|teile|bauteile|components|komponenten|kitted|kit|bom|stueckliste)\b/.test(lower) &&
      (!DISRUPTION.test(lower) || shortForOrder)
    )
      return 'material_status';
    // "material" alone is everywhere ("material delay"): a stock word must say it is about stock.
    const stockWord = STOCK.test(lower.replace(/\bmaterial\w*/g, ' ')) || STRONG_STOCK.test(lower);
    if (!order && stockWord && !/\b(alarm\w*|feeder\w*|zufuehrung\w*)\b/.test(lower) && (!namesMachine || part.kind !== 'none' || MATERIAL_WORDS.test(lower))) {
      if (STRONG_STOCK.test(lower) || part.kind !== 'none' || MATERIAL_WORDS.test(lower)) return 'material_status';
    }
    if (part.kind === 'one' && /\b(how many|wie viele|wieviel\w*|left|uebrig|noch da|when|wann|eta|next delivery|naechste lieferung)\b/.test(lower))
      return 'material_status';
  }
  return undefined;
}

/** Whether a request has any word of the material world; the material model is trusted only then. */
export function materialEvidence(text: string, parts: readonly PartRef[]): boolean {
  const lower = normalise(text);
  return (
    [MATERIAL_WORDS, DELIVERY, VEHICLE, REPLENISH, STRONG_STOCK].some((words) => words.test(lower)) ||
    asnId(text) !== undefined ||
    mentionedSupplier(text, parts) !== undefined ||
    mentionedPart(text, parts).kind !== 'none'
  );
}

export type MaterialPlanInput = {
  intent: MaterialIntent;
  text: string;
  /** The request with the question a clarifying reply asked about. */
  combined: string;
  language: Language;
  parts: readonly PartRef[];
  /** The plant's machines, for a run named by the machine it goes to ("caps for placer 1 … get that one moving"). */
  assets?: readonly AssetRef[];
  earlier?: EarlierResult[];
  previous?: PreviousCall;
  /** The user's turn before, for "what's on run 2?" → "ok send that". */
  previousText?: string;
  followUp: boolean;
  call: (args: Record<string, unknown>) => Plan;
};

const lineArg = (text: string) => {
  const line = mentionedLine(text);
  return line ? `Line${line}` : undefined;
};

function partList(parts: readonly PartRef[], language: Language): string {
  const names = parts.slice(0, 5).map((part) => `**${part.partNumber}** (${part.description})`);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${say(language, 'or', 'oder')} ${names.at(-1)}`;
}

function materialStatusPlan(input: MaterialPlanInput): Plan {
  const { combined, language } = input;
  // "stock of the Murata caps" → "and the Samsung alternate?": the part this message names wins over the one before.
  const own = input.text !== combined ? mentionedPart(input.text, input.parts) : undefined;
  // "und die 0402er Widerstände?" naming two alternates is asked back, not read as the part before.
  const part = own?.kind === 'one' || own?.kind === 'ambiguous' ? own : mentionedPart(combined, input.parts);
  // "Materialstatus PO-24120" → "und für 24124?": the order this message names wins over the one before.
  const ownOrder = input.followUp
    ? (orderOf(input.text) ??
      // After an order's material, a bare five-digit number is the next order ("und für 24124?").
      (typeof input.previous?.args.order === 'string' ? /^\D*?(?<![\w-])(\d{5})(?![\w-])\D*$/.exec(input.text)?.[1]?.replace(/^/, 'PO-') : undefined))
    : undefined;
  const order = ownOrder ?? orderOf(combined);
  const line = lineArg(combined);
  if (part.kind === 'one') return input.call({ part: part.part.partNumber });
  if (order) return input.call({ order });
  if (line) return input.call({ line });
  if (input.followUp && input.previous?.tool === 'material_status' && part.kind !== 'ambiguous') {
    const { part: previousPart, line: previousLine, order: previousOrder } = input.previous.args;
    const inherited = previousPart ? { part: previousPart } : previousOrder ? { order: previousOrder } : previousLine ? { line: previousLine } : undefined;
    if (inherited) return input.call(inherited);
  }
  // "wie läuft Linie 2" → "was geht zuerst aus?": a run-out question names no line because the conversation is on one.
  const conversationLine = input.previous?.args.line ?? input.previous?.args.asset;
  if (
    part.kind === 'none' &&
    typeof conversationLine === 'string' &&
    /^line\s*\d+$/i.test(conversationLine) &&
    // "and the material on both lines?" asks for more than the line talked about.
    !/\b(both|beide\w*|all|alle\w*|every|jede\w*|plant|werk)\b/i.test(input.text)
  )
    return input.call({ line: conversationLine });
  if (part.kind === 'ambiguous')
    return clarify(
      say(
        language,
        `Which part do you mean: ${partList(part.candidates, language)}? Or name the line, e.g. “what runs out first on line 1”.`,
        `Welches Teil meinen Sie: ${partList(part.candidates, language)}? Oder nennen Sie die Linie, z. B. „Was geht auf Linie 1 zuerst aus?“.`,
      ),
    );
  return clarify(
    say(
      language,
      'For which line, part or order? Stock and run-out are read per line (“what runs out first on line 1”), per part (“how long does the STM32 last”) or per order (“material for PO-24117”).',
      'Für welche Linie, welches Teil oder welchen Auftrag? Bestand und Reichweite gibt es pro Linie („Was geht auf Linie 1 zuerst aus?“), pro Teil („Wie lange reicht der STM32?“) oder pro Auftrag („Material für PO-24117“).',
    ),
  );
}

function disruptionPlan(input: MaterialPlanInput): Plan {
  const { combined, language } = input;
  const delivery = asnId(combined);
  // "stock of the STM32" → "avnet 10h late, impact?": a supplier the message names is what it asks about, not the part
  // the turn before held.
  const ownSupplier = !delivery && mentionedSupplier(input.text, input.parts) !== undefined && mentionedPart(input.text, input.parts).kind === 'none';
  const part = ownSupplier ? ({ kind: 'none' } as const) : mentionedPart(combined, input.parts);
  const supplier = delivery ? undefined : ownSupplier ? mentionedSupplier(input.text, input.parts) : mentionedSupplier(combined, input.parts);
  const args: Record<string, unknown> = {};
  if (delivery) args.delivery = delivery;
  const hours = delayHours(combined);
  const short = shortfallPct(combined);
  const rejected = rejectedQuantity(combined);
  if (part.kind === 'one') args.part = part.part.partNumber;
  // A supplier stands for its next delivery only with a delay or shortfall to apply; named alone, the announced disruptions are assessed.
  // The supplier's id where the material master gives one: it names the supplier exactly, as its long name may not.
  else if (supplier && (hours !== undefined || short !== undefined))
    args.supplier = input.parts.find((candidate) => candidate.supplier === supplier && candidate.supplierId)?.supplierId ?? supplier;
  if (hours !== undefined) args.delayHours = hours;
  if (short !== undefined) args.shortfallPct = short;
  if (rejected !== undefined) args.rejectedQuantity = rejected;
  // "Mouser is 8 hours late" → "and if it's a whole day?": the same delivery, another delay or shortfall.
  const namesOwn =
    asnId(input.text) !== undefined || mentionedPart(input.text, input.parts).kind !== 'none' || mentionedSupplier(input.text, input.parts) !== undefined;
  if (input.followUp && input.previous?.tool === 'supply_disruption_impact' && !namesOwn) {
    const key = (['delivery', 'supplier', 'part'] as const).find((candidate) => typeof input.previous!.args[candidate] === 'string');
    if (key) {
      delete args.delivery;
      delete args.part;
      delete args.supplier;
      args[key] = input.previous.args[key];
    }
  }
  // "Mouser 8 Stunden später" → "und wenns 20 werden?": a lone number replaces the delay (or shortfall) just asked about.
  if (input.followUp && input.previous?.tool === 'supply_disruption_impact' && hours === undefined && short === undefined) {
    const lone = /^[^\d]*\b(\d+(?:[.,]\d+)?)\b[^\d]*$/.exec(input.text)?.[1];
    const value = lone !== undefined ? Number(lone.replace(',', '.')) : undefined;
    if (value !== undefined && value > 0) {
      if (input.previous.args.shortfallPct !== undefined && input.previous.args.delayHours === undefined) args.shortfallPct = value;
      else args.delayHours = value;
    }
  }
  // "the Mouser truck is stuck at customs, which orders are hit": a supplier's delivery held up for no time said. The
  // announced disruptions ({}) may be another supplier's, so the answer would be about the wrong truck: ask how late.
  // "which orders does the late Avnet delivery hurt": a delay the supplier has announced, called the late one — the
  // announced disruptions answer it, without a new delay to assume.
  const announced = /\b(?:the|die|der|das|their|ihre)\s+(?:late|delayed|overdue|verz(?:ö|oe)gerte\w*|versp(?:ä|ae)tete\w*|(?:ü|ue)berf(?:ä|ae)llige\w*)\b/.test(
    input.text.toLowerCase(),
  );
  if (
    supplier &&
    !announced &&
    !args.supplier &&
    !args.delivery &&
    !args.part &&
    rejected === undefined &&
    !(input.followUp && input.previous?.tool === 'supply_disruption_impact')
  )
    return clarify(
      say(
        language,
        `How late will the ${supplier} delivery be? Say e.g. “${supplier} is 8 hours late” or “a day late”, and I assess what it hits. The disruptions suppliers have already announced: “what do the announced delays hit?”.`,
        `Wie spät kommt die Lieferung von ${supplier}? Sagen Sie z. B. „${supplier} kommt 8 Stunden später“ oder „einen Tag später“, dann bewerte ich, was sie trifft. Die bereits gemeldeten Störungen: „was treffen die gemeldeten Verspätungen?“.`,
      ),
    );
  const named = Boolean(args.delivery || args.part || args.supplier);
  if (!named && (hours !== undefined || short !== undefined || rejected !== undefined)) {
    if (part.kind === 'ambiguous')
      return clarify(
        say(
          language,
          `Which part do you mean: ${partList(part.candidates, language)}? Or give the delivery’s ASN id or its supplier.`,
          `Welches Teil meinen Sie: ${partList(part.candidates, language)}? Oder nennen Sie die ASN-Nummer der Lieferung oder den Lieferanten.`,
        ),
      );
    return clarify(
      say(
        language,
        'Which delivery do you mean? Give its ASN id (“ASN-4321 is 6 hours late”), its supplier (“the Würth delivery comes 6 hours later”) or the part.',
        'Welche Lieferung meinen Sie? Nennen Sie die ASN-Nummer („ASN-4321 kommt 6 Stunden später“), den Lieferanten („die Würth-Lieferung kommt 6 Stunden später“) oder das Teil.',
      ),
    );
  }
  // A rejection is counted in pieces of one part; with no part named it means nothing to the tool.
  if (args.rejectedQuantity !== undefined && !args.part) delete args.rejectedQuantity;
  return input.call(args);
}

type PlannedRun = {
  runId: string;
  vehicle: string;
  vehicleKind?: string;
  depart?: string;
  stops?: { stationId: string; stationName?: string; loads?: { partNumber: string }[] }[];
  dispatch: { vehicle: string; stops: unknown[] };
};

function runsOf(output: unknown): PlannedRun[] | undefined {
  const runs = (output as { runs?: unknown }).runs;
  if (!Array.isArray(runs)) return undefined;
  return runs.filter(
    (run): run is PlannedRun =>
      typeof run === 'object' && run !== null && typeof (run as PlannedRun).runId === 'string' && typeof (run as PlannedRun).dispatch === 'object',
  );
}

function describeRun(run: PlannedRun): string {
  const stations = (run.stops ?? []).map((stop) => stop.stationId).join(' → ');
  return `**${run.runId}** (${run.vehicle}${stations ? `: ${stations}` : ''})`;
}

/**
 * A transport typed out in full, with the floor's own ids: "send TUG-02: 20000 x GRM155R71C104KA88D from WH to
 * SM-L2, stop at L2-PNP1-S". Only then is a transport filed without a plan; the tool checks the ids and stock.
 */
function typedDispatch(text: string): { vehicle: string; stops: { stationId: string; loads: Record<string, unknown>[] }[] } | undefined {
  const vehicle = /\b((?:AMR|TUG|AGV)-\d{2})\b/i.exec(text)?.[1]?.toUpperCase();
  const load =
    /\b(\d[\d.,]*)\s*(?:x|×|pcs|stk\.?|stück)?\s+([A-Z0-9][A-Z0-9-]{5,})\s+(?:from|von|vom)\s+([A-Z]{1,4}(?:-[A-Z0-9]+)?)\s+(?:to|nach|an|zu[mr]?)\s+([A-Z]{1,4}-[A-Z0-9]+)\b/.exec(
      text,
    );
  const station = /\b(?:stop at|station|halt an|halt bei|stopp an|stopp bei)\s+([A-Z0-9]+-[A-Z0-9-]+)\b/i.exec(text)?.[1];
  if (!vehicle || !load || !station) return undefined;
  const quantity = Number(load[1]!.replace(/[.,](?=\d{3}\b)/g, ''));
  if (!Number.isInteger(quantity) || quantity <= 0) return undefined;
  return {
    vehicle,
    stops: [{ stationId: station.toUpperCase(), loads: [{ partNumber: load[2]!, quantity, fromLocationId: load[3]!, toLocationId: load[4]! }] }],
  };
}

/** The run of the conversation's replenishment plan that the request points at, or why none. */
function dispatchPlan(input: MaterialPlanInput): Plan {
  const { text, language } = input;
  const typed = typedDispatch(text);
  if (typed) return input.call(typed);
  const runs = latestOutput(input.earlier, ['plan_replenishment'], runsOf);
  if (!runs)
    return clarify(
      say(
        language,
        'Which run? I send only runs a replenishment plan proposed, so the loads and stops are checked. Ask “plan the replenishment runs for line 1” first, then “send RUN-1”.',
        'Welche Fahrt? Ich schicke nur Fahrten aus einem Nachschubplan, damit Ladung und Stopps geprüft sind. Fragen Sie zuerst „Nachschub für Linie 1 planen“, dann „RUN-1 losschicken“.',
      ),
    );
  if (runs.length === 0)
    return clarify(
      say(
        language,
        'The last replenishment plan has no runs to send: nothing is due line-side. Plan again later.',
        'Der letzte Nachschubplan enthält keine Fahrt: Nichts ist fällig. Später erneut planen.',
      ),
    );
  // "send the AMR, not the tugger", "dispatch the first, hold the second", "run 2 now, run 1 later": what is not to go
  // now is taken out before the run is picked (it picked the run named last).
  const lower = normalise(text)
    // "lass den AMR fahrn", "let the tugger go": letting a vehicle drive sends it; "lass den AMR" alone holds it.
    .replace(/\b(?:lass|let)\s+((?:den\s+|die\s+|das\s+|the\s+)?[\w-]+(?:\s+\d)?)\s+(?:los)?(?:fahren|fahrn|rollen|go|roll|drive)\b/g, 'schick $1')
    .replace(
      /(?:,\s*|\s+)(?:but\s+|aber\s+|and\s+|und\s+)?(?:not|nicht|ohne|except|ausser|außer)\s+(?:the\s+|den\s+|die\s+|das\s+|dem\s+|mit\s+dem\s+)?[\w-]+(?:\s+(?:one|run|fahrt|\d))?/g,
      ' ',
    )
    .replace(
      /(?:,\s*|\s+)(?:and\s+|und\s+)?(?:hold|keep|wait with|park|halte?|lass)\s+(?:the\s+|den\s+|die\s+|das\s+)?[\w-]+(?:\s+(?:one|run|fahrt|\d|noch|zur(?:ue|ü)ck|stehen))*/g,
      ' ',
    )
    .replace(/(?:,\s*|\s+)(?:and\s+|und\s+)?(?:run|fahrt|the\s+\w+|die\s+\w+|den\s+\w+)\s*-?\s*\d?\s+(?:later|spaeter|später|afterwards|danach)\b/g, ' ')
    // "RUN-1 can wait, the operators restocked that by hand", "RUN-2 lassen wir, Linie 2 hat noch genug": a run that waits.
    .replace(WAITING_RUN, ' ')
    // "send the AMR one, the tugger can wait", "der Routenzug kann warten": a vehicle whose run waits.
    .replace(WAITING_VEHICLE, ' ');
  const waiting = new Set([...normalise(text).matchAll(WAITING_RUN)].map((match) => match[1]!));
  // "RUN-1 schick ma später, edz ned", "send it later, not now": no run goes now (one said for later beside one for now
  // was taken out above).
  if (NOT_NOW.test(lower)) return laterWrite(language);
  let chosen = runs;
  // "RUN-2", "Fahrt 2", or "the second run", "die zweite Fahrt", "the second one", "the last one".
  const ordinal =
    /\b(first|second|third|fourth|last|erste\w*|zweite\w*|dritte\w*|vierte\w*|letzte\w*)(?:\s+(?:run|fahrt|tour|lauf|one|trip)\b|\s*[.!]?\s*$)/.exec(
      lower,
    )?.[1];
  const runWord = /\b(?:run|fahrt|tour|lauf)\s+(one|two|three|four|eins|zwei|zwo|drei|vier)\b/.exec(lower)?.[1];
  const runNumber =
    /\b(?:run|fahrt|tour|lauf)\s*-?\s*(\d{1,2})\b/.exec(lower)?.[1] ??
    // "Fahrt eins freigeben", "send run two": the run's number said as a word.
    (runWord ? String(numberWord(runWord)) : undefined) ??
    (ordinal
      ? /^(last|letzte)/.test(ordinal)
        ? runs.at(-1)!.runId.replace(/\D/g, '')
        : String(/^(first|erste)/.test(ordinal) ? 1 : /^(second|zweite)/.test(ordinal) ? 2 : /^(third|dritte)/.test(ordinal) ? 3 : 4)
      : undefined);
  // "plan replenishment" → "what's on run 2?" → "ok send that": the run the turn before asked about.
  const runAskedBefore =
    runNumber === undefined && /\b(?:that|it|this one|that one|den|die|das|diese\w*|ihn)\b/.test(lower)
      ? /\b(?:run|fahrt|tour|lauf)\s*-?\s*(\d{1,2})\b/i.exec(input.previousText ?? '')?.[1]
      : undefined;
  if (runNumber ?? runAskedBefore) chosen = chosen.filter((run) => run.runId.replace(/\D/g, '') === (runNumber ?? runAskedBefore));
  // "send the tugger one but use tugger two instead, it's charged", "nimm stattdessen TUG-02": the run named, on another
  // vehicle of its kind — its checked loads and stops, only the vehicle swapped.
  const swapTo =
    /\b(?:use|take|with|mit|nimm|nehmt|nehmen)\s+(?:the\s+|den\s+|dem\s+)?(?:stattdessen\s+)?(tug|tugger|routenzug|amr)\s*-?\s*0?(\d|one|two|eins|zwei)\b/.exec(
      lower,
    );
  if (swapTo && /\b(instead|stattdessen|statt|anstatt|rather)\b/.test(lower)) {
    const number = /^\d$/.test(swapTo[2]!) ? swapTo[2]! : /^(one|eins)$/.test(swapTo[2]!) ? '1' : '2';
    const serial = `${swapTo[1] === 'amr' ? 'AMR' : 'TUG'}-0${number}`;
    const rest = lower.replace(swapTo[0], ' ');
    const ofKind = chosen.filter((run) =>
      /\b(amr|amrs|agv|fts)\b/.test(rest) ? run.vehicleKind === 'amr' : /\b(tugger|tug|routenzug\w*|zug)\b/.test(rest) ? run.vehicleKind !== 'amr' : true,
    );
    if (ofKind.length === 1 && ofKind[0]!.vehicle.toUpperCase().slice(0, 3) === serial.slice(0, 3) && ofKind[0]!.vehicle.toUpperCase() !== serial)
      return input.call({ vehicle: serial, stops: ofKind[0]!.dispatch.stops });
  }
  // "mit dem zweiten Tugger", "with the other AMR": a vehicle by its place, the other one of the run's kind.
  const byPlace = /\b(first|second|other|erste\w*|zweite\w*|andere\w*)\s+(tug|tugger|routenzug|amr)\b/.exec(lower);
  const placeNumber = byPlace
    ? /^(first|erste)/.test(byPlace[1]!)
      ? '1'
      : /^(second|zweite)/.test(byPlace[1]!)
        ? '2'
        : chosen.length === 1
          ? chosen[0]!.vehicle.endsWith('1')
            ? '2'
            : '1'
          : undefined
    : undefined;
  // "TUG-01 is sitting on the charger, put RUN-1 on TUG-02 instead": of two vehicles named, not the one told unavailable.
  const vehiclesNamed = [...lower.matchAll(/\b(tug|tugger|routenzug|amr)\s*-?\s*0?(\d)\b/g)];
  const usable = vehiclesNamed.filter(
    (match) =>
      // ("TUG-01 has a flat tyre lol, take TUG-02 for RUN-1", "der TUG-01 hat nen Platten".)
      !/^\s*(?:is|'s|ist|steht|h(?:ä|ae)ngt|has|hat|got)?\s*(?:still\s+|noch\s+|gerade\s+|grad\s+)?(?:a\s+|an\s+|nen\s+|einen\s+|ein\s+)?(?:sitting on the charger|on the charger|charging|down|broken|out of service|busy|dead|flat|puncture|platten|plattfu(?:ß|ss)|kaputt|l(?:ä|ae)dt|am lade\w*|an der lade\w*|leer|defekt|in (?:der )?wartung)\b/.test(
        lower.slice(match.index + match[0].length),
      ),
  );
  const vehicle =
    (vehiclesNamed.length > 1 && usable.length === 1 ? usable[0] : vehiclesNamed[0]) ??
    (byPlace && placeNumber ? [byPlace[0], byPlace[2]!, placeNumber] : null);
  if (vehicle) {
    const serial = `${vehicle[1] === 'amr' ? 'AMR' : 'TUG'}-0${vehicle[2]}`;
    const byVehicle = chosen.filter((run) => run.vehicle.toUpperCase() === serial);
    // "send run 2 but use AMR-02, 01 is charging", "Fahrt 1 mit TUG-02 statt TUG-01": the numbered run on another
    // vehicle of the same kind — its checked loads and stops, only the vehicle swapped.
    const swapped = runNumber && byVehicle.length === 0 && chosen.length === 1 && chosen[0]!.vehicle.toUpperCase().startsWith(serial.slice(0, 3));
    if (swapped) return input.call({ vehicle: serial, stops: chosen[0]!.dispatch.stops });
    // "send the tugger run but on TUG-02, 01 is still on the charger": the one run of that kind, on the other vehicle.
    const ofKind = chosen.filter((run) => run.vehicle.toUpperCase().startsWith(serial.slice(0, 3)));
    if (byVehicle.length === 0 && ofKind.length === 1) return input.call({ vehicle: serial, stops: ofKind[0]!.dispatch.stops });
    // … and where TUG-02 has a run of its own, "but on TUG-02" still moves another run onto it: the one other run of that
    // kind, or the question which (never TUG-02's own run, which the message did not ask for).
    const others = ofKind.filter((run) => run.vehicle.toUpperCase() !== serial);
    if (byVehicle.length > 0 && others.length > 0 && /\b(?:but (?:on|with|use)|instead|statt|anstatt|stattdessen)\b/.test(lower)) {
      if (others.length === 1) return input.call({ vehicle: serial, stops: others[0]!.dispatch.stops });
      chosen = ofKind;
    } else chosen = byVehicle;
  } else if (/\b(tugger|tug|routenzug\w*|zug|schlepper)\b/.test(lower)) chosen = chosen.filter((run) => run.vehicleKind !== 'amr');
  else if (/\b(amr|amrs|agv|fts)\b/.test(lower)) chosen = chosen.filter((run) => run.vehicleKind === 'amr');
  // "plan replenishment for line 1" → "send it": the line the plan was asked for, when the message names none.
  // Not for "beide Fahrten", "send them all": each run is its own approval, so the list is offered instead.
  const plannedFor =
    input.previous?.tool === 'plan_replenishment' && typeof input.previous.args.line === 'string' && !/\b(beide\w*|both|all|alle\w*)\b/.test(lower)
      ? mentionedLine(input.previous.args.line)
      : undefined;
  const onLine = (line: string) =>
    chosen.filter((run) => (run.stops ?? []).some((stop) => new RegExp(`\\bL${line}\\b`).test(stop.stationId.replace(/-/g, ' '))));
  // (The line the message names outside what it takes back: "RUN-2 lassen wir, Linie 2 hat noch genug" names no run's line.)
  const named = mentionedLine(lower.replace(/\b(?:hat|has|have|haben)\s+(?:noch\s+|still\s+)?(?:genug|enough)\b.*$/, ' '));
  if (named) chosen = onLine(named);
  // The plan's own line only narrows what the message leaves open: "plan for line 1" → "send the AMR" is the AMR's run.
  else if (plannedFor && onLine(plannedFor).length > 0) chosen = onLine(plannedFor);
  // "caps for placer 1 are urgent, get that one moving": the run to the station of the machine named.
  const machineNamed = runNumber ? undefined : resolveAsset(text, [...(input.assets ?? [])]);
  const machineIds =
    machineNamed?.kind === 'one'
      ? [machineNamed.asset.id]
      : machineNamed?.kind === 'ambiguous'
        ? machineNamed.candidates.map((asset: AssetRef) => asset.id)
        : [];
  const toMachine = chosen.filter((run) => (run.stops ?? []).some((stop) => machineIds.some((id) => stop.stationId.startsWith(`${id}-`))));
  if (machineIds.length > 0 && toMachine.length === 1) chosen = toMachine;
  // A run named by its number needs no part to pick it ("driver's here. send RUN-1" names no gate driver).
  const part = runNumber ? ({ kind: 'none' } as const) : mentionedPart(text, input.parts);
  if (part.kind === 'one')
    chosen = chosen.filter((run) => (run.stops ?? []).some((stop) => (stop.loads ?? []).some((l) => l.partNumber === part.part.partNumber)));
  if (chosen.length > 1 && /\b(first|next|earliest|erste\w*|naechste\w*|fruehste\w*)\b/.test(lower))
    chosen = [[...chosen].sort((a, b) => Date.parse(a.depart ?? '') - Date.parse(b.depart ?? ''))[0]!];
  chosen = chosen.filter((run) => !waiting.has(run.runId.replace(/\D/g, '')));
  if (chosen.length === 1) return input.call({ vehicle: chosen[0]!.dispatch.vehicle, stops: chosen[0]!.dispatch.stops });
  const options = (chosen.length > 1 ? chosen : runs).slice(0, 6).map(describeRun);
  const list = options.join(', ');
  return clarify(
    chosen.length > 1
      ? say(
          language,
          `Which run should I send: ${list}? Say e.g. “send ${chosen[0]!.runId}”.`,
          `Welche Fahrt soll ich schicken: ${list}? Z. B. „${chosen[0]!.runId} losschicken“.`,
        )
      : say(
          language,
          `No run of the last plan fits that. The plan has ${list}; say which one, e.g. “send ${runs[0]!.runId}”.`,
          `Keine Fahrt des letzten Plans passt dazu. Der Plan hat ${list}; sagen Sie welche, z. B. „${runs[0]!.runId} losschicken“.`,
        ),
  );
}

/** "later", "not yet", "edz ned", "noch nicht": a run to go another time. */
const NOT_NOW =
  /\b(?:later|spaeter|später|not (?:yet|now|right now)|noch nicht|nicht jetzt|(?:jetzt|jetz|etz|edz) (?:noch )?(?:ned|net|nicht|nich)|in a bit|gleich nicht)\b/;

/** "for all lines", "both lines", "für alle Linien", "beide Linien", "the whole plant", "das ganze Werk". */
const EVERY_LINE =
  /\b(?:all|both|every|each|alle\w*|beide\w*|jede\w*)\s+(?:the\s+)?(?:lines?|linien?)\b|\b(?:whole|entire|ganze\w*)\s+(?:plant|factory|shop ?floor|werk|halle|fabrik)\b|\bplant-?wide\b|\bwerksweit\b/;

/** The tool call (or the question back) for one material request. */
export function materialPlan(input: MaterialPlanInput): Plan {
  switch (input.intent) {
    case 'material_status':
      return materialStatusPlan(input);
    case 'supply_disruption_impact':
      return disruptionPlan(input);
    case 'plan_replenishment': {
      // "material situation line 1" → "plan replenishment for all lines": every line, whatever line came before.
      if (EVERY_LINE.test(normalise(input.text)) && !lineArg(input.text)) return input.call({});
      const line = lineArg(input.combined) ?? (input.followUp && typeof input.previous?.args.line === 'string' ? input.previous.args.line : undefined);
      return input.call(line ? { line } : {});
    }
    case 'dispatch_transport':
      return dispatchPlan(input);
  }
}
