/**
 * A write the rules read that the write-boundary model doubts (linear/write-boundary-model.ts) is
 * asked back instead of filed: "Kompressor läuft auf 6,5 bar seit heute früh" reads like a setpoint
 * to a rule that sees a machine, a value and "auf", and like a report to a model that has seen how
 * plant people tell values. A wrong question costs one "ja"; a wrong approval request costs a
 * supervisor's attention and, approved in a hurry, a change nobody wanted.
 *
 * Never for an answer to the copilot's own question or a follow-up ("ja, mach das"): those
 * continue a request already asked for.
 */
import type { Intent } from './catalogue';
import { clarify, say } from './replies';
import type { Reading, Request } from './request';
import type { Plan } from './types';
import { foldInitialUmlauts } from '../text';
import { ASKED_TO_FILE, ON_A_CONDITION, POLITE_IF, explicitWrite, putOffOrReported, withoutPastCause } from './write-requests';

/** Below this probability that the message asks for a change, a write is asked back (chosen on the NLU dev split). */
export const WRITE_DOUBT_THRESHOLD = 0.1;

/**
 * The writes that act on machines. A release, a transport or a work order names its draft, run or job and
 * is read by its own rules; the boundary model, trained on how people ask machines to change, is no judge
 * of those (on the dev split it doubted "Entwurf … freigeben" and "RUN-2 but with AMR-02").
 */
const MACHINE_WRITES: ReadonlySet<Intent> = new Set(['set_setpoint', 'machine_command']);

/** "wir sollten Linie 2 bald stoppen", "stop it later": a change for some time after now. */
const SOON =
  /\b(?:bald|demn(?:ä|ae)chst|sp(?:ä|ae)ter|nachher|irgendwann|later|soon|eventually|at some point|sometime|next week|n(?:ä|ae)chste woche|(?:ü|ue)bermorgen|day after tomorrow)\b|\b(?:f(?:ü|ue)r|beim|bei|ab)\s+(?:das|den|dem|die)?\s*(?:neue|n(?:ä|ae)chste)\w*\s+(?:produkt|auftrag|los|typ|variante|rezept)\b|\bfor the (?:next|new|upcoming) (?:product|order|lot|job|run|recipe|variant)\b/;

/** "we should stop the L2 printer", "wir müssten den Ofen runterfahren": a change suggested, not asked for in so many words. */
/** "Zone 3 müsste eigentlich auf 185 stehen", "der Sollwert gehört auf 185", "should actually be at 185": what a value should be, told. */
const SHOULD_BE =
  /\b(?:m(?:ü|ue)sste|sollte|soll)\s+(?:\S+\s+){0,4}?(?:eigentlich|ja|doch)\b|\beigentlich\b[^.!?]*\b(?:auf|bei)\s+-?\d|\b(?:should|is supposed to|ought to)\s+(?:actually\s+|really\s+)?be\s+(?:at|on|set to)\s+-?\d|\bgeh(?:ö|oe)rt\s+(?:\S+\s+){0,2}?(?:auf|bei)\s+-?\d/;

/** "Ofen L1 Zone 3 jetzt 185", "zone 3 L1 oven now 185": the value it has now, or the one wanted now — asked. */
const VALUE_NOW =
  /^(?![^,;.!?]*\b(?:set|stell\w*|setz\w*|mach\w*|make|put|bring|take|change|raise|lower|dreh\w*)\b)[^,;.!?]*\b(?:jetzt|now|currently|aktuell|gerade)\s+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|bar|n|mm\/s|%)?\s*[.!]?\s*$/;

const SUGGESTED =
  /^(?:(?:ok\w*|so|also|hm+|naja|i think|ich (?:glaube|denke|finde))[\s,]+)*(?:we|wir|man|you|du)\s+(?:should|ought to|must|have to|need to|sollten|sollen|m(?:ü|ue)ssten|m(?:ü|ue)ssen|k(?:ö|oe)nnten)\b/;
/**
 * "Stopp!", "halt", "stop" alone after a machine was read: the word people say to make the copilot (or a colleague)
 * wait as often as to stop a machine — German "halt" is "wait" — so even as a follow-up it is asked back.
 */
