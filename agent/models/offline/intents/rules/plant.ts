/**
 * Rules for requests about the plant and its plan: a stop's alarms, setpoint values and command verbs,
 * releasing a draft, booking and forecasting maintenance, the utilities, work orders, the handover and
 * a new schedule.
 */
import { withoutNegatedWrites } from '../../negated-clauses';
import { SILENCES_A_SIGNAL, parseCommand } from '../../commands';
import { foldInitialUmlauts, lastSentence, withoutQuotedText } from '../../text';
import { beforeStop, besideAShift, bookingWindow, parseTimeWindow } from '../../time-window';
import { detectLanguage } from '../../language';
import { DRAFT_ID, setpointValue, orderId } from '../slots';
import { PRONOUN, asksWhatIf, wordCount } from '../conversation';
import { namesMeasurement, setpointTalkedAbout, strongWritable, withoutAssetWords } from '../tag-match';
import { LATER, relativeOnly } from '../plans/plant-writes';
import {
  ASKS_OR_REPORTS,
  DONE_BY_OTHERS,
  GIVE_FREE,
  NEEDS_A_CHANGE,
  REPORTED_OR_HEDGED,
  VALUE_JUDGED,
  explicitWrite,
  imperativeCommand,
  laterOrNoun,
  toldAskedOrPasted,
  wishedWrite,
} from '../write-requests';
import type { AssetRef } from '../../../../assets';
import type { RuleContext, RuleMatch } from './rule-context';

/** "mach 135", "make it 16": a write of a bare value, whose target is the value just read. */
/** A job booked ("book it", "einplanen", "Arbeitsauftrag"): its window's numbers and "start" are no setpoint or command. */
/** A machine's measurement, asked over a shift: its trend, not the shift's report. */
const SHIFT_MEASUREMENT =
  /\b(temp\w*|pressure|druck\w*|vibration\w*|vib|speed|geschwindigkeit\w*|o2|oxygen|sauerstoff|flow|durchfluss|current|strom|vacuum|vakuum|squeegee|rakel\w*|height|h(?:ö|oe)he|volume|volumen)\b/;

const BOOKS_A_JOB = /\b(book|buch\w*|einplan\w*|work ?order|ticket|arbeitsauftrag\w*|wartungsauftrag\w*|instandhaltungsauftrag\w*)\b/;

/** Acknowledging alarms, asked for: "ack all alarms", "acknowledge E-302", "Alarme quittieren". */
export const ACKNOWLEDGE_ALARMS =
  /\b(?:ack|acknowledge|quit|confirm|reset|clear|quittier\w*|best(?:ä|ae)tig\w*|zur(?:ü|ue)cksetz\w*)\b.*\b(?:alarms?|alarme?n?|meldung\w*|st(?:ö|oe)rmeldung\w*|[a-z]-\d{3})\b|\b(?:alarms?|alarme?n?|meldung\w*|[a-z]-\d{3})\b.*\b(?:ack|acknowledge|quittier\w*|quittieren|best(?:ä|ae)tigen)\b/;

export const BARE_VALUE_WRITE =
  /(?:^|[,;–—-]\s*)(?:(?:ok\w*|dann|then|so|gut|ja|jo)[\s,]+)*(?:mach|mache|make|setz\w*|stell\w*|set|put|bring|take|give|gib|geb)\s+(?:(?:it|es|mal|halt|doch|eben|ihn|ihm|den|die|das|that|this)\s+)*(?:(?:auf|to|at)\s+)?-?\d+(?:[.,]\d+)?\b/;

/**
 * A message that is only the value to go to, for the setpoint just read: "auf 135 bitte", "runter auf 45 damit", "die
 * muss hoch auf 135, mach mal", "down to 14 then", "dann geh mal runter auf 6,2 bar".
 */
export const VALUE_ONLY =
  /^(?:(?:ok\w*|dann|then|so|gut|ja|jo|na|yes|yeah)[\s,]+)*(?:(?:die|der|das|er|sie|es|it|that|this)\s+(?:muss|soll|sollte|should|needs to|must|has to)\s+|(?:soll|sollwert|setpoint|sp)\s+|(?:geh|gehe|gehen wir|fahr|fahre|dreh|drehe|go|take it|bring it|drop it|put it)\s+(?:(?:mal|halt|doch|eben|bitte)\s+)*)?(?:(?:auf|to|down to|up to|runter auf|hoch auf|rauf auf|runter|hoch|rauf|down|up)\s+)*-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar|c|mm\/s|n|%)?\s*(?:runter|hoch|rauf|down|up)?\s*(?:damit|with it|then|dann)?\s*[,.]?\s*(?:mach mal|machen|do it|pls|please|bitte|thx|danke)?[\s.!]*$/;

/** "bring that down a bit", "drop it a touch", "bissl runter damit", "etwas höher bitte": a change without its value. */
export const CHANGE_A_BIT =
  /\b(?:bring|take|drop|raise|bump|nudge|lower|reduce|increase|turn|crank|push|dreh\w*|stell\w*|mach\w*|geh\w*|fahr\w*)?\s*(?:it|that|this|es|das|den|die|ihn|sie)?\s*(?:down|up|runter|hoch|rauf|höher|hoeher|niedriger)?\s*(?:a (?:bit|little|touch|notch|tad)|slightly|etwas|bisschen|bissl|bissel|ein wenig|ein st(?:ü|ue)ck|a few degrees|ein paar grad)\b(?:\s*(?:down|up|runter|hoch|rauf|h(?:ö|oe)her|niedriger|damit|pls|please|bitte))*\s*[.!]?\s*$/;

/** "soll auf 172 bitte", "down to 14 then" after a reading: only the value, with its direction or courtesy — asked for. */
function valueForSetpointJustRead({ lower, usesPrevious }: RuleContext): boolean {
  return usesPrevious && VALUE_ONLY.test(lower) && /\b(auf|to|runter|hoch|rauf|down|up|bitte|please|pls|mach)\b/.test(lower);
}

/** "gestern", "last week": a past day or week, whose figures are the handover's — the overview shows the shift so far. */
const PAST_DAY_OR_WEEK =
  /\b(yesterday|gestern|gestrig\w*|vorgestern|day before yesterday|last night|letzte nacht|(?:last|past|previous) week|(?:letzte|letzten|vorige|vorigen|vergangene|vergangenen) woche)\b/;

/** A verb that sets a value, not one that books or plans ("schedule … 8 to 12"). */
const SETTING_VERB =
  /\b(set|change|raise|lower|increase|decrease|adjust|reduce|bump|crank|drop|turn|bring|take|put|stell\w*|setz\w*|dreh\w*|(?:ä|ae)nder\w*|erh(?:ö|oe)h\w*|senk\w*|reduzier\w*)\b|\b(?:mind|try)\s+(?:setting|changing|raising|lowering|adjusting|reducing|bumping|dropping|turning|bringing|taking|putting)\b/;

/** A machine with one writable tag ("the chiller", "the compressor"): a value for it needs no tag named. */
function hasOneSetpoint(target: AssetRef): boolean {
  return (target.tags ?? []).filter((tag) => tag.writable).length === 1;
}

/** What people will do, told: "morgen früh fahren wir den Chiller runter, die Wartung kommt", "we're taking the oven down Friday". */
const MAINTENANCE_TOLD =
  /\b(?:fahren|machen|nehmen|schalten|legen|stoppen|tauschen|wechseln) wir\b|\bwir (?:fahren|machen|nehmen|schalten|legen|stoppen|tauschen|wechseln)\b|\b(?:we'?re|we are|we'?ll|we will|they'?re|they are|they'?ll|they will)\s+(?:\w+\s+)?(?:taking|take|shutting|shut|bringing|bring|doing|do|swapping|swap|going)\b|\b(?:wartung|instandhaltung|die ih|maintenance|service)\s+(?:kommt|is coming|comes|will come)\b/;

/** "der muss runter", "die muss höher", "that needs to come down", "it should go up a bit": a value said to need moving. */
const MUST_MOVE =
  /^(?:(?:ok|so|hm+|na|also|dann|then)[\s,]+)?(?:der|die|das|den|er|sie|es|that|this|it|they)\s+(?:\S+\s+)?(?:muss|m(?:ü|ue)ssen|soll|sollte|needs? to|has to|should|must|ought to)\s+(?:\S+\s+){0,2}?(?:runter|hoch|rauf|h(?:ö|oe)her|niedriger|tiefer|k(?:ä|ae)lter|w(?:ä|ae)rmer|come down|go up|go down|come up|be higher|be lower|drop|rise)\b/;

/** "half the speed", "halb so schnell", "twice the …", "doppelt so", "10 percent", "half a bar", "5 Grad unterm Maximum": a change by a factor or share. */
const SCALED_CHANGE =
  /\bhalf (?:the|its|of the)\s+\w+|\bhalb so\b|\b(?:twice|double)\s+(?:the|its|as)\b|\bdoppelt so\b|\b\d+(?:[.,]\d+)?\s*(?:%|percent|prozent)(?![\w])|\bhalf an? (?:bar|degree|notch)\b|\bein(?:en)? halbe[ns]? (?:bar|grad)\b|\b(?:unter(?:m|halb)?|below|under)\s+(?:dem\s+|the\s+)?(?:max\w*|min\w*|limit\w*|grenz\w*)\b|\ba (?:touch|notch|tad|smidge)\b/;