const BARE_STOP_WORD = /^\s*(?:stop+|halt|hold)\s*[!.]*\s*$/;

/**
 * "Drucker L2 stoppen" → "und dann wieder starten", "and then start it again": the step after the one just filed, for
 * when that has run — not a second command for now.
 */
const NEXT_STEP =
  /^(?:(?:und|and|ok|okay|so)[\s,]+)*(?:dann|danach|anschlie(?:ß|ss)end|hinterher|nachher|then|afterwards|after that)\b(?=.*\b(?:wieder|again|back)\b)|\b(?:danach|anschlie(?:ß|ss)end|hinterher|afterwards|after that)\b/;

/** "and zone 6 to 220 as well", "und Zone 6 auch auf 220", "same for zone 4: 190": one more of the same kind of change. */
const ONE_MORE = /^(?:(?:and|und|plus|also|auch|dann)\b)|\b(?:as well|too|also|auch|ebenfalls|gleich mit|same for|genauso)\b/;

/** "zone 6 läuft auch auf 220", "L2 is stopped too": a state told, not one more change. */
const TELLS_A_STATE = /\b(?:l(?:ä|ae)uft|laufen|steht|stehen|ist|sind|war|waren|hat|haben|zeigt|runs?|running|is|are|was|were|reads?|shows?|has|had|sits?)\b/;

/**
 * "todo - AOI L2 stop", "ToDo SPI L1 stop": a note to oneself, which may be for now or for later ("TODO for you: …",
 * "Notiz an dich: …" ask the copilot outright). "hold one of them, whichever you think": the machine left to the copilot.
 */
const NOTE_OR_EITHER =
  /^(?:todo|to-?do|to do|note|notiz|merker|reminder|erinnerung)\b(?!\s*(?:for you|f(?:ü|ue)r dich|an dich)\b)|\b(?:one of them|either (?:one|of them)|whichever|eine?n? (?:davon|von (?:beiden|denen))|egal welche\w*|such dir (?:eine?n?|was) aus)\b/;

/** "L1, bitte einreichen", "line 1, file it": an answer that asks for the write in words of its own. */
const CONFIRMED_BEFORE = /\b(?:file it|do it|go ahead|please do|einreichen|mach(?:'s| es| das)|bitte machen)\b/;

/** "please change …", "bitte entsprechend einstellen", "kindly reset …": a write asked for with its verb. */
const ASKED_OUTRIGHT =
  // "halt sie mal an", "stopp den mal", "fahr ihn mal runter": the German imperative with "mal" asks outright too.
  /(?:^|[,;:–—-]\s*)(?:halt|halte|stopp|stoppe|stell|setz|mach|fahr|schalt|nimm|hol|quittier|resette?)\s+(?:\S+\s+){0,3}?mal\b|\b(?:please|pls|bitte|kindly)\s+(?:\S+\s+){0,2}?(?:set|change|raise|lower|adjust|put|bring|stell\w*|setz\w*|einstell\w*|(?:ä|ae)nder\w*|anpass\w*|reset|restart|stop|start|hold|pause|resume|stopp\w*|start\w*|zur(?:ü|ue)cksetz\w*|anhalten|fortsetzen)\b/;

const OWN_WORDS = /\b(?:please|pls|bitte|do it|go ahead|mach das|file it|einreichen|now|jetzt|sofort|right away|asap)\b/;

/** Urgency: "now" or "sofort" said, shouted, or with exclamation marks. */
const URGENT = {
  test: (text: string) =>
    /\b(?:right now|immediately|asap|right away|sofort|umgehend|gleich jetzt)\b|!{2,}/i.test(text) || /\b(?:STOP|STOPP|HALT|NOW|JETZT|SOFORT)\b/.test(text),
};

/** A condition on a value or state the plant shows now: "if it's below 6 bar", "wenn Zone 2 unter 160 is", "falls er noch im Hold steht". */
export const STATE_CONDITION =
  /(?:^|[,;:.–—]\s*)(?:if|in case|wenn|falls|sofern)\s+[^,;.!?]*\b(?:under|below|over|above|less than|more than|lower than|higher than|unter|(?:ü|ue)ber|drunter|dr(?:ü|ue)ber|weniger als|mehr als|still (?:on|in) (?:hold|pause)|still (?:stopped|held|paused)|noch (?:im|auf|in) (?:hold|halt|pause)|noch (?:gestoppt|angehalten|pausiert))\b/;

export function askBackDoubtfulWrite(request: Request, reading: Reading, plan: Plan): Plan {
  if (plan.kind !== 'tool' || !MACHINE_WRITES.has(plan.intent)) return plan;
  if (request.input.confirmed) return plan;
  const bare = BARE_STOP_WORD.test(request.lower) && request.input.pendingQuestion === undefined;
  const previousWrite = request.input.previous !== undefined && MACHINE_WRITES.has(request.input.previous.tool as Intent);
  const nextStep = previousWrite && NEXT_STEP.test(request.lower);
  const pending = request.input.pendingQuestion?.toLowerCase();
  // "which oven?" → "L1": the answer completes the message asked about, which must itself have asked for the write.
  // "zone 7 on oven line 2?" → (a question back) → "bump it to 245": a message that asks for the write in its own words
  // needs no help from the one before.
  const pendingAskedForIt =
    pending === undefined ||
    explicitWrite(plan.intent, foldInitialUmlauts(pending)) ||
    CONFIRMED_BEFORE.test(request.lower) ||
    (plan.intent === 'set_setpoint' && explicitWrite(plan.intent, request.lower) && /\b(?:to|auf)\s+-?\d/.test(request.lower));
  if (reading.followUp && !bare && !nextStep && pendingAskedForIt) return plan;
  // "set zone 5 to 190" → "and zone 6 to 220 as well": one more of the change just asked for, in its words.
  if (
    previousWrite &&
    !nextStep &&
    request.input.previous!.tool === plan.intent &&
    pending === undefined &&
    ONE_MORE.test(request.lower) &&
    !TELLS_A_STATE.test(request.lower)
  )
    return plan;
  // "falls der Chiller wieder spinnt, stellen wir ihn auf 12 runter, aber erst mal abwarten", "QA said we should set it
  // to 13 — I'll check with the foreman first": a change on a condition, put off or only reported is no request for
  // now, whichever rule read a machine and a value in it. "the operator wants zone 3 at 190, but I said no" → "which
  // oven?" → "L1": the answer completes the request it was asked about, which is still no request for now.
  const asked = pending ?? request.lower;
  // "the supervisor wants zone 8 at 250, can you file that": someone else's wish, and the copilot asked outright to file it.
  if (ASKED_TO_FILE.test(asked) && !ON_A_CONDITION.test(withoutPastCause(asked.replace(POLITE_IF, ''))) && !SOON.test(asked) && !nextStep) return plan;
  const forLater = nextStep || putOffOrReported(asked) || ON_A_CONDITION.test(withoutPastCause(asked.replace(POLITE_IF, ''))) || SOON.test(asked);
  // "wir sollten den Drucker L2 stoppen": a suggestion, which the asker may mean as the request or only think aloud.
  const suggested =
    bare ||
    !pendingAskedForIt ||
    ((SUGGESTED.test(asked) || SHOULD_BE.test(asked)) && !OWN_WORDS.test(asked)) ||
    VALUE_NOW.test(asked) ||
    NOTE_OR_EITHER.test(asked);
  if (pending !== undefined && !forLater && !suggested) return plan;
  // "STOP THE L2 PACKER NOW SOMEONES HAND IS IN THERE", "Kaltwassersatz sofort aus!!": urgency says it is meant now;
  // asking back would only cost the time the approver needs.
  // (Not a note or a suggestion: "todo - AOI L2 stop!!" stays a note.)
  if (!forLater && !suggested && URGENT.test(request.text)) return plan;
  const probability = request.classification.writeRequest;
  if (!forLater && !suggested && (probability === undefined || probability >= WRITE_DOUBT_THRESHOLD)) return plan;
  // "Hi, per the profiling results from this morning please change the conveyor speed … to 16 mm/s": the request in so many
  // words, after a story the boundary model weighs — not someone else's ("he asked me to please set …").
  if (
    !forLater &&
    !suggested &&
    ASKED_OUTRIGHT.test(asked) &&
    !/\b(?:asked|told|wants?|wanted|said|bat|sagte|meinte)\b[^.!?]{0,30}\b(?:please|pls|bitte)\b/.test(asked)
  )
    return plan;
  const { language } = request;
  const change = describeWrite(plan.tool, plan.args, language);
  // "und dann wieder starten" after a stop was filed: the next step, asked back with the one before it named.
  if (nextStep)
    return clarify(
      say(
        language,
        `That reads as the step after **${describeWrite(request.input.previous!.tool, request.input.previous!.args, language)}**, for when that has run. I file a command only for now, judged against the plant as it is then. File it now anyway: **${change}**? Say “yes”; otherwise ask again once the step before has run.`,
        `Das klingt nach dem Schritt nach **${describeWrite(request.input.previous!.tool, request.input.previous!.args, language)}**, für wenn der gelaufen ist. Ich reiche Befehle nur für jetzt ein, geprüft gegen den Zustand der Anlage zu dem Zeitpunkt. Trotzdem jetzt einreichen: **${change}**? Sagen Sie „ja“; sonst fragen Sie wieder, wenn der Schritt davor gelaufen ist.`,
      ),
    );
  // "if zone 3 on the L1 oven is under 180 bump it to 185", "falls der SPI noch im Hold is, nimm ihn raus": a change on a
  // condition the machine's own state answers — that state is read first, and the change asked for once it holds.
  const machine = typeof plan.args.asset === 'string' ? plan.args.asset : undefined;
  if (forLater && !nextStep && machine && STATE_CONDITION.test(asked) && request.input.availableTools.has('asset_state'))
    return { kind: 'tool', intent: 'asset_state', tool: 'asset_state', args: { asset: machine } };
  // A "yes" files it now, so the question says so when the message spoke of later or of a condition.
  if (forLater)
    return clarify(
      say(
        language,
        `That reads as a change for later, on a condition or someone else's view, and I file a change only for now: its approval is judged against the plant as it is when it runs. File it now: **${change}**? Say “yes”; otherwise nothing changes.`,
        `Das klingt nach einer Änderung für später, unter einer Bedingung oder nach der Meinung eines anderen; ich reiche Änderungen nur für jetzt ein, weil die Freigabe gegen den Zustand der Anlage beim Ausführen geprüft wird. Jetzt einreichen: **${change}**? Sagen Sie „ja“; sonst ändert sich nichts.`,
      ),
    );
  return clarify(
    say(
      language,
      `Should I file this change for approval: **${change}**? Say “yes” and I file it; if you were only telling me, nothing changes.`,
      `Soll ich diese Änderung zur Freigabe einreichen: **${change}**? Sagen Sie „ja“, dann reiche ich sie ein; war es nur zur Info, ändert sich nichts.`,
    ),
  );
}

/** German infinitives of the PackML commands, for the question back ("UT-AIR stoppen"). */
const GERMAN_COMMAND: Record<string, string> = {
  start: 'starten',
  stop: 'stoppen',
  hold: 'anhalten (Hold)',
  unhold: 'fortsetzen (Unhold)',
  reset: 'zurücksetzen',
  clear: 'quittieren',
};

/** The change in a few words, as the approver would read it. */
export function describeWrite(tool: string, args: Record<string, unknown>, language: 'en' | 'de'): string {
  const value = (key: string) => (typeof args[key] === 'string' || typeof args[key] === 'number' ? String(args[key]) : '');
  if (tool === 'set_setpoint')
    return say(
      language,
      `set ${value('tag')} of ${value('asset')} to ${value('value')}`,
      `${value('tag')} von ${value('asset')} auf ${value('value').replace('.', ',')} setzen`,
    );
  const command = value('command');
  return say(language, `${command} ${value('asset')}`, `${value('asset')} ${GERMAN_COMMAND[command] ?? command}`);
}