/** "back to what it was", "wieder auf den alten Wert", "to the spec value", "same … as on L1", "wie üblich": a value named by where it is kept. */
const VALUE_HELD_ELSEWHERE =
  /\b(?:back to|zur(?:ü|ue)ck auf|wieder auf|to|auf)\s+(?:what it was|where it was|how it was|what (?:it|they) (?:had|ran|were)|(?:the\s+|den\s+|die\s+|das\s+|its\s+)?(?:old|previous|default|usual|normal|standard|spec|nominal|alten?|vorherigen?|(?:ü|ue)blichen?|normalen?|standard\w*|werks\w*)(?:\s*(?:value|setting|setpoint|wert|einstellung|sollwert))?\b|whatever\b|(?:the\s+)?(?:spec|datasheet|manual)\s+value|den wert von|the value (?:from|of|in))|\bsame\s+(?:\S+\s+){0,3}?as (?:on|at|in|for|the)\b|\bwie\s+(?:gestern|(?:ü|ue)blich|immer|vorher|sonst)\b|\bgleiche[nr]?\s+(?:\S+\s+){0,3}?wie\b/;

export function plantRule(rules: RuleContext): RuleMatch | undefined {
  const { text, lower, input, timeContext, resolution, machine, target, usesPrevious } = rules;
  // "I'd like the ICT on line 1 started please", "man müsste den Ofen L2 jetzt runterfahren, kümmerst du dich drum?": a
  // change wished for now, or handed over, with its command or value.
  if (target && parseCommand(text) && wishedWrite('machine_command', lower)) return ['machine_command', usesPrevious];
  if (target && setpointValue(text) !== undefined && !parseCommand(text) && wishedWrite('set_setpoint', lower)) return ['set_setpoint', usesPrevious];
  // (Not "…, stop it before it blows up": a stop asked for, with what it should come before.)
  if (beforeStop(text) && !imperativeCommand(text)) return ['alarms', false];
  // "reschedule everything, the L2 oven is down", "mach einen neuen Plan, Linie 2 steht bis 14 Uhr": a plan under an
  // outage is the what-if of that outage (its draft is released like any other).
  if (
    (machine || target?.type === 'line') &&
    /\b(re-?schedul\w*|re-?plan\w*|new (?:plan|schedule)|neue[nr]? (?:plan|zeitplan)|neu planen|neu einplanen|umplan\w*|plan (?:neu|um))\b/.test(lower) &&
    /\b(down|is out|broken|dead|offline|steht|stehen|ausgefallen|f(?:ä|ae)llt\b.*\baus|kaputt|defekt|ausfall\w*|stillstand)\b/.test(lower) &&
    !/\b(why|warum|wieso)\b/.test(lower)
  )
    return ['what_if', false];
  // "what's L1 running rn and how many are left", "was baut Linie 2 gerade": the order on the line and how far it is.
  if (
    target?.type === 'line' &&
    /^(?:(?:so|and|ok|und)\s+)?(?:what'?s|what is|what|which|was|welche\w*)\b[^?.!]{0,30}\b(?:running|building|making|producing|baut|fertigt|produziert)\b/.test(
      lower,
    ) &&
    /\b(?:how many (?:are |boards |pcs )?(?:left|to go|remaining)|wie viele? (?:noch|fehlen|sind noch)|how far|wie weit|rn|right now|atm|gerade|grad|jetzt|currently|now)\b/.test(
      lower,
    ) &&
    !/\b(state|status|zustand|alarm\w*|machines?|maschinen)\b/.test(lower)
  )
    return ['production_status', false];
  // "was läuft grad auf Linie 1": what the line is running, its order — not "wie läuft Linie 1", how it is going.
  if (target?.type === 'line' && /^(?:(?:und|so|ok)\s+)?was l(?:ä|ae)uft\s+(?:(?:gerade|grad|jetzt|aktuell|denn|eigentlich)\s+)*(?:auf|an|bei)\b/.test(lower))
    return ['production_status', false];
  // "what's running on line 2 right now", "what product is running on L2": the order and product on the line.
  if (
    target?.type === 'line' &&
    /^(?:(?:so|and|ok)\s+)?(?:what'?s|what is|which product is|what product is|which order is|what order is)\s+(?:currently\s+|now\s+)?(?:running|being (?:built|made|produced)|in production)\s+(?:on|at|in)\b/.test(
      lower,
    )
  )
    return ['production_status', false];
  // "release the hold on lot PO-24118", "die Sperre für Los PO-24118 aufheben": a quality hold is released by the
  // material review board, not from the chat — the manuals say how (no tool releases product).
  if (
    /\b(release|lift|remove|clear|aufheb\w*|aufzuheben|freigeb\w*|freizugeben|entsperr\w*)\b/.test(lower) &&
    /\b(quality hold|q-?hold|qs-?sperre|sperre|sperrung|gesperrt\w*|quarantine|quarant(?:ä|ae)ne|hold)\b/.test(lower) &&
    (orderId(text) !== undefined || /\b(lot|los|charge|boards?|baugruppen|platinen|quality|qualit(?:ä|ae)t|qs|qa|mrb)\b/.test(lower)) &&
    !(machine && machine.type !== 'line')
  )
    return ['search_manuals', false];
  // "reset the AOI on line 1 after the shift", "stop the L2 oven tomorrow": a command for later is still a command —
  // its plan says a write is filed only for now — not a handover because "shift" is in it.
  if (
    target &&
    target.type !== 'line' &&
    /^(?:(?:please|pls|bitte|can you|could you)\s+)*(?:reset|restart|stop|start|hold|pause|resume|unhold|clear|shut down|switch off|turn off|switch on|turn on)\b/.test(
      lower,
    ) &&
    LATER.test(lower) &&
    !/\?\s*$/.test(lower)
  )
    return ['machine_command', false];
  // "remind me what first article inspection requires", "steht irgendwo wie man den Ofen nach Not-Aus wieder hochfährt": the manuals.
  if (
    /\b(remind me (?:what|how|which|when)|erinner\w* mich,? (?:was|wie|welche\w*|wann)|where does it say|is it written (?:down )?anywhere|steht (?:das )?(?:irgendwo|wo|da|dort)\b.*\b(?:wie|was|ob)|gibt(?:'?s| es) (?:eine |ne )?(?:anleitung|beschreibung|vorschrift)|wie man\b|how (?:one|you) (?:should |would )?(?:restart|start|reset|clean|change|replace|calibrate|set up))\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['search_manuals', false];
  // "ack all alarms on line 2", "acknowledge E-302", "alle Alarme quittieren": no tool acknowledges alarms, so the alarms
  // to acknowledge are listed and the answer says where that is done (answer-writer.ts). One machine's alarm
  // ("E-302 am PnP2 L1 quittieren") is that machine's PackML clear, a command of its own.
  // "turn off the horn on the L2 packer", "mach die Hupe am Packer aus": a horn is silenced at the HMI; its alarms, and
  // never the machine's stop.
  if (target && SILENCES_A_SIGNAL.test(foldInitialUmlauts(lower))) return ['alarms', false];
  if ((!target || target.type === 'line') && ACKNOWLEDGE_ALARMS.test(lower) && !/\b(how|wie|was|what|why|warum|wer|who|when|wann)\b/.test(lower))
    return ['alarms', false];
  // "E-302 seit Schichtbeginn?", "how often did E-210 come up today": an alarm code over a window is its occurrences, not its meaning.
  if (
    /\b[a-z]-\d{3}\b/.test(lower) &&
    /\b(seit|since|today|heute|gestern|yesterday|last|letzte\w*|nacht\w*|night\w*|schicht\w*|shift|how often|wie oft|wie viele|how many|times|occurr\w*|aufgetreten|gekommen|kam)\b/.test(
      lower,
    ) &&
    !/\b(mean|means|meaning|bedeut\w*|heißt|heisst|what (?:do|to do|should)|was tun|was mach\w*|fix|beheb\w*|ursache|cause|manual|handbuch)\b/.test(lower)
  )
    return ['alarms', false];
  // "what's next on L1", "was steht auf L1 als nächstes an": the line's queue.
  if (
    /\b(als n(?:ä|ae)chstes|next up|up next|what'?s next|what comes next|was kommt (?:als )?n(?:ä|ae)chst\w*|next in (?:the )?queue|next in line|in the queue|queue on|queued(?: up)?(?: next)?|warteschlange|als n(?:ä|ae)chste\w* dran)\b/.test(
      lower,
    ) &&
    // "was muss als nächstes gewartet werden", "was geht als nächstes kaputt": the next failure is the forecast's.
    // ("welche Maschine ist als nächstes fällig": a machine due is the forecast's.)
    !/\b(wart\w*|gewartet|kaputt|schlapp\w*|ausf(?:ä|ae)ll\w*|f(?:ä|ae)llt|verschlei\w*|maintenance|service|fail\w*|break\w*|wear\w*|prognose\w*|forecast\w*|liefer\w*|nachschub|material\w*|bringen|deliver\w*|maschine\w*|machines?|anlage\w*)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  )
    return ['production_status', false];
  // "inspect whatever line 2 is running", "lass mal paar Platinen durch die AOI", "AOI für 15 Boards von PO-24120 starten": an inspection run.
  if (
    (/^(?:(?:please|pls|bitte|ok|mal|can you|could you|kannst du)\s+)*inspect\b/.test(lower) ||
      // "kannst du mal nen AOI-Run auf L1 starten", "start an AOI check on line 2": an inspection run, not the machine started.
      (/\b(?:aoi|inspection|inspektion)[- ]?(?:run|lauf|durchlauf|check|pr(?:ü|ue)fung|job)\b/.test(lower) &&
        /\b(start\w*|run|kick off|trigger|laufen lassen|ansto(?:ß|ss)en|machen|mach)\b/.test(lower) &&
        !/\b(results?|ergebnis\w*|how did|wie war)\b/.test(lower)) ||
      // "scan whatever line 1 is building", "scan the current lot on L2": the line's order through the AOI.
      (/^(?:(?:please|pls|bitte|ok|mal|can you|could you|kannst du)\s+)*scan\b/.test(lower) &&
        (target?.type === 'line' || /\b(lot|order|batch|boards?|whatever|what'?s running)\b/.test(lower))) ||
      /\blass\w*\b.*\b(?:platinen|boards?|baugruppen|karten)\b.*\bdurch (?:die|den) (?:aoi|inspektion|pr(?:ü|ue)fung)\b/.test(lower) ||
      (/\b(aoi|inspektion|inspection|optical (?:check|inspection)|optische (?:pr(?:ü|ue)fung|kontrolle)|sichtpr(?:ü|ue)fung)\b/.test(lower) &&
        /\b\d+\s*(?:boards?|platinen|baugruppen|stück|stueck|stk|pcs)\b/.test(lower) &&
        /\b(start\w*|run|laufen lassen|durchlaufen|pr(?:ü|ue)f\w*|check)\b/.test(lower))) &&
    !/\?\s*$/.test(lower)
  )
    return ['trigger_inspection', false];
  // "how did the AOI look on line 2 yesterday", "wie war der AOI auf L1 in der Nachtschicht": what inspection found then.
  if (
    /\b(aoi|inspection|inspektion)\b/.test(lower) &&
    /\b(how did|how was|how were|wie war|wie waren|wie lief|wie sah|wie sahen)\b/.test(lower) &&
    // "how did the AOI defect rate develop": a rate tag over time is a trend.
    !/\b(\w*rate|\w*quote|develop\w*|trend\w*|verlauf\w*|entwickel\w*)\b/.test(lower)
  )
    return ['inspection_results', false];
  if (
    target &&
    target.type !== 'line' &&
    // A value only inside quotation marks is quoted ("im Ticket steht 'Zone2.SetpointC=260 setzen'"), not asked for.
    setpointValue(withoutQuotedText(text)) !== undefined &&
    // "setz Zone 3 vom Ofen 2 auf 185 und sag mir dann den Trend": the trend asked for after the change is a second
    // request; the change is the first, and is not dropped for it.
    !/\b(what if|was wäre|was waere|trend|verlauf|history|alarm)/.test(
      lower.split(/\b(?:und|and)\s+(?:dann\s+|then\s+)?(?:sag|zeig|show|tell|give|gib)\b/)[0]!,
    ) &&
    // A report first and the request in a clause of its own still asks ("… steht auf 18, stell ihn auf 15"); "Soll auf
    // 172 bitte" after a zone's trend is the setpoint's value asked for, not "soll" opening a question.
    (!ASKS_OR_REPORTS.test(lower) || explicitWrite('set_setpoint', lower) || valueForSetpointJustRead(rules)) &&
    // "book it next Tuesday 6 to 10" after the chiller's forecast: a job booked into a window, not a setpoint of 10.
    !BOOKS_A_JOB.test(lower) &&
    // "raise a WO for the chiller pump, tomorrow 6 to 10" (not German "wo", where).
    !/\bWOs?\b/.test(text) &&
    !/\bschedule (?:it|the job|the work|that)\b/.test(lower) &&
    !REPORTED_OR_HEDGED.test(lower) &&
    // "der Chiller auf 12 ist zu kalt": a value judged, with no request after it.
    !(VALUE_JUDGED.test(lower) && !explicitWrite('set_setpoint', lower)) &&
    !toldAskedOrPasted(lower)
  ) {
    if (strongWritable(text, target)) return ['set_setpoint', usesPrevious];
    // "L1 printer to 80 pls", "Drucker L1 auf 80 bitte": the machine, "to" and a value, and nothing else — a set, whose
    // setpoint the planner asks when the machine has several.
    if (
      (target.tags ?? []).filter((tag) => tag.writable).length > 1 &&
      wordCount(text) <= 6 &&
      /^[^,.;!?]{1,40}\b(?:to|auf)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|degrees|n|mm\/s|%)?\s*(?:please|pls|bitte|now|jetzt|asap|sofort)?[\s.!]*$/.test(
        lower,
      )
    )
      return ['set_setpoint', usesPrevious];
    // "stell den Chiller auf 15": a machine with one setpoint, a value and a verb that sets it — that setpoint.
    if (
      hasOneSetpoint(target) &&
      // "chiller zurück auf 16 bitte", "air back to 6.5", "Druckluft runter auf 6,2": a value to go to is one to set.
      (SETTING_VERB.test(lower) ||
        /\b(?:zur(?:ü|ue)ck|wieder|back|runter|hoch|rauf|down|up)\s+(?:auf|to)\s+-?\d/.test(lower) ||
        // "mach mal bitte den Kompressor auf 6,8": the floor's "mach … auf" is a set.
        /\bmach\w*\b[^,.;!?]*\bauf\s+-?\d/.test(lower) ||
        // "der Chiller war gestern auf 14, mach das bitte wieder so": the value it had, asked for again.
        /\b(?:wieder so|so wieder|genau ?so wie|wie vorher|back to that|put it back|same again)\b/.test(lower) ||
        // "compressor to 7", "Kompressor auf 6,5 bitte": the machine, "to" and its value, nothing else.
        (wordCount(text) <= 6 &&
          /^[^,.;!?]{1,40}\b(?:to|auf)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|degrees)?\s*(?:please|pls|bitte|now|jetzt|asap|sofort)?[\s.!]*$/.test(lower)) ||
        // "chiller 14 then, QE agreed": the machine, its value and a word that closes the request.
        /^(?:(?:ok\w*|so|dann|then)[\s,]+)?[a-zäöüß-]+(?:\s+[a-zäöüß-]+)?\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar)?\s*,?\s*(?:then|dann|bitte|please|pls)\b/.test(
          lower,
        ) ||
        // "Kältemaschine bitte einen Tick kälter, 13 Grad": the direction and the value, asked for politely.
        (/\b(?:w(?:ä|ae)rmer|k(?:ä|ae)lter|h(?:ö|oe)her|niedriger|warmer|colder|cooler|hotter|higher|lower)\b/.test(lower) &&
          /\b(?:bitte|please|pls)\b/.test(lower))) &&
      explicitWrite('set_setpoint', lower) &&
      !/\?\s*$/.test(lower)
    )
      return ['set_setpoint', usesPrevious];
    // "Druckluft?" → "auf 6,5 runter", "status compressor" → "6.5 pls": a bare value for the machine just read, which
    // has one setpoint only.
    if (
      usesPrevious &&
      hasOneSetpoint(target) &&
      (BARE_VALUE_WRITE.test(lower) ||
        (/^(?:(?:ok\w*|dann|then|so|gut|ja|jo)[\s,]+)*(?:(?:auf|to|down to|up to|runter auf|hoch auf|rauf auf)\s+)?-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar|c)?\s*(?:runter|hoch|rauf|down|up)?\s*(?:pls|please|bitte|thx|danke)?[\s.!]*$/.test(
          lower,
        ) &&
          (explicitWrite('set_setpoint', lower) || /\b(?:pls|please|bitte)[\s.!]*$/.test(lower)))) &&
      !/\?\s*$/.test(lower)
    )
      return ['set_setpoint', usesPrevious];
    // "that's low, set it to 175" right after a zone's temperature: "it" is that zone's setpoint.
    if (
      usesPrevious &&
      (PRONOUN.test(lower) || /\b(die|das|den|draus|daraus|setpoint|sollwert|soll)\b/.test(lower) || BARE_VALUE_WRITE.test(lower)) &&
      typeof input.previous?.args.tag === 'string' &&
      (explicitWrite('set_setpoint', lower) || valueForSetpointJustRead(rules))
    )
      return ['set_setpoint', usesPrevious];
    // "is the squeegee pressure ok?" → "what should it be according to the manual" → "set it to 75": the setpoint the
    // conversation is about, named a turn or two before.
    if (usesPrevious && PRONOUN.test(lower) && setpointTalkedAbout(input, target) !== undefined && explicitWrite('set_setpoint', lower))
      return ['set_setpoint', usesPrevious];
    // "wie warm ist Zone 8 am Ofen 1" → "setz die auf 245", "auf 245 bitte": the value just read, named in the message before.
    if (
      usesPrevious &&
      (PRONOUN.test(lower) || /\b(die|das|den|draus|daraus|setpoint|sollwert|soll)\b/.test(lower) || BARE_VALUE_WRITE.test(lower) || VALUE_ONLY.test(lower)) &&
      input.previous?.tool === 'asset_state' &&
      input.previousText &&
      strongWritable(input.previousText, target) &&
      explicitWrite('set_setpoint', lower)
    )
      return ['set_setpoint', usesPrevious];
  }
  // "bump it up by 3", "3 Grad höher bitte", "drop it by 2" after a zone was read: a change by an amount, for which the
  // planner asks the exact new value (it names the value read and the result). Nothing is filed from an amount.
  if (
    target &&
    target.type !== 'line' &&
    relativeOnly(text) &&
    /\b(bump|raise|drop|lower|increase|decrease|reduce|take|turn|crank|push|bring|nudge|put|up|down|higher|warmer|colder|cooler|h(?:ö|oe)her|niedriger|hoch|runter|rauf|erh(?:ö|oe)h\w*|senk\w*|reduzier\w*|mehr|weniger|w(?:ä|ae)rmer|k(?:ä|ae)lter|dreh\w*|stell\w*|setz\w*|mach\w*)\b/.test(
      lower,
    ) &&
    !ASKS_OR_REPORTS.test(lower) &&
    !toldAskedOrPasted(lower) &&
    (usesPrevious || strongWritable(text, target) || hasOneSetpoint(target))
  )
    return ['set_setpoint', usesPrevious];
  // "Druck an der Druckluftstation?" → "der muss runter", "chiller supply temp?" → "that needs to come down": the value
  // just read needs changing, its new value not said — the planner asks for it.
  if (
    usesPrevious &&
    target &&
    target.type !== 'line' &&
    wordCount(text) <= 8 &&
    setpointValue(text) === undefined &&
    MUST_MOVE.test(lower) &&
    !/\?\s*$/.test(lower) &&
    (target.tags ?? []).some((tag) => tag.writable)
  )
    return ['set_setpoint', usesPrevious];
  // "L2 Ofen Band halb so schnell bitte", "twice the print speed on L1", "speed the belt up 10 percent", "half a bar lower":
  // a change by a factor or a share, whose new value only the current one gives — the planner asks for it exactly.
  if (
    target &&
    target.type !== 'line' &&
    SCALED_CHANGE.test(lower) &&
    !/\b(?:to|auf)\s+-?\d/.test(lower) &&
    /\b(?:faster|slower|schneller|langsamer|speed\w*|up|down|lower|higher|more|less|mehr|weniger|h(?:ö|oe)her|niedriger|runter|hoch|rauf|please|pls|bitte|put|set|make|run|take|drop|cut|stell\w*|setz\w*|mach\w*|fahr\w*|dreh\w*)\b|\bso (?:schnell|langsam|viel|hoch)\b/.test(
      lower,
    ) &&
    !/\?\s*$/.test(lower) &&
    !ASKS_OR_REPORTS.test(lower) &&
    !toldAskedOrPasted(lower) &&
    !REPORTED_OR_HEDGED.test(lower) &&
    (usesPrevious || strongWritable(text, target) || hasOneSetpoint(target) || /\b(?:speed|geschwindigkeit\w*|band|belt|conveyor)\b/.test(lower))
  )
    return ['set_setpoint', usesPrevious];
  // "zone 4 a little higher on the L1 oven": a change asked for without its value; the planner asks for it.
  if (
    target &&
    target.type !== 'line' &&
    setpointValue(text) === undefined &&
    (CHANGE_A_BIT.test(lower) ||
      /\b(higher|lower|warmer|colder|cooler|hotter|up a (bit|little|notch)|down a (bit|little|notch)|hoeher|höher|niedriger|waermer|wärmer|kaelter|kälter|k(?:ü|ue)hler|hei(?:ß|ss)er|schneller|langsamer|faster|slower|rauf|runter|hoch ?drehen|runter ?drehen|mehr druck|weniger druck|more pressure|less pressure|turn (?:it |\w+ )?(?:up|down)|speed (?:it |\w+ |the \w+ )?up|slow (?:it |\w+ |the \w+ )?down|^(?:(?:please|pls|can you|could you)\s+)*(?:slow down|speed up)\s+(?:the\s+)?|beschleunig\w*|verlangsam\w*)\b|(?<!\b(?:is|ist|sind|are|zu|too|auff(?:ä|ae)llig|recht|ziemlich|sehr|arg|ganz sch(?:ö|oe)n)\s+)\bhoch\s*(?:bitte|mal)?\s*[.!]?$/.test(
        lower,
      ) ||
      // "mach 5 Grad mehr", "5 degrees more": a change by an amount, which the planner asks to make exact.
      /\b\d+(?:[.,]\d+)?\s*(?:grad|degrees?|°c?|k|bar)\s+(mehr|weniger|more|less|up|down)\b/.test(lower)) &&
    !ASKS_OR_REPORTS.test(lower) &&
    !toldAskedOrPasted(lower) &&
    // "soll 245, ist kommt mir niedriger vor": a setpoint and a reading told, "lower" said of the reading.
    !REPORTED_OR_HEDGED.test(lower) &&
    // "zone 5 on the L1 oven?" → "bring that down a bit", "bissl runter damit": the setpoint just read, changed by an
    // amount not said — the planner asks for the value.
    ((usesPrevious &&
      CHANGE_A_BIT.test(lower) &&
      /\b(?:down|up|runter|hoch|rauf|h(?:ö|oe)her|niedriger|drop|raise|lower|reduce|increase|bump|nudge)\b/.test(lower)) ||
      // "Kaltwasser etwas kälter machen": a machine with one setpoint needs no tag named.
      // ("Pumpenschwingung am Kühler": "Kühler" is the machine, not "cooler", so a word of degree must say it is a change.)
      strongWritable(text, target) ||
      (hasOneSetpoint(target) && /\b(etwas|bisschen|bissl|a bit|a little|slightly|ein wenig|ein paar grad|a few degrees|noch)\b/.test(lower)) ||
      // "L2 Ofen etwas wärmer bitte", "make the L2 oven a bit hotter", "chiller colder please": asked for outright — the
      // planner asks which setpoint and to what value, and files nothing until both are said.
      ((target.tags ?? []).some((tag) => tag.writable) &&
        !/\?\s*$/.test(lower) &&
        (/\b(bitte|please|pls|make|mach\w*|turn|dreh\w*|stell\w*|bump|crank|can you|could you|kannst du|k(?:ö|oe)nntest du|slow|speed up)\b/.test(lower) ||
          // "Drucker L2 etwas langsamer": the floor's telegram, with no verb that would make it a report.
          (/\b(?:etwas|bisschen|bissl|a bit|a little|slightly)\s+(?:langsamer|schneller|w(?:ä|ae)rmer|k(?:ä|ae)lter|h(?:ö|oe)her|niedriger|slower|faster|warmer|colder|hotter|cooler)\s*[.!]?$/.test(
            lower,
          ) &&
            !/\b(?:l(?:ä|ae)uft|ist|sind|war|runs?|running|is|are|was|seems?|scheint|wirkt|kommt)\b/.test(lower))) &&
        !REPORTED_OR_HEDGED.test(lower)))
  )
    return ['set_setpoint', usesPrevious];
  // "Zone 2 am L1 Ofen ändern", "adjust the squeegee pressure on L2": a change without its value; the planner asks for it.
  if (
    target &&
    target.type !== 'line' &&
    setpointValue(text) === undefined &&
    (/(?:^|\s)(change|adjust|modify|(?:ä|ae)ndern|(?:ä|ae)ndere|anpassen|verstellen|umstellen|neu einstellen|erh(?:ö|oe)hen|senken|reduzieren|hochdrehen|runterdrehen)\s*(?:bitte|please|pls)?[.!]?\s*$/.test(
      lower,
    ) ||
      /^(?:(?:please|pls|can you|could you)\s+)*(change|adjust|modify|raise|lower|increase|decrease|reduce|bump up|turn up|turn down)\b/.test(lower) ||
      // "header pressure setpoint, need it changed", "Sollwert Druckluft muss geändert werden": the change needed, said.
      NEEDS_A_CHANGE.test(lower)) &&
    !ASKS_OR_REPORTS.test(lower) &&
    !toldAskedOrPasted(lower) &&
    // ("the compressor setpoint needs changing": its one setpoint; "the filter needs changing" is no setpoint.)
    (strongWritable(text, target) || (hasOneSetpoint(target) && /\b(?:setpoint|sollwert)\b/.test(lower)))
  )
    return ['set_setpoint', usesPrevious];
  // "put the compressor pressure back to what it was yesterday", "Druckluft wieder auf den alten Wert", "zone 7 to the spec
  // value from the manual", "same conveyor speed on L2 as on L1": a change whose value is held elsewhere — the planner asks
  // for it exactly (nothing is looked up and filed on the asker's behalf).
  if (
    target &&
    target.type !== 'line' &&
    setpointValue(text) === undefined &&
    VALUE_HELD_ELSEWHERE.test(lower) &&
    !/\?\s*$/.test(lower) &&
    !ASKS_OR_REPORTS.test(lower) &&
    !toldAskedOrPasted(lower) &&
    !REPORTED_OR_HEDGED.test(lower) &&
    (strongWritable(text, target) || hasOneSetpoint(target) || /\b(?:setpoint|sollwert|soll)\b/.test(lower))
  )
    return ['set_setpoint', usesPrevious];
  // "mach mal schneller", "make it go faster": a change with neither machine nor value; the planner asks which.
  // After a machine was talked about ("wie läuft der Ofen Linie 2" → "mach mal bisschen kühler"), that machine's.
  if (
    (!target || usesPrevious) &&
    resolution.kind === 'none' &&
    /^(?:mach|make|go|lass|let)\b.*\b(schneller|langsamer|faster|slower|w(?:ä|ae)rmer|k(?:ä|ae)lter|warmer|colder|hotter|hei(?:ß|ss)er)\s*[.!]?\s*$/.test(lower)
  )
    return ['set_setpoint', usesPrevious];
  // "book it, start at 11pm": the start of a job booked, not a machine's start.
  if (imperativeCommand(text) && (target || resolution.kind !== 'none') && !BOOKS_A_JOB.test(lower)) return ['machine_command', usesPrevious];
  const hasDraft = (input.earlier ?? []).some(
    (result) => (result.tool === 'propose_schedule' || result.tool === 'what_if') && typeof (result.output as { draftId?: unknown })?.draftId === 'string',
  );
  // "propose a schedule" → "and with the L2 oven down for 3 h?": the plan again, under a scenario.
  if (
    hasDraft &&
    /\b(down|out|offline|broken|ausf(?:ä|ae)ll\w*|f(?:ä|ae)llt\b.*\baus|steht|weg|kaputt|late|sp(?:ä|ae)ter|versp(?:ä|ae)t\w*)\b/.test(lower) &&
    /\b\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|std|stunden?)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['what_if', false];
  // "bitte Entwurf 7d3c… zur Freigabe geben": a draft named by its id needs no proposal in this conversation.
  if (
    (hasDraft || DRAFT_ID.test(text)) &&
    (/\b(release|publish|push|send|submit|go live|live|activate|freigeb\w*|freigabe|einreich\w*|aktivier\w*|veröffentlich\w*)\b/.test(lower) ||
      // "gib ihn frei", not "dann lassen wir den Samstag frei".
      GIVE_FREE.test(lower)) &&
    !/\?$/.test(lower) &&
    // "why did you send that plan" asks about a release; it does not ask for one.
    !ASKS_OR_REPORTS.test(lower) &&
    // "the last release broke line 2", "send it once the line is clear": told, or for later.
    !laterOrNoun('release_schedule', lower)
  )
    return ['release_schedule', false];
  // "defect pareto since Monday, all lines", "Fehler-Pareto letzte 24 Std", "top defect types": what inspection found, by kind.
  if (
    /\b(pareto|fehler-?pareto|defect types?|fehlerarten|fehlerbilder?|top defects?|häufigste\w* fehler|haeufigste\w* fehler)\b/.test(lower) &&
    // ("Downtime-Pareto und OEE der letzten Schicht" is the shift's report.)
    !/\b(downtime|stillstand\w*|stops?|stopps?|oee)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['inspection_results', false];
  // "inspect 10 boards of PO-24118" → "how did they come out?", "und wie sieht die Ausbeute aus": what that inspection found.
  if (
    input.previous?.tool === 'trigger_inspection' &&
    /\b(results?|ergebnis\w*|befund\w*|outcome|come out|came out|turn(?:ed)? out|yield|ausbeute|fpy|found|gefunden|defects?|fehler\w*|pass(?:ed)?|fail(?:ed)?|bestanden|durchgefallen|wie (?:sieht|sehen|war|waren|ist)|how (?:did|do|are|were)|kam\w* (?:\w+ )?raus|rausgekommen|herausgekommen|ergeben|ergab)\b/.test(
      lower,
    ) &&
    !/\b(inspect|prüf|pruef|check|scan)\w* (another|more|again|noch|weitere|nochmal)\b/.test(lower)
  )
    return ['inspection_results', false];
  // "Ausbeute AOI Linie 1", "FPY at the AOI today": what inspection found, not the line's output.
  if (
    /\b(aoi|inspection\w*|inspektion\w*)\b/.test(lower) &&
    /\b(yield|ausbeute|fpy|first.pass\w*|pass rate|pseudofehler\w*|false calls?|worst boards?|schlechteste\w*|ausschuss|scrap|rejects?|rejected|defects?|fehler\w*|failed|fails|durchgefallen|n\.?i\.?o\.?)\b/.test(
      lower,
    ) &&
    !/\b(run|start|trigger|inspect (another|more|again)|pr[uü]f\w* (mal|noch))\b/.test(lower) &&
    // "AOI defect rate since midnight", "Fehlerrate AOI": the machine's rate tag over time is a trend.
    !/\b(\w*rate|\w*quote|develop\w*|trend\w*|verlauf\w*|entwickel\w*)\b/.test(lower)
  )
    return ['inspection_results', false];
  // "what did the SPI on line 1 flag in the last hour", "was hat die AOI heute gefunden": what an inspecting machine found.
  if (
    /\b(aoi|spi|ict|inspection|inspektion|paste inspection|pasteninspektion|tester)\b/.test(lower) &&
    /\b(flag\w*|catch|caught|found|find|detect\w*|reject\w*|call\w* out|gefunden|finden|erkannt|angezeigt|bem(?:ä|ae)ngelt|aussortiert|rausgeworfen|gemeldet)\b/.test(
      lower,
    ) &&
    /\b(what|which|how many|anything|was|welche\w*|wie viele|wieviel\w*|irgendwas)\b/.test(lower) &&
    !/\b(alarm\w*|störung\w*|manual|handbuch|how (?:do|to)|wie (?:macht|geht|finde))\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['inspection_results', false];
  // "wie war die Ausbeute in der Frühschicht auf L1", "first pass yield on line 2 last night", "yield on L2 today?": the
  // yield over a window is what inspection found then (an electronics line's yield is its first-pass yield).
  if (
    /\b(ausbeute|fpy|first.pass.yield|first.pass|durchlaufausbeute|yield)\b/.test(lower) &&
    (!machine || machine.type === 'line' || resolution.kind !== 'one') &&
    !/\b(\w*rate|\w*quote|develop\w*|trend\w*|verlauf\w*|entwickel\w*|orders?|auftr\w*|run|start|trigger)\b/.test(lower)
  )
    return ['inspection_results', false];
  // "irgendwelche Kurzschlüsse seit Schichtbeginn?", "any solder bridges on L2 today": a board defect class is what
  // inspection found.
  if (
    /\b(kurzschl(?:ü|ue|u)ss\w*|l(?:ö|oe)tbr(?:ü|ue)cke\w*|unterbrechungen|mausbiss\w*|mousebites?|mouse bites?|solder bridges?|bridging|spurs|pin-?holes?|kupferrest\w*|spurious copper|shorts|fehlerklasse\w*|fehlerart\w*|fehlerbilder|defect (?:class|type|categor)\w*|(?:aoi|inspection) (?:yield|pass rate)|yield trend)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text) &&
    !/\b(manual|handbuch|what (?:is|are|does)|was (?:ist|sind|bedeutet)|why|warum|wieso|how (?:do|to)|wie (?:vermeid|verhinder))\w*/.test(lower) &&
    // "bitte die Boards 51 bis 80 inspizieren lassen, Verdacht auf Kurzschlüsse": an inspection asked for, the defect its reason.
    !/\b(inspizier\w*|inspect\w*|(?:pr(?:ü|ue)fen|checken|scannen) lassen|durch die aoi)\b/.test(lower)
  )
    return ['inspection_results', false];
  // "line 1 AOI saturday", "AOI Linie 2 seit Mitternacht", "AOI-Auswertung für PO-24117 seit gestern früh": the AOI over a
  // past window is what it found then (its state and alarms are asked with their own words).
  if (
    /\b(?:aoi|aoi-?(?:auswertung|ergebnis\w*|befund\w*|report|results?)|optical inspection|optische inspektion)\b/.test(lower) &&
    wordCount(text) <= 10 &&
    !/\b(?:alarm\w*|st(?:ö|oe)rung\w*|hupt|hupe|horn|piep\w*|beep\w*|blink\w*|fault\w*|error\w*|state|status|zustand|trend\w*|verlauf\w*|\w*rate|\w*quote|\w*temperatur\w*|\w*temp|camera|kamera\w*|forecast|prognose|wartung|maintenance|work orders?|run|start\w*|trigger\w*|inspect\b|pr(?:ü|ue)f\w* (?:mal|noch)|stop\w*|hold|reset|manual|handbuch)\b/.test(
      lower,
    ) &&
    !lower.includes('?') &&
    parseTimeWindow(text, detectLanguage(text), timeContext) !== undefined &&
    !imperativeCommand(text)
  )
    return ['inspection_results', false];
  // "lots of opens coming out of line 1 since shift start", "L2 AOI has been flagging way more than usual", "gestern
  // Spätschicht war die Qualität auf Linie 2 mies": bad quality told is what inspection found.
  if (
    /\b(?:opens|shorts|bridges|defects?|fehler\w*|rejects?|ausschuss)\b[^.?!]*\b(?:coming out|came out|come out|kommen raus|kamen raus|rauskommen|rausgekommen)\b|\b(?:flagging|flagged|flaggt|meldet|bem(?:ä|ae)ngelt)\b[^.?!]*\b(?:more than usual|way more|a lot more|mehr als sonst|viel mehr|st(?:ä|ae)ndig)\b|\b(?:quality|qualit(?:ä|ae)t)\b[^.?!]*\b(?:bad|terrible|awful|poor|crap|rubbish|mies|schlecht|grottig|unterirdisch|katastrophal)\b|\b(?:ton|tons|lots|loads|bunch|haufen|menge) (?:of |an? )?(?:defects|opens|shorts|bridges|rejects|fehler\w*)\b/.test(
      lower,
    ) &&
    !/\?\s*$/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['inspection_results', false];
  // "und was macht der ICT dort gerade", "what's the SPI doing right now": a machine's state now, whatever came before.
  if (
    /^(?:(?:und|and|so|ok)\s+)?(?:was macht|was treibt|what'?s|what is|what are)\b.*\b(?:gerade|grad|jetzt|doing|up to|right now)\b/.test(lower) &&
    (resolution.kind !== 'none' ||
      /\b(der|die|das|the)\s+(?:ict|aoi|spi|packer|verpacker|drucker|printer|ofen|oven|bestücker|placer|chiller|kompressor|compressor)\b/.test(lower)) &&
    (!machine || machine.type !== 'line') &&
    !/\b(alarm\w*|orders?|auftr(?:ä|ae)g\w*|plan|schedule|material|stock|bestand|ringing|beeping|alarming|screaming|piept|klingelt|hupt)\b/.test(lower)
  )
    return ['asset_state', false];
  // "worst boards today on L1", "first pass yield on line 2 since 6": only inspection knows boards by defect.
  if (
    /\b(worst boards?|(?:schlechteste|schlimmste)\w* (?:platinen|boards?|baugruppen)|first.pass yield|erstdurchlauf\w*|fpy)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['inspection_results', false];
  // "Überblick über alle Aufträge, was läuft, was ist fertig, was kommt", "overview of all orders": the production orders.
  if (
    !machine &&
    /\b(?:(?:ü|ue)berblick|(?:ü|ue)bersicht|overview|status|stand)\b[^.?!]*\b(?:alle[nr]?\s+|all\s+(?:the\s+)?)?(?:auftr(?:ä|ae)ge|orders|fertigungsauftr(?:ä|ae)ge|production orders)\b/.test(
      lower,
    ) &&
    !/\b(?:work orders?|arbeitsauftr\w*|wartungsauftr\w*)\b/.test(lower)
  )
    return ['production_status', false];
  // "wie läuft die Bude heute", "how's the shop doing": the floor's words for the whole plant.
  if (
    !machine &&
    /\b(?:wie\s+(?:l(?:ä|ae)uft|geht'?s|steht)|how'?s|how is)\b[^?.!]*\b(?:die bude|der laden|dem laden|der bude|the shop|the floor|the place)\b/.test(lower)
  )
    return ['plant_overview', false];
  // "Kaltwassersatz Werte?", "L2 oven readings": a machine's values now, by their own noun.
  // ("zeig die Alarme vom Kaltwassersatz" → "was hat er grad für Werte": the machine just talked about.)
  if (
    target &&
    target.type !== 'line' &&
    wordCount(text) <= 8 &&
    /\b(?:werte|messwerte|values|readings|zahlen|daten|numbers)\b/.test(lower) &&
    !/\b(?:trend|verlauf|history|historie|seit|since|last|letzte\w*|gestern|yesterday|normal\w*|soll\w*|limit\w*|grenz\w*)\b/.test(lower)
  )
    return ['asset_state', usesPrevious];
  // "is anything broken right now", "ist irgendwas kaputt", "steht gerade was": the plant's machines and alarms now.
  if (
    !machine &&
    /\b(?:is|are|has)\s+(?:anything|something|any machine|anything else)\s+(?:broken|down|stopped|wrong|faulted|failed|dead)\b|\b(?:ist|sind)\s+(?:irgend)?(?:was|etwas|eine maschine)\s+(?:kaputt|ausgefallen|gestört|gestoert|down)\b|^(?:(?:und|so|ok|na)\s+)?steht\s+(?:gerade|grad|jetzt|im moment)?\s*(?:irgend)?(?:was|etwas|eine maschine)\s*\??$/.test(
      lower,
    )
  )
    return ['plant_overview', false];
  // "is line 1 ahead or behind plan", "liegt Linie 2 im Plan": a line's output against plan is the overview's.
  if (
    (!machine || machine.type === 'line') &&
    /\b(ahead of|behind|on track|on target|against|vs\.?|versus)\s+(?:the\s+)?(?:plan|target|schedule)\b|\b(ahead or behind|behind or ahead)\b|\b(?:im|hinter(?:m| dem)?|vor(?:m| dem)?|gegen(?:über)?(?: dem)?)\s+plan\b|\b(?:plan|soll)\s*erf(?:ü|ue)llung\b/.test(
      lower,
    ) &&
    !/\b(orders?|auftr\w*|fertigungsauftr\w*|fa|po-?\d+|\d{5}|release|freigeb\w*|propose|vorschlag|draft|entwurf)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['plant_overview', false];
  // "Linie 1 vs Linie 2 heute", "compare line 1 with line 2": the lines side by side are the overview's.
  if (
    /\b(vs\.?|versus|compare\w*|comparison|vergleich\w*|gegen(?:über|ueber)?)\b/.test(lower) &&
    /\b(?:line|linie|l)\s*1\b.*\b(?:line|linie|l)\s*2\b|\b(?:line|linie|l)\s*2\b.*\b(?:line|linie|l)\s*1\b|\b(?:both lines|beide\w* linien)\b/.test(lower) &&
    !/\b(material|stock|bestand|alarm\w*|st(?:ö|oe)rung\w*|inspect\w*|aoi|yield|ausbeute|orders?|auftr\w*|schedule|plan|trend|verlauf|temp\w*|druck|pressure)\b/.test(
      lower,
    ) &&
    !PAST_DAY_OR_WEEK.test(lower) &&
    !imperativeCommand(text)
  )
    return ['plant_overview', false];
  // "both lines at a glance", "gib mal die Lage auf L2, Zustände und Alarme": the overview, for one line or all.
  if (
    /(?<![a-zäöüß])(at a glance|overview|big picture|sitrep|rundown|run-down|status update|lage|lagebild|(?:ü|ue)berblick|(?:ü|ue)bersicht|gesamtbild)(?![a-zäöüß])/.test(
      lower,
    ) &&
    !/\b(manual|handbuch|schedule|zeitplan|plan|material|stock|bestand|work orders?|arbeitsauftr\w*|maintenance|wartung\w*)\b/.test(lower) &&
    // "Übersicht von gestern", "overview of last week": a past window's summary is the handover's (the overview is now).
    !PAST_DAY_OR_WEEK.test(lower) &&
    // "the utilities overview, are air and chilled water fine?": the utilities as a whole, a utility named among them.
    (!machine || machine.type === 'line' || (!machine.line && /\b(utilities|utility|\w*versorgung\w*|medien\w*)\b/.test(lower)))
  )
    return ['plant_overview', false];
  // "most recent work order on the line 1 oven", "latest WO for the compressor?", "letzter Wartungsauftrag am Chiller": the
  // newest of the work orders there is looked up, not a new one booked.
  if (
    /\b(?:most recent|latest|last|newest|recent|previous|letzte[nrs]?|neueste[nrs]?|j(?:ü|ue)ngste[nrs]?|vorige[nrs]?)\s+(?:work ?orders?|wos?|arbeitsauftr(?:ag|(?:ä|ae)ge)\w*|wartungsauftr(?:ag|(?:ä|ae)ge)\w*|instandhaltungsauftr(?:ag|(?:ä|ae)ge)\w*|tickets?)\b/.test(
      lower,
    ) &&
    !/\b(?:book|buch\w*|anleg\w*|erstell\w*|create|raise|open a|leg\w*)\b/.test(lower)
  )
    return ['list_work_orders', false];
  // "letzter Auftrag am Feinpitch-Bestücker L2", "gibt's schon nen Auftrag fürs Gebläse am Ofen L1?", "WO 7 done yet?": a machine's
  // work orders looked up (a machine's "Auftrag" is maintenance; production orders run on lines), or one by its number.
  if (
    (machine &&
      machine.type !== 'line' &&
      (/\b(?:letzte[rn]?|neueste[rn]?|j(?:ü|ue)ngste[rn]?|last|latest)\s+auftrag\b/.test(lower) ||
        /\b(?:gibt'?s|gibt es|is there|are there|do we have|haben wir)\s+(?:schon\s+|already\s+|bereits\s+|noch\s+)?(?:(?:a|an|any|einen|nen|ein|eine)\s+)?(?:work ?orders?|wos?|auftrag|auftr(?:ä|ae)ge|arbeitsauftr\w*|wartungsauftr\w*|tickets?|jobs?)\b/.test(
          lower,
        ))) ||
    (/\bWO[- ]?\d{1,6}\b/.test(text) && !explicitWrite('create_work_order', lower))
  )
    return ['list_work_orders', false];
  const booking =
    /\b(work order|wo|wa|arbeitsauftrag|instandhaltungsauftrag|wartungsauftrag|auftrag anlegen|einplanen|book|buch\w*|maintenance|wartung)\b/.test(lower) ||
    // "Pumpenlager prüfen, morgen 14 bis 16 Uhr eintragen", "pencil it in for Friday 6–8": a job written into a window.
    /\b(eintrag\w*|einbuch\w*|einplan\w*|pencil\w*)\b|\btr(?:a|ä|ae)g\w*\s+(?:\S+\s+){0,4}?ein\b/.test(lower) ||
    // "Spindellager Bestücker 1 Linie 2 tauschen, Freitag 6-8, Teile: 2x SPB-6204": a part of a machine swapped in a window.
    /\b(tausch\w*|wechsel\w*|swap|replace|erneuer\w*|schmier\w*|lubricat\w*)\b|\w(?:wechsel|tausch)\b/.test(lower) ||
    // "Druckluftstation Filterwechsel, morgen 13 bis 15 Uhr, Auftrag bitte": the work order asked for by its name.
    /\b(?:auftrag|wo|work order|ticket)\s+(?:bitte|pls|please)\b/.test(lower) ||
    // "schedule the chiller pump bearing job for Saturday morning": a job on a machine put into a slot.
    /\b(schedule|plan|put|slot)\b.*\b(job|repair|service|swap|replacement|overhaul|inspection|check|tausch\w*|reparatur|einsatz)\b/.test(lower) ||
    // "einen Auftrag auf den Drucker machen, Rakel tauschen": a job on a machine, with a verb that books it.
    (/\b(auftrag|ticket|job)\b/.test(lower) && !orderId(text) && explicitWrite('create_work_order', lower));
  // "if the chiller goes into maintenance for 5 h, what does that do to delivery dates?": a consequence asked, not a booking.
  if (
    booking &&
    // "Morgen früh fahren wir den Kaltwassersatz runter, die Wartung kommt": maintenance told, with nothing asked to book.
    !(MAINTENANCE_TOLD.test(lower) && !explicitWrite('create_work_order', lower)) &&
    !asksWhatIf(lower) &&
    !DONE_BY_OTHERS.test(lower) &&
    resolution.kind !== 'none' &&
    // ("after the night shift" without a length: the planner asks how long.)
    (bookingWindow(text, timeContext) || besideAShift(text) || /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}.*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text))
  )
    return ['create_work_order', false];
  // "leg einen Auftrag für die Chiller-Pumpe an", "wir brauchen einen Wartungsauftrag für das Gebläse am Ofen L2": a work
  // order asked for on a machine, without its window; the planner asks for the window (or the forecast's).
  if (
    machine &&
    machine.type !== 'line' &&
    /\b(work order|wo|arbeitsauftrag|instandhaltungsauftrag|wartungsauftrag|auftrag|ticket|job)\b/.test(lower) &&
    !orderId(text) &&
    explicitWrite('create_work_order', lower)
  )
    return ['create_work_order', false];
  // Wear and remaining life are the forecast's subject: "how much life is left in the blower", "RUL for line 2", "Restlebensdauer".
  // (Not the curve of a measurement over a window: "the wear curve – spindle vibration … over the last 24h",
  // "Verschleißverlauf, stündlich" are its trend.)
  if (
    !(
      /\b(curve|kurve|trend\w*|verlauf\w*|history|historie|hourly|st(?:ü|ue)ndlich)\b/.test(lower) &&
      parseTimeWindow(text, detectLanguage(text), timeContext) !== undefined
    ) &&
    (/\b(life (?:is )?left|life does .* have left|remaining (?:useful )?life|rul|restlebensdauer|restnutzungsdauer|lebensdauer|wear(?:ing)? out|gives? up|verschlei(?:ß|ss)\w*)\b/.test(
      lower,
    ) ||
      // "Restlaufzeit vom Gebläse", "how's the wear on placer 2": a part's remaining run time — not an order's.
      (/\b(restlaufzeit\w*|wear(?: and tear)?|abnutzung)\b/.test(lower) && !/\b(auftr(?:ä|ae)g\w*|auftrag|order\w*|po-?\d+|los|charge|batch)\b/.test(lower)) ||
      // "is the spindle going to give us trouble this week", "macht uns der Lüfter bald Ärger": trouble ahead is wear.
      // "the blower on oven 2 is getting loud. how long have we got before it needs doing?", "plant-wide bearing risk ranking".
      /\b(?:welche\w* (?:maschine|anlage)\w*|which machine)\b[^?]*\b(?:f(?:ä|ae)llig|due|als n(?:ä|ae)chst\w*|next)\b(?![^?]*\b(?:order|auftrag|auftr(?:ä|ae)ge|run|fahrt)\b)/.test(
        lower,
      ) ||
      /\bhow long (?:have we got|do we have|until|before)\b[^?]*\b(?:needs? (?:doing|service|servicing|maintenance|replacing|changing|swapping)|fails?|goes|gives up|dies)\b|\bwhen\b[^?]*\b(?:change|replace|swap|service)\w*\b[^?]*\b(?:bearings?|spindles?|blowers?|fans?|pumps?|belts?|nozzles?)\b|\bwann\b[^?]*\b(?:lager|spindel\w*|gebl(?:ä|ae)se|l(?:ü|ue)fter|pumpe|riemen)\b[^?]*\b(?:tauschen|wechseln|ersetzen|machen)\b|\b(?:bearing|lager)\s*(?:risk|risiko)\w*|\brisk rank\w*/.test(
        lower,
      ) ||
      /\b(closest to (?:failing|failure|breaking)|next to (?:fail|break|go)|most likely to (?:fail|break)|am ehesten (?:ausf(?:ä|ae)ll\w*|kaputt)|give (?:us |me )?(?:trouble|problems|grief|issues)|going to (?:fail|break|die|give out|go)|about to (?:fail|break|go)|(?:ä|ae)rger machen|probleme machen|bald (?:kaputt|hinüber|hinueber)|ausfallen wird|den geist aufgeben)\b/.test(
        lower,
      ) ||
      // "wie lang macht das Gebläse noch", "how long will the spindle last": how long a part holds out.
      /\b(wie lang(?:e)? (?:macht|hält|haelt|halten|machen|läuft|laeuft|schafft)\b.*\bnoch|how (?:long|much longer) (?:will|does|can|would)\b.*\b(?:last|hold(?: out| up)?|keep going|survive|go on(?!\s+(?:the|a|an|to|in|into)\b))|how (?:long|much longer|much life) (?:has|have|does) (?:it|he|she|they|that|the \w+(?: \w+)?) (?:got|have)\b(?!\s+to\b)(?: left)?)\b/.test(
        lower,
      )) &&
    !imperativeCommand(text)
  )
    return ['maintenance_forecast', false];
  // "Prognose Kaltwassersatz", "RUL chiller", "forecast for the L2 placer": a machine and the forecast's own word.
  if (
    target &&
    !orderId(text) &&
    /\b(prognose\w*|forecast\w*|rul|restlebensdauer|restlaufzeit|remaining (?:useful )?life)\b/.test(lower) &&
    !asksWhatIf(lower) &&
    !imperativeCommand(text) &&
    !/\b(?:wo|work ?orders?|wartungsauftr\w*|arbeitsauftr\w*|book|buch\w*)\b/.test(lower) &&
    wordCount(text) <= 8
  )
    return ['maintenance_forecast', usesPrevious];
  if (
    target &&
    target.type !== 'line' &&
    !orderId(text) &&
    /\b(due|fällig|faellig)\b/.test(lower) &&
    !/\b(rush|eil\w*|order|auftrag)\b/.test(lower) &&
    // "if the compressor goes into maintenance for 3 h, what does that do to our due dates?": the plan's dates.
    !asksWhatIf(lower)
  )
    return ['maintenance_forecast', usesPrevious];
  // "utilities all good?", "Versorgung ok?": the utilities as a whole are the overview's line "utilities".
  // "Versorgung alles im grünen Bereich? Druckluft, Kühlwasser": the utilities named one by one are still all of them.
  if (
    (!machine ||
      (!machine.line &&
        machine.type !== 'line' &&
        (/\b(alles|all|both|beide|everything|insgesamt|overall|gesamt|as a whole)\b/.test(lower) ||
          // both named: "air and chilled water", "Druckluft und Kaltwasser"
          (/\b(air|druckluft|compress\w*|kompressor)\b/.test(lower) && /\b(chill\w*|kaltwasser|k(?:ü|ue)hl\w*|k(?:ä|ae)lte\w*)\b/.test(lower))))) &&
    /\b(utilities|utility|\w*versorgung|medien\w*)\b/.test(lower) &&
    /\b(ok|okay|good|fine|status|alright|running|alles|gut|läuft|laeuft|laufen|in ordnung|wie|how|green|gr(?:ü|ue)n\w*)\b/.test(lower) &&
    wordCount(lastSentence(text)) <= 10
  )
    return ['plant_overview', false];
  // "what's the status of WO-1003": a work order by its id is looked up in the list.
  // "wo" alone is German for "where", so a space-separated number needs three digits to be an id.
  if (
    (/\bwo-\d{1,6}\b|\bwo\s?\d{3,}\b/.test(lower) ||
      /\b(?:work ?order|arbeitsauftrag|wartungsauftrag)\s*(?:no\.?|nr\.?|number|nummer|#)?\s*\d{1,6}\b/.test(lower)) &&
    // "status of WO-1007 - if it's still planned I won't create a new one": its status is what is asked.
    (/^(?:\w+\s+)?(?:what'?s|what is|status|stand|wie ist)\b/.test(lower) ||
      // "WO-00012 has been sitting open forever": "open" said of the work order, not asked of the copilot.
      /\b(?:sitting|still|been|is|are|stays?|steht|noch|ist)\s+(?:\S+\s+)?(?:open|offen)\b/.test(lower) ||
      !explicitWrite('create_work_order', lower))
  )
    return ['list_work_orders', false];
  // "Arbeitsaufträge für den Kompressor", "work orders on the chiller": work orders in the plural, with no verb that books one, are a list.
  // "Aufträge für den Ofen L2-RFL?": a machine's orders are its work orders (production orders run on a line).
  if (
    (/\b(work orders|wos|arbeitsauftr(?:ä|ae)ge\w*|wartungsauftr(?:ä|ae)ge\w*|instandhaltungsauftr(?:ä|ae)ge\w*)\b/.test(lower) ||
      (/\bauftr(?:ä|ae)ge\s+(?:f(?:ü|ue)r|vom|von|am|an|beim|auf)\b/.test(lower) &&
        machine !== undefined &&
        machine.type !== 'line' &&
        !orderId(text) &&
        !asksWhatIf(lower))) &&
    !explicitWrite('create_work_order', lower)
  )
    return ['list_work_orders', false];
  // "who changed the zone 3 setpoint overnight", "wer hat heute Nacht am Kompressor rumgedreht": who did what is in the
  // handover (approvals and writes with their people), not in a trend.
  if (
    /^(?:\w+[,:]?\s+)?(who|wer)\b/.test(lower) &&
    /\b(changed|change[ds]?|touched|fiddled|messed|adjusted|tweaked|moved|set|put|reset|stopped|started|knocked|dropped|lowered|raised|bumped|cranked|turned|took|runtergenommen|hochgenommen|runtergesetzt|gesetzt|hochgesetzt|ge(?:ä|ae)ndert|rumgedreht|gedreht|verstellt|rumgespielt|angefasst|gestellt|umgestellt|gestoppt|gestartet|angehalten|abgeschaltet|ausgeschaltet|runtergefahren|heruntergefahren|zurückgesetzt|zurueckgesetzt|quittiert|hochgedreht|runtergedreht|halted|paused|shut down|turned off)\b/.test(
      lower,
    ) &&
    !/\b(manual|handbuch|allowed|darf|d(?:ü|ue)rfen|permission|berechtigt|approve\w*|freigeb\w*|role|rolle)\b/.test(lower)
  )
    return ['generate_shift_handover', false];
  // "anything I should know from nights", "was war in der Nachtschicht los": what the shift before left behind.
  if (
    /\b(nights|earlies|lates|night shift|late shift|early shift|last shift|previous shift|night crew|early crew|late crew|nachtschicht|spätschicht|spaetschicht|frühschicht|fruehschicht|letzten schicht|vorschicht)\b/.test(
      lower,
    ) &&
    /\b(anything|what|happen\w*|know|news|went on|going on|left|was|passiert|los|wissen|neues|gelaufen|war)\b/.test(lower) &&
    // "what if line 2 is down the whole night shift": a shift as the span of a what-if, not the report of one.
    !asksWhatIf(lower) &&
    // "was war gestern in der Spätschicht am Ofen L2 los": one machine's shift is its alarm history.
    !(rules.machine && rules.machine.type !== 'line' && /\b(happen\w*|went on|going on|passiert|los|war)\b/.test(lower)) &&
    // "what did the squeegee pressure on the L1 printer do on Friday's late shift?": one machine's value over the shift.
    // ("how was the dew point of the compressor over the night shift": any measurement the machine has.)
    !(
      rules.machine &&
      rules.machine.type !== 'line' &&
      (SHIFT_MEASUREMENT.test(lower) || namesMeasurement(withoutAssetWords(text, rules.machine), rules.machine))
    ) &&
    // "anything prio 1 or 2 from the late shift?": alarms filtered by priority.
    !/\bprio\w*|\bpriorit\w*|\bp[1-4]\b|\bcritical\b|\bkritisch\w*/.test(lower) &&
    // "what happened on nights - downtime, alarms, anything left open?": several topics at once are the whole report.
    (!/\b(alarm\w*|trend|verlauf|history|produced|produziert|output|boards|platinen|scrap|ausschuss)\b/.test(lower) ||
      /\b(left open|still open|anything open|offen geblieben|noch offen|was ist offen)\b/.test(lower))
  )
    return ['generate_shift_handover', false];
  // "bericht über den ganzen gestrigen Tag", "summary of last week, all lines": a report of a past day or week.
  if (
    /\b(bericht\w*|report|summary|zusammenfassung|recap|r(?:ü|ue)ckblick|auswertung)\b/.test(lower) &&
    PAST_DAY_OR_WEEK.test(lower) &&
    // "for the 8D report I need the blower bearing temperature for yesterday": one value's history, for a report.
    !/\b(temp\w*|pressure|druck\w*|vibration\w*|vib|speed|geschwindigkeit\w*|values?|werte?|trend\w*|verlauf\w*|current|strom|o2|n2|flow|durchfluss)\b/.test(
      lower,
    ) &&
    !/\b(manual|handbuch|alarm\w*|inspect\w*|inspektion\w*|aoi|material|stock|bestand|work orders?|wartung\w*)\b/.test(lower) &&
    !imperativeCommand(text)
  )
    return ['generate_shift_handover', false];
  // "handover from 7 until now": the word names the report.
  if (
    /\b(handover|hand-over|shift report|übergabe\w*|uebergabe\w*|schichtübergabe\w*|schichtuebergabe\w*|schichtbericht\w*)\b/.test(lower) &&
    !/\b(manual|handbuch|how do i|wie mache ich)\b/.test(lower)
  )
    return ['generate_shift_handover', false];
  // "propose a schedule, is anything late?", "Plan bitte neu rechnen": a new plan first, whatever else is asked with it.
  if (
    /^(?:please |pls |bitte |ok,? )?(propose|suggest|draft|recalculate|re-?plan|reschedule)\b.*\b(schedule|plan)\b/.test(lower) ||
    // "we lost 2 hours on L2 this morning, redo the plan": the request in the last clause, after what happened.
    /(?:^|[,;.!–—-]\s*)(?:so |then |dann |also |please |pls |bitte )*(?:redo|rerun|re-run|refresh|update|recalculate|recompute|rebuild)\s+(?:the |our |a |das |den )?(?:plan|schedule|sequence|planning)\b/.test(
      lower,
    ) ||
    // "ok then just replan everything", "what would an optimal sequence look like", "Aufträge auf die Linien verteilen".
    /\b(re-?plan|re-?schedule|re-?sequence|umplanen|neu planen|neu einplanen)\b/.test(lower) ||
    // "dann plan bitte neu über beide Linien", "plan mal neu": a new plan, said with the separable verb.
    (/\bplan\w*\b(?:\s+\w+){0,2}\s+neu\b/.test(lower) && !/\b(nachschub|material|runs?|fahrt\w*|touren?|wartung\w*)\b/.test(lower)) ||
    /\b(optimal|optimi[sz]ed|best|better|ideal|optimale\w*|beste\w*|bessere\w*)\s+(sequence|order of the orders|schedule|plan|reihenfolge|planung|belegung)\b/.test(
      lower,
    ) ||
    /\b(distribute|split|verteil\w*|aufteil\w*)\b.*\b(orders|auftr(?:ä|ae)ge)\b.*\b(lines|linien)\b|\b(orders|auftr(?:ä|ae)ge)\b.*\b(auf|across|over|between) (die |the )?(beiden |zwei |two |both )?(lines|linien)\b.*\b(verteil\w*|aufteil\w*|distribute|split)\b/.test(
      lower,
    ) ||
    /^(?:bitte )?(schlag\w*|erstell\w*)\b.*\b(plan|planung)\w*\b/.test(lower) ||
    /\b(plan|planung|zeitplan)\b.*\bneu (rechnen|berechnen|planen|machen)\b/.test(lower) ||
    // "let's have the system plan it again from scratch", "re-plan everything".
    /\b(?:plan|schedule|sequence)\b[^.!?]*\b(?:again|from scratch|afresh|anew)\b|\bre-?(?:plan|schedule|sequence)\s+(?:it|everything|all|the \w+)\b|\bvon grund auf neu\b/.test(
      lower,
    ) ||
    // "Ich bräucht n Planvorschlag", "new schedule proposal pls": the proposal asked for by its name.
    (/\b(planvorschlag\w*|plan-vorschlag\w*|schedule proposal|proposed schedule|new schedule|schedule[- ]?entwurf\w*|planentwurf\w*|plan-entwurf\w*|draft schedule|schedule draft)\b/.test(
      lower,
    ) &&
      // "…, noch nix freigeben": a release forbidden beside the proposal asked for does not make it a release.
      !/\b(release|freigeb\w*|frei|approve\w*|send|schick\w*)\b/.test(withoutNegatedWrites(lower)))
  )
    // "re-plan assuming the material turns up 5 h late": a plan under a scenario is a what-if.
    return asksWhatIf(lower) ? ['what_if', false] : ['propose_schedule', false];
  return undefined;
}
