/**
 * Follow-ups first: they mean something only against what came before. "yes" books or releases what
 * was just proposed, "why?" explains a late order or the alarms, "and line 2?" repeats the last request
 * for another target, and "and the other one?" with nothing before it asks back.
 */
import { measurementAskedBefore, namesMeasurement, withoutAssetWords } from './tag-match';
import type { AssetRef } from '../../../assets';
import { mentionedLine, resolveAsset, resolveTag } from '../asset-resolver';
import { isCommandChatter, parseCommand } from '../commands';
import { INTENTS, WRITE_INTENTS, intentOfTool, type Intent } from './catalogue';
import {
  ACKNOWLEDGEMENT,
  AFFIRMATION,
  asksWhatIf,
  FOLLOW_UP,
  JUDGED_AGAINST_NORMAL,
  NEGATED,
  WHY,
  inheritedTarget,
  lateOrder,
  onlyNamesTarget,
  sameKindOnLine,
  siblingsOf,
  zoneOfTag,
  wordCount,
} from './conversation';
import { clarify, say } from './replies';
import { WINDOWED_TOOLS, movesWindow } from './window-follow-up';
import type { Reading, Request } from './request';
import { ruleIntent } from './rules';
import type { Plan } from './types';
import { latestOutput, type EarlierResult } from '../earlier-results';
import { bucketSize, parseTimeWindow } from '../time-window';
import { numberWord } from '../number-words';
import { delayHours, mentionedPart, mentionedSupplier, shortfallPct } from '../material-slots';
import { alarmCode, orderId, parsePriorities } from './slots';
import { BARE_NUMBER_FOLLOW_UP, hoursAsDigits } from '../what-if-scenario';
import { ASKS_OR_REPORTS, ON_A_CONDITION, RETRACTED, explicitWrite, imperativeCommand } from './write-requests';

/** A yes that asks for the proposal to be filed, beyond an acknowledgement ("ok", "fine"). */
const YES = /\b(yes|yeah|yep|yup|sure|do it|go ahead|please do|do that|book|ja|jo|jep|gerne|mach|machen|buch\w*|go|los|ship it|nehmen wir|nimm)\b/;
/** "… davon", "of that": the request is about what was just shown. */
const OF_THAT =
  /\b(davon|dazu|of (that|it|this|those)|for (that|it|this)|what did (?:that|it|this) do|how did (?:that|it|this) (?:look|go|develop|move)|wie war (?:das|der|die|es)|wie hat (?:sich )?(?:das|der|die|es) (?:sich )?(?:entwickelt|verhalten))\b/;
/** The manuals named as such: "what does the manual say", "steht im Handbuch", "the SOP". */
const MANUAL_WORD =
  /\b(manuals?|handbuch\w*|handb(?:ü|ue)cher\w*|doku\w*|docs?|documentation|sop|anleitung\w*|arbeitsanweisung\w*|work instruction\w*|procedure)\b/;
/** What to do about what was just looked up: "und was mach ich da?", "what do I do then?". */
const WHAT_TO_DO =
  /\b(what (?:to|do i|should i|do we|should we|can i|can we) do|what (?:am i|are we) supposed to do|was soll (?:ich|man|wir) (?:da|damit|dagegen) (?:machen|tun)|what (?:i|we) (?:must|have to|should|need to|can) do|what now|how (?:do i|do we|to) fix|fix (?:it|that)|was (?:mach|tu|tun|soll|m(?:ü|ue)ss)\w* (?:ich|wir|man)|was tun|was jetzt|abhilfe|wie beheb\w*|beheben)\b/;
/** A trend asked for without naming what: "und der Verlauf?", "trend of that". */
/** Counts said as words, as boards are counted ("zehn", "twenty", "fünfzehn"). */
const COUNT_WORD =
  /\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty|zwei|drei|vier|f(?:ü|ue)nf|sechs|sieben|acht|neun|zehn|elf|zw(?:ö|oe)lf|f(?:ü|ue)nfzehn|zwanzig|drei(?:ß|ss)ig|f(?:ü|ue)nfzig)\b/g;

/** A yes said with more words: a yes word first, and a "do it" or "as discussed" after it. */
const LONG_YES =
  /^(?:yes|yeah|yep|ok\w*|sure|ja|jo|jep|passt|gut|alles klar|klar)\b[\s,.!]*(?:\S+[\s,.!]+){0,6}?(?:mach(?:'s| es| das| mal)?|machen|do it|go ahead|(?:so )?wie besprochen|as discussed|as agreed|like we said|wie abgesprochen)\b[^?]*$/;

const TREND = /\b(verlauf|trend|history|historie|kurve|graph|chart|plot)\b/;

function differentByRule(ruled: Intent | undefined, previousIntent: Intent): boolean {
  return ruled !== undefined && ruled !== previousIntent;
}

/** Sets the reading's intent when the request continues the conversation; a question back when there is nothing to continue. */
export function readFollowUp(request: Request, reading: Reading): Plan | undefined {
  const { input, language, text, timeContext, classification, previousIntent, lastTool } = request;
  // "ok and line 1?", "alles klar, und Linie 2?": the acknowledgement in front changes nothing.
  const lower = request.lower.replace(ACKNOWLEDGEMENT, '');
  // "mach noch die nächsten zehn", "another twenty": a count said as a word, in digits, for the branches that count.
  const counted = lower.replace(COUNT_WORD, (word) => String(numberWord(word) ?? word));
  // The machine the message names, read once for all the branches below.
  const named = resolveAsset(text, input.assets);
  const corrected = input.previous ? correction(request) : undefined;
  // The order a production status just read was about, for "why is it late?" and what-ifs on it.
  const statusOrder = orderAskedAbout(input);
  // The machine the turn before was about, and whether the message asks for the window just read ("same time range").
  const machineBefore = previousMachine(input);
  const sameWindow = SAME_WINDOW.test(lower);
  const sameWindowTool = sameWindowRead(lower);
  // "set zone 6 to 254" → "actually, no", "nein, doch nicht": the request already waits for its approval; nothing new
  // is filed, and the asker is told where to take it back.
  const previousWrite = input.previous ? intentOfTool(input.previous.tool) : undefined;
  if (
    !corrected &&
    previousWrite &&
    WRITE_INTENTS.has(previousWrite) &&
    // ("moment, lass lieber, der Vorlauf passt doch": the take-back with its reason.)
    ((wordCount(text) <= 6 && RETRACTED.test(lower)) ||
      (wordCount(text) <= 12 &&
        !lower.includes('?') &&
        RETRACTED.test(
          lower
            .split(/[,;.!]\s*/)
            .slice(0, 2)
            .join(' '),
        )) ||
      /^(?:(?:no|nope|nah|nein|nee|ne|actually|eigentlich|doch|sorry|wait|warte)[\s,.!]*)+$/.test(lower))
  )
    return {
      kind: 'reply',
      reason: 'unknown',
      text: say(
        language,
        'Okay — I file nothing more. The request I filed just before still waits for approval: reject it on its approval card (or let it expire), and it never runs.',
        'In Ordnung — ich reiche nichts weiter ein. Der eben eingereichte Antrag wartet noch auf Freigabe: Lehnen Sie ihn auf seiner Freigabekarte ab (oder lassen Sie ihn verfallen), dann wird er nie ausgeführt.',
      ),
    };
  // "ok", "fine", "passt": an acknowledgement of what was shown, not a yes to filing it.
  if (
    AFFIRMATION.test(lower) &&
    wordCount(text) <= 5 &&
    !YES.test(lower) &&
    (lastTool === 'maintenance_forecast' || lastTool === 'plan_replenishment' || lastTool === 'propose_schedule' || lastTool === 'what_if')
  )
    return {
      kind: 'reply',
      reason: 'unknown',
      text: say(
        language,
        'Okay. Nothing is filed until you ask for it — say “book it”, “release it” or “send RUN-1” when you want it to go for approval.',
        'In Ordnung. Beantragt wird nichts, bis Sie es sagen — „buch es“, „freigeben“ oder „RUN-1 losschicken“, wenn es zur Freigabe soll.',
      ),
    };
  // "WO pls", "ok, Wartungsauftrag bitte", "ticket then" after a forecast: the work order for the window it recommends.
  // "ja, aber erst ab 23 Uhr", "yes but from 11pm" after a forecast: the recommended window, from the time said.
  if (
    lastTool === 'maintenance_forecast' &&
    /^(?:(?:ok\w*|yes|yeah|ja|jo|gut|passt|dann|then|so)[\s,.!]+)*(?:(?:a|an|one|einen?|nen|ne)\s+)?(?:wo|work ?order|ticket|wartungsauftrag|arbeitsauftrag|wa)\s*(?:(?:pls|please|bitte|then|dann|anlegen|machen|buchen|for (?:it|that)|daf(?:ü|ue)r)[\s.!]*)*$/.test(
      lower,
    )
  ) {
    reading.intent = 'create_work_order';
    reading.followUp = true;
  } else if (
    lastTool === 'maintenance_forecast' &&
    ((/^(?:yes|yeah|yep|ja|jo|ok\w*|gut|passt)\b[\s,]*(?:(?:but|aber|only|erst|dann|then)\s+)*.*\b(?:from|ab|at|um|starting|start)\s+\d/.test(lower) &&
      wordCount(text) <= 10) ||
      // "nimm das Fenster", "take the recommended window", "ok, aber erst ab 23 Uhr bis 3", "book it but start at midnight, 4
      // hours", "ok but do it Saturday instead, 6 to 10": the forecast's window taken, or the booking's own window said.
      (wordCount(text) <= 16 &&
        !lower.includes('?') &&
        !NEGATED.test(lower) &&
        named.kind === 'none' &&
        (/\b(?:nimm|nehmen wir|take|use|go with|(?:ü|ue)bernehm\w*|book|buch\w*)\b[^.?!]*\b(?:fenster|zeitfenster|window|slot|zeitraum)\b|\b(?:fenster|zeitfenster|window|slot|zeitraum)\s+(?:\w+\s+)?(?:nehmen|(?:ü|ue)bernehmen|buchen|passt)\b/.test(
          lower,
        ) ||
          // (The "ok" in front is gone by now: the acknowledgement is taken off above.)
          /^(?:(?:ok\w*|yes|ja|jo|gut|passt|but|aber|dann|then)[\s,]+)*(?:(?:but|aber|erst|dann|then|do it|mach(?:'s| es)?|book it|buch (?:es|das))\s+)*[^?]*\b(?:ab|from|start(?:ing)? at|bis|until|finish(?:ed)? by|end(?:ing)? at|instead|stattdessen|lieber|saturday|sunday|monday|tuesday|wednesday|thursday|friday|samstag|sonntag|montag|dienstag|mittwoch|donnerstag|freitag|tomorrow|morgen|tonight|heute nacht)\b[^?]*\d/.test(
            lower,
          ))))
  ) {
    reading.intent = 'create_work_order';
    reading.followUp = true;
  } else if (
    // "again", "nochmal", "refresh" after a read: the same read, now; "same but since 6", "grad nochmal ab Mitternacht": over
    // the window said. Never a write again — "again" after a write files nothing new.
    input.previous &&
    previousIntent &&
    !WRITE_INTENTS.has(previousIntent) &&
    named.kind === 'none' &&
    wordCount(text) <= 8 &&
    readAgain(lower)
  ) {
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (
    // "and the hour before that?", "geh nochmal 2 Stunden zurück", "nur bis 22 Uhr" after a trend or the alarms: the same
    // read over a moved window (window-follow-up.ts works it out).
    input.previous &&
    previousIntent &&
    WINDOWED_TOOLS.has(input.previous.tool) &&
    named.kind === 'none' &&
    wordCount(text) <= 10 &&
    movesWindow(lower)
  ) {
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (
    (AFFIRMATION.test(lower) && wordCount(text) <= 5) ||
    // "ja passt, mach", "Jo passt, dann mach das bitte so wie besprochen", "ok go ahead as discussed": a yes in more words.
    (LONG_YES.test(lower) &&
      wordCount(text) <= 10 &&
      named.kind === 'none' &&
      !/\d/.test(lower) &&
      !orderId(text) &&
      !NEGATED.test(lower) &&
      !RETRACTED.test(lower))
  ) {
    if (lastTool === 'maintenance_forecast') reading.intent = 'create_work_order';
    else if (lastTool === 'plan_replenishment') reading.intent = 'dispatch_transport';
    // "what if L1 placer 2 goes down 8h" → "ok do it": releasing the draft that assumes the outage, or taking the placer
    // down? The copilot takes no machine down on a what-if, and releases its draft only when the plan is named.
    else if (
      lastTool === 'what_if' &&
      !/\b(release\w*|freigeb\w*|frei|plan\w*|schedule|entwurf|draft|go with|nehmen wir|(?:ü|ue)bernehm\w*|use (?:it|that|this))\b/.test(lower)
    )
      return clarify(
        say(
          language,
          'Release the what-if’s draft schedule for approval? It plans the lines as if that scenario happens; I take no machine down and change nothing else. Say “release the draft” to file it.',
          'Den Planentwurf des Was-wäre-wenn zur Freigabe einreichen? Er plant die Linien, als ob das Szenario eintritt; ich nehme keine Maschine außer Betrieb und ändere sonst nichts. Sagen Sie „Entwurf freigeben“, dann reiche ich ihn ein.',
        ),
      );
    else if (lastTool === 'propose_schedule' || lastTool === 'what_if') reading.intent = 'release_schedule';
    else if (/\bbook\b|\bbuch/.test(lower)) reading.intent = 'create_work_order';
    else
      return clarify(
        say(
          language,
          'Yes to what? I have no proposal open in this conversation to act on. Say what you want done, e.g. “book a work order for L1-PNP2” after its maintenance forecast.',
          'Ja wozu? In diesem Gespräch ist kein Vorschlag offen. Sagen Sie, was getan werden soll, z. B. „Arbeitsauftrag für L1-PNP2 buchen“ nach der Wartungsprognose.',
        ),
      );
    reading.followUp = true;
  } else if (
    WHY.test(lower) &&
    wordCount(lower) <= 3 &&
    !input.previous &&
    !input.pendingQuestion &&
    // "warum hängt 24118": a why with its order or machine is a question of its own.
    !orderId(text) &&
    named.kind === 'none'
  ) {
    // "why?" as the first words of a conversation: there is nothing to explain yet.
    return clarify(
      say(
        language,
        'Why what? There is nothing earlier in this conversation to explain. Ask about the order, machine or alarm, e.g. “Why is PO-24118 late?” or “Why did line 1 stop?”.',
        'Warum was? In diesem Gespräch gibt es noch nichts zu erklären. Fragen Sie nach dem Auftrag, der Maschine oder dem Alarm, z. B. „Warum ist PO-24118 verspätet?“ oder „Warum steht Linie 1?“.',
      ),
    );
  } else if (
    WHY.test(lower) &&
    // ("warum is der hinten dran", "why is that one behind": a why about being late, in a few more words.)
    (wordCount(lower) <= 4 ||
      (wordCount(lower) <= 7 &&
        named.kind === 'none' &&
        /\b(?:late|behind|delayed|sp(?:ä|ae)t|hinten ?dran|hinterher|im verzug|in verzug|versp(?:ä|ae)tet\w*)\b/.test(lower))) &&
    input.previous
  ) {
    // "production status line 2" → "why's 24124 running late": the order named is the one asked about.
    const order =
      orderId(text) ??
      (typeof input.previous.args.order === 'string'
        ? input.previous.args.order
        : input.previous.tool === 'propose_schedule' || input.previous.tool === 'what_if'
          ? lateOrder(input.earlier)
          : statusOrder);
    const stopCause = input.previous.tool === 'alarms' && input.previous.args.before ? mostSevereBefore(input.earlier) : undefined;
    if (order) {
      reading.intent = 'explain_late_order';
      reading.combined = `${reading.combined} ${order}`;
    } else if (input.previous.tool === 'maintenance_forecast') {
      // "forecast placer 1 line 1" → "why so soon?": the forecast again, whose answer says what drives it.
      reading.intent = 'maintenance_forecast';
    } else if (stopCause) {
      // "why did line 2 stop" → "why?": the alarms before the stop were shown; the cause is what the manual says about the worst.
      reading.intent = 'search_manuals';
      reading.combined = `${stopCause.code} ${stopCause.text}`;
    } else {
      reading.intent = 'alarms';
      const target = inheritedTarget(input.previous, input.assets);
      if (target) reading.combined = `${reading.combined} ${target.id}`;
      reading.combined = `${reading.combined} alarm history`;
    }
    reading.followUp = true;
  } else if (
    // "und was können wir für den verspäteten tun", "what can we do about the late one": the late order of the plan just shown.
    (/\b(which|why|what'?s|welche\w*|warum|wieso|weshalb)\b.*\b(late|spät|spaet|versp(?:ä|ae)tet\w*|behind|delayed|hinterher|hängt|haengt|zurück|nicht rechtzeitig|not (?:be )?(?:done |finished |ready )?(?:on|in) time)\b/.test(
      lower,
    ) ||
      /\b(the late one|the delayed one|the late order|(?:den|dem|das|der) (?:versp(?:ä|ae)tete[nm]?|sp(?:ä|ae)te[nm]?)(?: auftrag)?)\b/.test(lower)) &&
    (lateOrder(input.earlier) ?? statusOrder) &&
    !orderId(text) &&
    // "fine, we accept the late one. release the draft": the late order accepted, the draft released.
    !explicitWrite('release_schedule', lower)
  ) {
    reading.intent = 'explain_late_order';
    reading.combined = `${reading.combined} ${lateOrder(input.earlier) ?? statusOrder}`;
    reading.followUp = true;
  } else if (
    // "propose a schedule" → "why is PO-24124 late in it" → "egal, ab damit an die Linien": the draft is still the one
    // to release after its late order was explained.
    (lastTool === 'propose_schedule' || lastTool === 'what_if' || (lastTool === 'explain_late_order' && draftBefore(input.earlier))) &&
    // ("can you release this one?", "kannst du den freigeben?": asked politely, still the request.)
    (!/\?\s*$/.test(lower) || POLITE_RELEASE.test(lower)) &&
    !ASKS_OR_REPORTS.test(lower) &&
    !NEGATED.test(lower) &&
    (POLITE_RELEASE.test(lower) ||
      /\b(request (the )?approval|ask for approval|get (it )?approved|send (?:it|that|this|the (?:draft|plan|schedule)) for (?:approval|sign-?off)|go with (?:that|this|it)(?: one)?|ask the supervisor for sign-?off|send it|send (it|that|this|the plan) (out|to the lines?)|roll (it )?out|go live|push it|go ahead|ab an die linien?|an die linien?|(?:ab )?an die (?:anlage|maschinen|fertigung|produktion)|ab damit|raus damit|rausgeben|zur freigabe|zur genehmigung|in die freigabe|freigabe (beantragen|anfordern|einreichen)|einreichen|live schalten|so machen wir (es|das)|nehmen wir|schick\w* (?:\w+ )?(?:raus|ab)|gib (?:ihn|den|das|es) frei|give (?:it|that|this|the (?:new |current |proposed )?(?:plan|draft|schedule)) free)\b/.test(
        lower,
      ))
  ) {
    // "go ahead and request approval for it", "ab an die Linien damit": the draft just proposed goes for release.
    reading.intent = 'release_schedule';
    reading.followUp = true;
  } else if (
    lastTool === 'plan_replenishment' &&
    !/\?\s*$/.test(lower) &&
    !ASKS_OR_REPORTS.test(lower) &&
    !NEGATED.test(lower) &&
    // "send it when the tugger is charged": a dispatch on a condition is for later.
    !ON_A_CONDITION.test(lower) &&
    /\b(send|dispatch|go|start|\w*schick\w*|sende\w*|los)\b/.test(lower) &&
    /\b(run|runs|tour\w*|\w*fahrt\w*|fuhre|ladung|lieferung|load|delivery|drop|amr|amrs|tugger\w*|agv\w*|routenzug\w*|schlepper\w*|it|them|that|those|ihn|sie|das|die|den|los)\b|\brun-?\d+\b/.test(
      lower,
    )
  ) {
    // "schick den AMR los", "ja, RUN-2 abschicken": a run of the plan just made.
    reading.intent = 'dispatch_transport';
    reading.followUp = true;
  } else if (
    input.previous?.tool === 'machine_command' &&
    input.previous.args.command === 'hold' &&
    typeof input.previous.args.asset === 'string' &&
    /\b(weiter|weitermachen|fortsetzen|continue|carry on|resume|go on|go again|kann weiter|darf weiter)\s*[.!]*$/.test(lower) &&
    !/\?\s*$/.test(lower) &&
    !NEGATED.test(lower)
  ) {
    // "halt den Drucker an" → "so, Paste ist nachgefüllt, weiter": the machine just held resumes.
    reading.intent = 'machine_command';
    reading.combined = `unhold ${input.previous.args.asset}`;
    reading.followUp = true;
  } else if (
    input.previous &&
    /^(?:(?:ok|okay|then|dann|so|gut)[\s,]+)*(?:stop|stopp|halt) (?:it|that|this|ihn|sie|das|es)(?: (?:now|jetzt|bitte|please|pls|then|dann))*[\s.!]*$/.test(
      lower,
    )
  ) {
    // "how is line 1" → "stop it": "stop it" is also "quit it", so the machine is named back before anything is filed.
    const target = inheritedTarget(input.previous, input.assets);
    // German "stopp ihn" names its machine plainly; only English "stop it" can mean "quit it", and a line takes no command.
    const plainGerman = /\b(ihn|sie|das|es)\b/.test(lower) && target?.type !== 'line';
    // "STOP IT NOW", "stop it!!": shouted, it is no "quit it".
    const shouted = /\b(?:STOP|STOPP|HALT)\b|!{2,}/.test(text);
    // "ok stop it then": a decision taken on what was just read, no "quit it".
    const decided = /\b(?:then|dann)\b/.test(lower);
    if ((plainGerman || shouted || decided) && target?.type !== 'line') {
      reading.intent = 'machine_command';
      reading.combined = `stop ${target?.id ?? ''}`;
      reading.followUp = true;
    } else if (target)
      return clarify(
        target.type === 'line'
          ? say(
              language,
              `Commands go to one machine at a time — which machine on ${target.id} should stop? Say e.g. “stop ${input.assets.find((asset) => asset.line === target.id)?.id ?? 'L1-PRN'}”.`,
              `Befehle gehen an jeweils eine Maschine — welche Maschine auf ${target.id} soll stoppen? Z. B. „${input.assets.find((asset) => asset.line === target.id)?.id ?? 'L1-PRN'} stoppen“.`,
            )
          : say(
              language,
              `Stop ${target.id}? Say “stop ${target.id}” and I file it for approval.`,
              `${target.id} stoppen? Sagen Sie „${target.id} stoppen“, dann reiche ich es zur Freigabe ein.`,
            ),
      );
  } else if (corrected) {
    // "set zone 3 … to 190" → "sorry, 195"; "reset L1-AOI" → "actually the L2 one": the same request, one thing changed.
    reading.intent = corrected.intent;
    reading.combined = corrected.combined;
    reading.followUp = true;
    reading.rebuilt = true;
  } else if (previousIntent === 'propose_schedule' && /\bseed\b/.test(lower) && !/\b(what|was|why|warum)\b/.test(lower)) {
    // "propose a schedule" → "again with seed 42": the same proposal, searched with another seed.
    reading.intent = 'propose_schedule';
    reading.followUp = true;
  } else if (
    previousIntent === 'list_work_orders' &&
    wordCount(lower) <= 8 &&
    /\b(?:last|latest|most recent|newest|top|first|only|just|letzten?|neuesten?|ersten?|nur)\s+(?:the\s+|die\s+)?(?:\d{1,3}|three|four|five|six|seven|eight|nine|ten|twenty|drei|vier|f(?:ü|ue)nf|sechs|sieben|acht|neun|zehn|zwanzig)\b|\btoo many\b|\bzu viele?\b/.test(
      lower,
    )
  ) {
    // "all work orders" → "too many, last 5 pls": the same list, shorter.
    reading.intent = 'list_work_orders';
    reading.combined = `${reading.combined.replace(/\b(?:only|just|nur)\s+(?:the\s+|die\s+)?/g, 'last ')}`;
    reading.followUp = true;
  } else if (
    previousIntent === 'list_work_orders' &&
    wordCount(lower) <= 6 &&
    named.kind === 'none' &&
    /^(?:(?:ok|and|und|now|jetzt|dann|then|only|just|nur|bloß|bloss|die|the)[\s,]+)*(?:done|closed|completed|finished|erledigt\w*|abgeschlossen\w*|fertig\w*|planned|geplant\w*|cancel\w*|storn\w*|in progress|laufende\w*|in arbeit)\b(?:\s+(?:ones|only|nur|bitte|please|pls|wos|work orders|auftr(?:ä|ae)ge|was))*[\s.!?]*$/.test(
      lower,
    )
  ) {
    // "WOs L1" → "done ones only", "nur die erledigten": the same list, by its status.
    reading.intent = 'list_work_orders';
    reading.combined = `${input.previousText ?? ''} ${text}`;
    reading.followUp = true;
  } else if (
    lastTool === 'what_if' &&
    (BARE_NUMBER_FOLLOW_UP.test(hoursAsDigits(text.trim())) ||
      // "same but due in 8 hours", "das gleiche, aber bis in 6 Stunden fällig": the scenario with one thing changed.
      (/^(?:(?:ok|and|und|dann|then)[\s,]+)?(?:same|the same|same thing|gleich\w*|dasselbe|das gleiche|das selbe)\b[^.?!]*\b(?:but|aber|only|nur)\b[^.?!]*\d/.test(
        lower,
      ) &&
        wordCount(text) <= 10))
  ) {
    // "what if the L2 oven is down for 4 hours" → "make it 8": the same scenario, another duration.
    reading.intent = 'what_if';
    reading.followUp = true;
  } else if (
    (lastTool === 'inspection_results' || lastTool === 'trigger_inspection') &&
    !/\?\s*$/.test(counted) &&
    // "mach nochmal 10 Stück davon", "do another 20": a count of boards with "again" is another inspection, verb or not.
    (/\b(inspect\w*|check\w*|scan\w*|pruef\w*|prüf\w*|test\w*|kontrollier\w*)\b/.test(counted) ||
      /^(?:(?:ok|okay|gut|dann|then|so)[\s,]+)?(?:mach\w*|do|run|lass|let'?s)\b.*\b\d{1,3}\b/.test(counted) ||
      // "nochmal 25 ab Platte 51", "another 10 please": more boards, the verb left out.
      /^(?:(?:ok|okay|gut|dann|then|so)[\s,]+)?(?:(?:nochmal|noch mal|noch einmal|again|once more)[\s,]+)?(?:nochmal|noch mal|noch einmal|again|another|once more|weitere|(?:the |die )?next|(?:die )?n(?:ä|ae)chsten)\s+\d{1,3}\b/.test(
        counted,
      )) &&
    /\b(another|more|again|next|other|nochmal|noch mal|noch|weitere\w*|erneut|davon|of (those|them|these))\b/.test(counted)
  ) {
    // "inspect another 15 of those", "nochmal 10 davon prüfen": more boards of the same lot or line.
    reading.intent = 'trigger_inspection';
    const lot = input.previous?.args.lot;
    reading.combined = reading.combined.replace(COUNT_WORD, (word) => String(numberWord(word) ?? word));
    if (typeof lot === 'string') reading.combined = `${reading.combined} ${lot}`;
    reading.followUp = true;
  } else if (
    lastTool === 'material_status' &&
    !/\?\s*$/.test(lower) &&
    /\b(run|runs|top (?:it |them )?up|replenish\w*|refill|nachschub|auff(?:ü|ue)ll\w*|nachf(?:ü|ue)ll\w*|fahrt\w*|tour\w*)\b/.test(lower) &&
    /\b(plan\w*|schedule|organi[sz]e|mach\w*|get|hol\w*)\b/.test(lower)
  ) {
    // "material status line 1" → "ok plan a run to top it up": a replenishment plan for what was just shown.
    reading.intent = 'plan_replenishment';
    reading.followUp = true;
  } else if (
    previousIntent === 'material_status' &&
    FOLLOW_UP.test(lower) &&
    wordCount(lower) <= 8 &&
    mentionedPart(text, input.parts ?? []).kind === 'one' &&
    !/\b(late|delay\w*|short\w*|stuck|missing|sp(?:ä|ae)t\w*|versp(?:ä|ae)t\w*|verz(?:ö|oe)ger\w*|fehl\w*|ausfall\w*|what if|wenn|falls)\b/.test(lower)
  ) {
    // "stock of 744043100" → "and the rj45 jacks from würth?": the same question of another part (its supplier named
    // only to say which part).
    reading.intent = 'material_status';
    reading.followUp = true;
  } else if (
    previousIntent &&
    previousIntent !== 'material_status' &&
    /\b(parts?|components?|material|teile\w*|bauteile\w*|komponenten|stock|bestand)\b/.test(lower) &&
    /\b(low|short|enough|all|running out|missing|ausreichend|genug|alle|knapp|fehl\w*|reicht|reichen)\b/.test(lower) &&
    /^(and|und|also|what about|how about|was ist mit|hat|haben|has|have|do|does|is|are|sind|ist)\b/.test(lower)
  ) {
    // "how is line 2 doing" → "and its parts, anything running low?", "und hat der alle Teile?": its material now.
    reading.intent = 'material_status';
    reading.followUp = true;
  } else if (
    lastTool === 'maintenance_forecast' &&
    (/\b(work order|wo|ticket|auftrag|arbeitsauftrag|wartungsauftrag|window|fenster|slot|recommended|suggested|empfohlen\w*|vorgeschlagen\w*|zeitfenster)\b/.test(
      lower,
    ) ||
      // "plan das bitte ein", "kannst du das einplanen", "put it in the calendar": what the forecast recommends, booked.
      (wordCount(text) <= 8 &&
        (/\b(it|that|this|das|es|ihn|den|die)\b/.test(lower) || /^(?:(?:ok\w*|dann|then|ja|yes|gut|passt)[\s,]+)+/.test(lower)) &&
        /\beinplan\w*|\bplan\w*\b[^.?!]*\bein\b|\beinbuch\w*|\bbuch\w*\b[^.?!]*\bein\b|\bput (?:it|that|this) in\b|\bschedule (?:it|that|this)\b|\bpencil (?:it|that|this) in\b/.test(
          lower,
        ))) &&
    (!/\?\s*$/.test(lower) || /^(?:kannst|k(?:ö|oe)nntest|can|could|would)\b/.test(lower)) &&
    // "ok thanks, no work order for now", "danke, Auftrag legen wir später selbst an": the booking declined or put off.
    // ("eine Stunde später", "a day later" move the window, they do not put the booking off.)
    !/\b(?:no|not|nicht|kein\w*|(?<!\b(?:stunde|stunden|tag|tage|minuten|min|hour|hours|day|days|h)\s)(?:later|sp(?:ä|ae)ter)|for now|vorerst|erstmal|selbst|selber|ourselves|myself)\b/.test(
      lower,
    ) &&
    (explicitWrite('create_work_order', lower) ||
      /\beinplan\w*|\bplan\w*\b[^.?!]*\bein\b|\beinbuch\w*/.test(lower) ||
      // "dann Instandhaltungsauftrag dafür, im vorgeschlagenen Zeitfenster": the order named, its verb left out.
      // "ok WO in the suggested slot pls", "WO pnp1 L1 nacht, wie vorgeschlagen": the order named with the window it takes.
      ((/^(dann|then|ok|okay|so|gut|passt|alright)\b/.test(lower) ||
        /\b(wie vorgeschlagen|wie empfohlen|as suggested|as recommended|in the (?:suggested|recommended) (?:slot|window)|im (?:vorgeschlagenen|empfohlenen) (?:fenster|zeitfenster|slot))\b/.test(
          lower,
        )) &&
        /(work ?order|\bwos?\b|\w*auftrag\b|ticket)/.test(lower) &&
        !ASKS_OR_REPORTS.test(lower) &&
        !NEGATED.test(lower)))
  ) {
    // "mach da einen Auftrag draus, im empfohlenen Fenster": the forecast just given is what to book.
    reading.intent = 'create_work_order';
    reading.followUp = true;
  } else if (
    previousIntent === 'alarms' &&
    !imperativeCommand(text) &&
    ((/\b(fix|remedy|what (?:to|do i|should i|do we) do|what (?:am i|are we) supposed to do|was soll (?:ich|man|wir) (?:da|damit|dagegen|jetzt) (?:machen|tun)|what (?:i|we) (?:must|have to|should|need to|can) do|was tut (?:man|ma)|was macht man|documented|procedure|manual|handbuch|abhilfe|was tun|was mache? ich|was machen wir|beheb\w*|anleitung|mean\w*|bedeut\w*)\b/.test(
      lower,
    ) &&
      /\b(that|this|it|those|these|for (?:this|that|the) alarm|das|die|den|der|dem|dazu|dafür|dafuer|davon|dagegen|damit|er|da)\b/.test(lower)) ||
      // "which one is the worst", "welcher ist am schlimmsten": the most severe of the alarms just listed.
      (wordCount(lower) <= 8 &&
        /\b(worst|most (?:severe|critical|important|urgent|serious|dangerous)|biggest (?:problem|issue)|schlimmste\w*|wichtigste\w*|kritischste\w*|dringendste\w*|gravierendste\w*|schwerwiegendste\w*)\b/.test(
          lower,
        )))
  ) {
    // "alarms on the L1 oven since 7.30" → "and where's the documented fix for that one?": the manual on the alarm just listed.
    const worst = mostSevereBefore(input.earlier);
    // ("und was tut ma bei dem E-220 jetzt": the code the message names, else the one listed.)
    const code = alarmCode(text) ?? (typeof input.previous?.args.code === 'string' ? input.previous.args.code : worst?.code);
    reading.intent = 'search_manuals';
    const asset = typeof input.previous?.args.asset === 'string' ? input.previous.args.asset : (worst?.assetId ?? '');
    // Without a code, the machine's alarm responses: the manuals file remedies under their alarms.
    reading.combined = code ? `${code} ${asset}`.trim() : `${asset} alarm response what to do`.trim();
    reading.followUp = true;
  } else if (
    previousIntent === 'search_manuals' &&
    typeof input.previous?.args.query === 'string' &&
    wordCount(lower) <= 8 &&
    WHAT_TO_DO.test(lower) &&
    /\b(that|this|it|then|there|das|da|dabei|dagegen|dann|damit)\b/.test(lower) &&
    !imperativeCommand(text)
  ) {
    // "was sagt das Handbuch zu E-214?" → "und was mach ich da?": the same manual question, now for what to do.
    reading.intent = 'search_manuals';
    // An alarm code asked about before is the topic ("E-214 what to do"), else the question before.
    const code = alarmCode(input.previous.args.query);
    reading.combined = `${code ?? input.previous.args.query} what to do`;
    reading.followUp = true;
  } else if (
    previousIntent === 'production_status' &&
    wordCount(lower) <= 6 &&
    named.kind === 'none' &&
    /\b(wie lange noch|wie lang noch|how (?:much )?longer|how long (?:still|left|to go)|how long now|wann (?:ist (?:er|der|das|es) )?fertig|when (?:will it be|is it|'?s it) (?:done|finished)|eta)\b/.test(
      lower,
    )
  ) {
    // "welcher Auftrag läuft grad auf der Eins" → "wie lange noch?": that line's running order, its ETA.
    reading.intent = 'production_status';
    reading.followUp = true;
  } else if (
    (previousIntent === 'tag_history' || previousIntent === 'asset_state') &&
    typeof input.previous?.args.asset === 'string' &&
    wordCount(lower) <= 6 &&
    named.kind === 'none' &&
    JUDGED_AGAINST_NORMAL.test(lower) &&
    // "too cold. set it to 236", "zu warm, gib ihm 11 Grad": a value asked for is a write, not a question.
    !/\d/.test(lower) &&
    !imperativeCommand(text) &&
    !explicitWrite('set_setpoint', lower)
  ) {
    // "Vibration vom Bestücker 2 Linie 1, letzte 8 h" → "ist das normal?": that machine's value now, judged against the
    // manual's band for the measurement just shown (plan-reply.ts, withCompanionRead).
    reading.intent = 'asset_state';
    reading.combined = `${reading.combined} ${input.previous.args.asset}`;
    reading.followUp = true;
  } else if (
    input.previous?.tool === 'maintenance_forecast' &&
    wordCount(lower) <= 8 &&
    /\b(what exactly|which part|what part|which component|what component|what (?:breaks|fails|wears)|what'?s (?:going to )?(?:break|fail|wear)|was genau|welches teil|welche komponente|welches bauteil|was geht (?:da |dann )?kaputt|was verschlei(?:ß|ss)t|was f(?:ä|ae)llt (?:da )?aus)\b/.test(
      lower,
    )
  ) {
    // "wann muss der Ofen L2 zur Wartung" → "was genau geht da kaputt": the forecast again, which names the component
    // and the signals that move it.
    reading.intent = 'maintenance_forecast';
    reading.followUp = true;
  } else if (
    input.previous &&
    previousIntent !== 'alarms' &&
    previousIntent !== 'search_manuals' &&
    input.previousText &&
    MANUAL_WORD.test(lower) &&
    /\b(that|this|it|about it|on it|dazu|davon|daf(?:ü|ue)r|dar(?:ü|ue)ber|dr(?:ü|ue)ber|damit|das|dem|sowas|so etwas)\b/.test(lower) &&
    wordCount(lower) <= 10 &&
    !imperativeCommand(text)
  ) {
    // "zone 6 on the L1 oven keeps drifting" → "and what does the manual say about it?": the manuals on what was just
    // talked about, searched with its words and its machine, not with "what does the manual say".
    const asset = typeof input.previous.args.asset === 'string' ? input.previous.args.asset : '';
    const tag =
      typeof input.previous.args.tag === 'string' ? input.previous.args.tag.replace(/[A-Z]?[a-z]*(?:C|Pct|Bar|Ppm|MmS|N)$/, '').replace(/\./g, ' ') : '';
    reading.intent = 'search_manuals';
    reading.combined = `${input.previousText} ${tag} ${asset}`.replace(/\s+/g, ' ').trim();
    // "is the squeegee pressure ok?" → "what should it be according to the manual": the measurement's own row in the
    // manual (its normal band, the setpoint's allowed range), searched with the manual's words, not the asker's.
    const machine = input.assets.find((candidate) => candidate.id === asset && candidate.type !== 'line');
    const measured = machine && !tag ? measurementAskedBefore(input, machine) : undefined;
    // … or, two turns on ("… on the L2 printer" → "is that ok?" → "what should it be according to the manual"), the
    // row the judgement of the value searched for.
    const bandQuery = [...(input.earlier ?? [])]
      .reverse()
      .slice(0, 3)
      .map((result) => (result.tool === 'search_manuals' && result.args.asset === asset ? result.args.query : undefined))
      .find((query): query is string => typeof query === 'string' && /normal band$/.test(query) && query !== 'process values normal band');
    if (measured?.kind === 'one') reading.combined = `${measured.tag.id} ${measured.tag.name ?? ''} normal band ${asset}`.replace(/\s+/g, ' ').trim();
    else if (bandQuery) reading.combined = `${bandQuery} ${asset}`;
    reading.followUp = true;
  } else if (
    (previousIntent === 'alarms' || previousIntent === 'maintenance_forecast' || previousIntent === 'list_work_orders') &&
    FOLLOW_UP.test(lower) &&
    wordCount(lower) <= 8 &&
    named.kind === 'none' &&
    /\b(now|rn|atm|right now|currently|at the moment|aktuell|gerade|grad|jetzt|momentan|im moment)\b/.test(lower) &&
    machineBefore !== undefined &&
    namesMeasurement(text, machineBefore) &&
    !imperativeCommand(text)
  ) {
    // "alarms L1 SPI since 6" → "and its paste volume rn", "und die Kameratemperatur da aktuell?": that machine's value now.
    reading.intent = 'asset_state';
    reading.combined = `${reading.combined} ${machineBefore!.id}`;
    reading.followUp = true;
  } else if (
    previousIntent &&
    previousIntent !== 'alarms' &&
    FOLLOW_UP.test(lower) &&
    /\b(alarm\w*|alerts?|störmeldung\w*|störungen)\b/.test(lower) &&
    !isCommandChatter(lower) &&
    !/\b(mean\w*|bedeut\w*|manual|handbuch)\b/.test(lower)
  ) {
    // "and its alarms?": the same target, the alarms now.
    reading.intent = 'alarms';
    reading.followUp = true;
  } else if (
    previousIntent !== undefined &&
    ['alarms', 'inspection_results', 'maintenance_forecast', 'list_work_orders', 'material_status', 'production_status'].includes(previousIntent) &&
    wordCount(lower) <= 12 &&
    !/\b(?:right now|gerade|grad|aktuell\w*|current\w*|werte|values|release\w*|freigeb\w*|trend\w*|verlauf\w*)\b/.test(lower) &&
    /\b(?:instead|stattdessen|statt dessen|just|only|nur|blo(?:ß|ss)|compare (?:it )?with|vergleich\w* (?:das |es )?mit)\b/.test(lower) &&
    (named.kind !== 'none' || orderId(text) !== undefined) &&
    !/\b(?:what|was|wie|how|why|warum|wieso|welche\w*|which)\b/.test(lower) &&
    !topicSwitch(lower, previousIntent) &&
    !/\?\s*$/.test(lower.replace(/\b(?:instead|stattdessen)\s*\?\s*$/, '')) &&
    !imperativeCommand(text) &&
    !explicitWrite('set_setpoint', lower)
  ) {
    // "anything close to failing?" → "just the compressor pls", "yield for lot PO-24118" → "compare with lot 24122", "und jetzt
    // nur die vom Bestücker zwei": the same read, for another target.
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (previousIntent && FOLLOW_UP.test(lower) && wordCount(lower) <= 7 && !isCommandChatter(lower) && topicSwitch(lower, previousIntent)) {
    // "wie läuft Linie 2" → "und die Materialreichweite?", "and the orders?", "und die Wartung?": the same line or
    // machine, another topic.
    reading.intent = topicSwitch(lower, previousIntent)!;
    reading.followUp = true;
  } else if (
    // "AOI line 1 defect rate since 6" → "ok and the spi in front of it, paste volume same window", "und beim SPI davor des
    // Pastenvolumen, gleicher Zeitraum": a measurement of the machine named, over the window just read — its trend.
    (previousIntent === 'inspection_results' || previousIntent === 'alarms') &&
    wordCount(lower) <= 14 &&
    SAME_WINDOW.test(lower) &&
    (named.kind === 'one' ? [named.asset] : named.kind === 'ambiguous' ? named.candidates : []).some(
      (asset) => asset.type !== 'line' && namesMeasurement(withoutAssetWords(text, asset), asset),
    ) &&
    !imperativeCommand(text) &&
    !explicitWrite('set_setpoint', lower)
  ) {
    reading.intent = 'tag_history';
    reading.followUp = true;
  } else if (
    previousIntent === 'inspection_results' &&
    wordCount(lower) <= 7 &&
    named.kind === 'none' &&
    parseTimeWindow(text, language, timeContext) === undefined &&
    /\b(defects?|fehler\w*|most (?:common|often|frequent)|am h(?:ä|ae)ufigsten|h(?:ä|ae)ufigst\w*|worst|schlimmst\w*|which boards?|welche (?:boards?|platinen|baugruppen)|shorts?|opens?|kurzschl\w*)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  ) {
    // "AOI Ergebnisse Linie 1 seit Schichtbeginn" → "welche Fehler am häufigsten?": the same results, line and window.
    reading.intent = 'inspection_results';
    reading.followUp = true;
  } else if (
    previousIntent === 'production_status' &&
    FOLLOW_UP.test(lower) &&
    wordCount(lower) <= 6 &&
    /\b(scrap|ausschuss|oee|yield|ausbeute|availability|verf(?:ü|ue)gbarkeit)\b/.test(lower)
  ) {
    // "wie viele Boards hat Linie 1 gemacht?" → "und Ausschuss?": the shift's scrap and OEE are the overview's, same line.
    reading.intent = 'plant_overview';
    reading.followUp = true;
  } else if (
    previousIntent === 'asset_state' &&
    input.previousText &&
    wordCount(lower) <= 8 &&
    // "Netzdruck gerade?" → "Verlauf seit gestern 14 Uhr, stundenweise": a trend opening the message is of the value just read.
    (FOLLOW_UP.test(lower) ||
      OF_THAT.test(lower) ||
      /^(?:(?:ok\w*|dann|then|and|und|jetzt|now)[\s,]+)*(?:verlauf|trend|history|historie|kurve)\b/.test(lower)) &&
    (parseTimeWindow(text, language, timeContext) !== undefined || TREND.test(lower)) &&
    named.kind === 'none' &&
    // "zeig mir die Alarme davon seit Schichtbeginn": its alarms, which the alarm list reads, not a trend of a count.
    !/\b(alarms?|alarme?n?|st(?:ö|oe)rungen|meldungen|warnings?)\b/.test(lower)
  ) {
    // "Vorlauftemperatur aktuell?" then "und die letzten 6 Stunden davon?": the value just read, over a window now.
    reading.intent = 'tag_history';
    reading.combined = `${input.previousText} ${reading.combined}`;
    reading.followUp = true;
  } else if (
    previousIntent === 'tag_history' &&
    (/^(?:and|und|also|auch|plus)\b/.test(lower) || sameWindow) &&
    // ("any alarms on it in the same window?": the alarms, another read.)
    (sameWindowTool === undefined || sameWindowTool === 'tag_history') &&
    wordCount(lower) <= (sameWindow ? 10 : 6) &&
    named.kind === 'none' &&
    machineBefore !== undefined &&
    (namesMeasurement(text, machineBefore) || resolveTag(text, machineBefore.tags).kind === 'one') &&
    (sameWindow || !/\b(?:now|right now|jetzt|gerade|grad|current\w*|aktuell\w*|live)\b/.test(lower)) &&
    !imperativeCommand(text) &&
    !explicitWrite('set_setpoint', lower)
  ) {
    // "chiller supply temperature over the night shift" → "and the return temp", "taupunkt druckluft über die nacht" →
    // "und den Druck?": another value of the same machine, over the same window.
    reading.intent = 'tag_history';
    reading.followUp = true;
  } else if (
    (previousIntent === 'asset_state' || previousIntent === 'tag_history') &&
    machineBefore !== undefined &&
    wordCount(lower) <= 10 &&
    /\b(?:how long (?:has|have) (?:it|that|this|they) been|since when|seit wann|wie lang\w* (?:ist|geht|l(?:ä|ae)uft) (?:das|es|der|die) (?:schon|so)|wie lang\w* schon)\b/.test(
      lower,
    )
  ) {
    // "what's the spindle vibration on pnp2 L1 right now" → "how long has it been like that", "wie lang ist das schon so?":
    // the value just read, back in time.
    reading.intent = 'tag_history';
    reading.combined = `${input.previousText ?? ''} ${reading.combined}`.trim();
    reading.followUp = true;
  } else if (
    (previousIntent === 'tag_history' || previousIntent === 'asset_state' || previousIntent === 'alarms') &&
    wordCount(lower) <= 6 &&
    /^(?:(?:and|und|ok|so|also)[\s,]+)?(?:who (?:did|changed|was) (?:that|it|this)|who did it|wer war (?:das|es|des)|wer hat (?:das|es|des) (?:gemacht|ge(?:ä|ae)ndert|verstellt|gestellt))\b/.test(
      lower,
    )
  ) {
    // "Verlauf Sollwert Rakeldruck Drucker L1 über die Nacht" → "wer war das?": who changed it is in that shift's report.
    reading.intent = 'generate_shift_handover';
    reading.combined = `${input.previousText ?? ''} ${reading.combined}`.trim();
    reading.followUp = true;
  } else if (
    previousIntent !== undefined &&
    WINDOWED_TOOLS.has(previousIntent) &&
    wordCount(lower) <= 8 &&
    named.kind === 'none' &&
    /^(?:(?:and|und|now|jetzt|ok)[\s,]+)?(?:compare (?:that|it|this|them) (?:to|with)|(?:and )?(?:how|what) about compared to|im vergleich (?:zu|mit)|verglichen mit|vs\.?|versus)\b/.test(
      lower,
    ) &&
    parseTimeWindow(text, language, timeContext) !== undefined
  ) {
    // "inspection results line 1 since midnight" → "compare that to yesterday", "und im Vergleich zu gestern?": the same read
    // over the window named.
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (
    typeof input.previous?.args.from === 'string' &&
    wordCount(lower) <= 12 &&
    sameWindow &&
    sameWindowTool !== undefined &&
    !imperativeCommand(text)
  ) {
    // "residual oxygen L1 oven last 2h" → "any alarms on it in the same window?": another read over the window just read.
    reading.intent = sameWindowTool;
    reading.followUp = true;
  } else if (
    input.previousText !== undefined &&
    wordCount(lower) <= 12 &&
    !asksWhatIf(lower) &&
    !asksWhatIf(input.previousText.toLowerCase()) &&
    previousIntent !== 'what_if' &&
    previousIntent !== 'propose_schedule' &&
    /\b(?:was (?:hei(?:ß|ss)t|bedeutet|macht|hie(?:ß|ss)e|w(?:ü|ue)rde) (?:das|des|dies)|what (?:does|would|will) (?:that|this|it) (?:mean|do)|impact|auswirkung\w*|folgen|effect|knock-on)\b/.test(
      lower,
    ) &&
    /\b(?:plan|schedule|planung|zeitplan|termine?|liefertermine?|deliver\w*|due dates?|orders?|auftr(?:ä|ae)ge)\b/.test(lower) &&
    asksWhatIf(`${input.previousText.toLowerCase()} ${lower}`)
  ) {
    // "Bestücker 2 auf Linie 1 steht, laut Techniker mindestens 5 Stunden. Status?" → "und was heißt das für den Plan?": the
    // outage told before, planned.
    reading.intent = 'what_if';
    reading.combined = `${input.previousText} ${reading.combined}`;
    reading.followUp = true;
  } else if (
    previousIntent === 'material_status' &&
    orderId(text) !== undefined &&
    wordCount(lower) <= 10 &&
    /\b(?:reicht|reichen|enough|genug|last|lasts|cover\w*|deck\w*|fehlt|fehlen|missing|short)\b/.test(lower)
  ) {
    // "Bestand XC7Z010-1CLG400C" → "und reicht das für 24123?": the material of that order.
    reading.intent = 'material_status';
    reading.followUp = true;
  } else if (
    !orderId(text) &&
    (statusOrder ?? (typeof input.previous?.args.order === 'string' ? input.previous.args.order : undefined)) !== undefined &&
    /\b(?:davon|daraus|of them|of those|of it|from it|from that|from this|von dem|von denen)\b/.test(lower) &&
    /\b(?:aoi|inspect\w*|inspizier\w*|pr(?:ü|ue)f\w*|scan\w*|checken)\b/.test(lower) &&
    !/\b(?:results?|ergebnis\w*|how did|wie war\w*)\b/.test(lower)
  ) {
    // "wie weit sind wir mit PO-24120" → "lass mal 20 Boards davon durch den AOI": that order's boards are the lot inspected.
    reading.intent = 'trigger_inspection';
    reading.combined = `${reading.combined} ${statusOrder ?? String(input.previous?.args.order)}`;
    reading.followUp = true;
  } else if (
    lastTool === 'search_manuals' &&
    alarmCode(input.previousText ?? '') !== undefined &&
    alarmCode(text) === undefined &&
    wordCount(lower) <= 12 &&
    /\b(?:how often|how many times|wie oft|wie h(?:ä|ae)ufig|wie viele ?mal|active|aktiv|came|kam|kommt|had it|hatte(?:n)? (?:ihn|den|das)|seen it|gesehen|since|seit|today|heute|yesterday|gestern|last night|heute nacht)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  ) {
    // "was heißt E-302" → "wie oft kam der seit Montag?", "what does E-310 mean" → "any of those active right now?": that
    // alarm's occurrences, not the manual again.
    reading.intent = 'alarms';
    reading.followUp = true;
  } else if (
    previousIntent === 'tag_history' &&
    wordCount(lower) <= 14 &&
    /\b(?:current|aktuell\w*|jetzig\w*|live)\s+(?:values?|werte?|readings?|stand|zustand|state)\b|\b(?:values?|werte?) (?:right now|now|jetzt|gerade)\b/.test(
      lower,
    ) &&
    !imperativeCommand(text) &&
    !explicitWrite('set_setpoint', lower)
  ) {
    // "zone temps of the L1 oven over the last hour" → "actually skip the trend, just the current values of that oven",
    // "nee, nur die aktuellen Werte vom Kaltwassersatz": the machine's values now, not the trend.
    reading.intent = 'asset_state';
    reading.followUp = true;
  } else if (
    previousIntent !== undefined &&
    !WRITE_INTENTS.has(previousIntent) &&
    wordCount(lower) <= 14 &&
    /^(?:stop|stopp|halt|sorry|oops|nee|nein|no|wait|warte|moment)\b/.test(lower) &&
    /\b(?:i meant|i mean|meant|ich mein\w*|meinte|falsche\w*|wrong)\b/.test(lower) &&
    (mentionedLine(text) !== undefined || named.kind === 'one') &&
    !imperativeCommand(lower.replace(/^(?:stop|stopp|halt)\b[\s,!.]*/, '')) &&
    !explicitWrite('set_setpoint', lower)
  ) {
    // "show me the alarms on line 1" → "stop, I meant line 2", "halt, falsche Linie, ich brauch die von der zwo": the same
    // read, corrected — "stop" and "halt" interrupt the copilot, they command no machine.
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (
    previousIntent === 'maintenance_forecast' &&
    wordCount(lower) <= 10 &&
    mentionedLine(text) !== undefined &&
    (named.kind === 'none' || (named.kind === 'one' && named.asset.type === 'line')) &&
    /\b(?:whole|entire|all of|all|ganze\w*|gesamte\w*|alle|widen|erweiter\w*|for|f(?:ü|ue)r)\b/.test(lower) &&
    !imperativeCommand(text)
  ) {
    // "forecast for the L2 oven blower" → "widen it, whole line 2 please", "mach gleich für die ganze Linie 1": the
    // forecast of every machine of the line.
    reading.intent = 'maintenance_forecast';
    reading.followUp = true;
  } else if (
    (previousIntent === 'what_if' || previousIntent === 'propose_schedule') &&
    wordCount(lower) <= 16 &&
    /\b(?:fresh|new|current|normal|plain|clean|aktuell\w*|neu\w*|normal\w*|frisch\w*)\s+(?:plan|schedule|zeitplan|planung)\b|\b(?:plan|schedule)\s+(?:as things are|as it is|as is|without (?:the )?(?:extra shift|outage|downtime|rush order)|ohne (?:den |die |das )?(?:ausfall|zusatzschicht|sonderschicht|eilauftrag))\b/.test(
      lower,
    ) &&
    !/\b(?:what if|was w(?:ä|ae)re|was wenn|suppose|angenommen)\b/.test(lower)
  ) {
    // "what if line 2 gets an extra shift" → "forget the extra shift, just give me a fresh plan as things are": the plan as
    // the plant is, no scenario.
    reading.intent = 'propose_schedule';
    reading.followUp = true;
  } else if (
    previousIntent === 'generate_shift_handover' &&
    wordCount(lower) <= 14 &&
    /\b(?:where do we stand|where are we|how are we doing|wo stehen wir|wie stehen wir|stand der dinge|wie sieht'?s aus|wie schaut'?s aus)\b/.test(lower) &&
    /\b(?:right now|now|currently|at the moment|jetzt|gerade|aktuell|momentan)\b/.test(lower)
  ) {
    // "handover for the night shift" → "ok, and where do we stand right now, line 2 only": the plant now, not the report.
    reading.intent = 'plant_overview';
    reading.followUp = true;
  } else if (
    previousIntent === 'production_status' &&
    statusOrder !== undefined &&
    !orderId(text) &&
    asksWhatIf(lower) &&
    /\b(?:its|it|his|der|die|das|dessen|deren|sein\w*|ihr\w*)\b/.test(lower)
  ) {
    // "how far is PO-24118" → "suppose its material comes 5 hours late, what does that do to the plan": that order's.
    reading.intent = 'what_if';
    reading.combined = `${reading.combined} ${statusOrder}`;
    reading.followUp = true;
  } else if (
    previousIntent === 'alarms' &&
    wordCount(lower) <= 7 &&
    named.kind === 'none' &&
    (parsePriorities(lower) !== undefined ||
      /\b(?:only|just|nur|bloß|bloss)\b.*\b(?:active|open|acknowledged|acked|aktiv\w*|offen\w*|quittiert\w*)\b|\b(?:active|open|aktiv\w*|offen\w*) (?:ones|only|nur)\b/.test(
        lower,
      ))
  ) {
    // "alarms on line 2 last 4 hours" → "prio 1 and 2 only", "nur die aktiven": the same alarms, narrowed.
    reading.intent = 'alarms';
    reading.followUp = true;
  } else if (
    previousIntent === 'tag_history' &&
    wordCount(lower) <= 7 &&
    named.kind === 'none' &&
    bucketSize(lower) !== undefined &&
    !imperativeCommand(text) &&
    !explicitWrite('set_setpoint', lower)
  ) {
    // "trend the chiller supply temp since midnight" → "hourly buckets pls", "in 15-min-schritten bitte": the same trend,
    // another bucket size.
    reading.intent = 'tag_history';
    reading.followUp = true;
  } else if (
    lastTool === 'supply_disruption_impact' &&
    wordCount(lower) <= 9 &&
    named.kind === 'none' &&
    // "make it 48", "nee, 40 prozent", "what if it's 60 percent short": another delay or shortfall for the same delivery.
    (/^(?:(?:ok\w*|and|und|hm+|dann|then|so)[\s,]+)*(?:what if|what about|how about|and if|if|und wenn|wenn|was (?:ist|wäre|waere),? wenn|und bei|bei|angenommen|suppose)\b/.test(
      lower,
    ) ||
      /^(?:(?:ok\w*|and|und|hm+|dann|then|so|no|nope|nah|nee|ne|nein|actually|eigentlich|sorry)[\s,.!]+)*(?:(?:make it|make that|mach(?:\s+(?:es|das|mal))?|lieber|eher|rather|try|nimm)\s+)?(?:(?:mit|with)\s+)?\d+(?:[.,]\d+)?\s*(?:h|hours?|hrs?|std|stunden?|days?|tage?n?|%|percent|prozent)?\b[\s\w]{0,20}[.!?]*$/.test(
        lower,
      )) &&
    (delayHours(text) !== undefined ||
      shortfallPct(text) !== undefined ||
      /^(?:(?:\w+)[\s,.!]+)*(?:make it|make that|mach\w*|lieber|eher|rather|try|nimm)\b/.test(lower) ||
      /^(?:no|nope|nah|nee|ne|nein|actually|eigentlich|sorry)\b/.test(lower)) &&
    mentionedSupplier(text, input.parts ?? []) === undefined &&
    !orderId(text)
  ) {
    // "Avnet is 12h late, what's the impact" → "what if it's a full day", "und wenn's 30 Stunden sind?": the same
    // delivery, another delay — not a what-if on the plan.
    reading.intent = 'supply_disruption_impact';
    reading.followUp = true;
  } else if (
    (previousIntent === 'tag_history' ||
      previousIntent === 'alarms' ||
      previousIntent === 'inspection_results' ||
      previousIntent === 'generate_shift_handover') &&
    wordCount(lower) <= 18 &&
    named.kind === 'none' &&
    /^(?:no|nope|nah|nee|nein|ne|rather|eher|lieber|actually|eigentlich)\b/.test(lower) &&
    parseTimeWindow(text, language, timeContext) !== undefined &&
    !imperativeCommand(text)
  ) {
    // "Nee, nicht die letzte Stunde – von 6 bis 8 heute früh, bitte in 15-Minuten-Schritten": the same read, the window corrected.
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (
    (previousIntent === 'tag_history' || previousIntent === 'alarms' || previousIntent === 'inspection_results') &&
    wordCount(lower) <= 8 &&
    /^(?:(?:ok\w*|dann|then|hm+|and|und)[\s,]+)*(?:make it|make that|mach(?:e)?(?: es| das| mal)?|lieber|rather|instead|nimm|take|change it to|go back to|zoom out to|zeig(?: mal)?|show(?: me)?|stretch (?:it|that|this)|extend (?:it|that|this)|narrow (?:it|that|this)(?: down)?|limit (?:it|that|this)|restrict (?:it|that|this)|cut (?:it|that|this)|shorten (?:it|that|this)|just|only|nur|bloß|bloss|erweiter\w*|verl(?:ä|ae)nger\w*|schr(?:ä|ae)nk\w*|grenz\w*)\b/.test(
      lower,
    ) &&
    parseTimeWindow(text, language, timeContext) !== undefined &&
    named.kind === 'none'
  ) {
    // "O2 trend on the L2 oven, last hour" → "make it the last 4 hours": the same read over another window.
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (
    !input.previous &&
    !input.pendingQuestion &&
    /^(?:(?:no|nope|nah|nee|nein|doch|sorry|oops|i meant|ich meinte|make that|rather|eher|lieber)[\s,.!]*)+-?\d+(?:[.,]\d+)?\s*(?:°\s*c|grad|degrees|bar|%|mm\/s|n)?\s*[.!]?$/.test(
      lower,
    )
  ) {
    // "nee 238" with nothing before it: a correction of a value nobody asked for.
    return clarify(
      say(
        language,
        `${text.replace(/^\D*/, '')} for what? There is no earlier request in this conversation to correct. Say the machine and setpoint, e.g. “set zone 4 of L1-RFL to ${text.replace(/^\D*/, '')}”.`,
        `${text.replace(/^\D*/, '')} wofür? In diesem Gespräch gibt es noch keine Anfrage, die ich korrigieren kann. Nennen Sie Maschine und Sollwert, z. B. „Zone 4 von L1-RFL auf ${text.replace(/^\D*/, '')}“.`,
      ),
    );
  } else if (
    !input.previous &&
    !input.pendingQuestion &&
    /^(and|und|what about|how about|und was ist mit|was ist mit|und wie ist es mit|the same|same for|same on|same at|same with|same thing|do the same|das gleiche|dasselbe|das selbe|gleiches|genauso)\b/.test(
      lower,
    ) &&
    (/\b(other|the same|same|andere\w*|gleiche\w*|selbe\w*|dasselbe)\b/.test(lower) ||
      // "and line 2?" — nothing but a target after the "and".
      (wordCount(lower) <= 4 && named.kind !== 'none' && !ruleIntent(text, lower, input, timeContext)))
  ) {
    // "und die andere Linie?" with nothing before it: nothing to follow.
    return clarify(
      say(
        language,
        'The other what? There is nothing earlier in this conversation to follow up on. Say what you want to know, e.g. “How is production going on line 2?”.',
        'Die andere was? In diesem Gespräch gibt es noch nichts, woran ich anknüpfen kann. Sagen Sie, was Sie wissen möchten, z. B. „Wie läuft die Produktion auf Linie 2?“.',
      ),
    );
  } else if (
    previousIntent &&
    !input.pendingQuestion &&
    !WRITE_INTENTS.has(previousIntent) &&
    wordCount(lower) <= 7 &&
    (named.kind !== 'none' || mentionedLine(text) !== undefined) &&
    /^(?:no|nope|nah|nee|nein|ne|actually|eigentlich|sorry|oops|doch)\b[\s,.!]*(?:(?:i meant|meant|ich meinte|meinte|just|only|nur|bloß|bloss|for|für|fuer|on|auf|der|die|das|the)\s+)+/.test(
      lower,
    ) &&
    !imperativeCommand(text)
  ) {
    // "Nachschub planen für alle Linien" → "nee, nur für Linie 1", "no, just line 2": the same read, for the target said.
    reading.intent = previousIntent;
    reading.followUp = true;
  } else if (
    previousIntent &&
    !input.pendingQuestion &&
    !WRITE_INTENTS.has(previousIntent) &&
    (FOLLOW_UP.test(lower) || (wordCount(lower) <= 3 && named.kind !== 'none')) &&
    // "what's the squeegee pressure" → "make it 80": a write its rules read explicitly is no repeat of the read;
    // nor is "and how did they come out?" after an inspection, which the rules read as its results.
    // "und für die Pumpe vom Kühler?" after a forecast: "and for X" asks the same of X, whatever X's words sound like.
    (/^(and for|und f(?:ü|ue)r|und bei|and at|same for|dasselbe f(?:ü|ue)r|das gleiche f(?:ü|ue)r)\b/.test(lower) ||
      !differentByRule(ruleIntent(text, lower, input, timeContext)?.intent, previousIntent)) &&
    // "and if the L2 oven is down 3 h on top of that?" after a plan: a scenario on it, not the plan again.
    !(previousIntent !== 'what_if' && asksWhatIf(lower)) &&
    // "und wie steht der Packer dort gerade?" after a handover: a machine's state asked, not the handover again.
    !(
      previousIntent !== 'asset_state' &&
      named.kind === 'ambiguous' &&
      /\b(wie steht|wie l(?:ä|ae)uft|wie geht'?s|was macht|how is|how'?s|what'?s (?:\w+ )*doing|status|zustand)\b/.test(lower)
    ) &&
    !(
      classification.score >= 0.9 &&
      classification.intent !== previousIntent &&
      // "do the same for PO-24119" repeats the last request whatever its other words sound like.
      !/^(do the same|same (thing )?for|the same for|dasselbe|das gleiche|das selbe|genauso|auch für|auch fuer)\b/.test(lower) &&
      // "and the one on line 2?" names only a target: nothing in it asks for something else.
      !onlyNamesTarget(text, input.assets) &&
      classification.intent in INTENTS &&
      wordCount(lower) > 4 &&
      // A follow-up only turns into a write when it says so; a sure classifier alone is not enough.
      (!WRITE_INTENTS.has(classification.intent as Intent) || explicitWrite(classification.intent as Intent, lower))
    )
  ) {
    reading.intent = previousIntent;
    reading.followUp = true;
  }
  return undefined;
}

/** "in the same window", "same time range", "gleicher Zeitraum": the window just read, again. */
const SAME_WINDOW =
  /\b(?:(?:in |over |for )?(?:the )?same (?:window|time(?: ?frame| span| period| range)?|period|span|range|hours?)|(?:over |in |for )?(?:the )?same (?:stretch|stint|timeframe)|in that (?:window|time)|(?:im )?(?:gleiche[nrm]?|selbe[nrm]?) (?:zeitraum|fenster|zeitfenster|zeit)|in dem zeitraum|in der zeit|since then|seitdem)\b/;

/** A measurement's word, alone or ending a compound ("Blowervibration", "Lagertemperatur", "header pressure"). */
const MEASUREMENT =
  /(?:vibration\w*|temperat\w*|\btemps?\b|pressure|\w*druck\b|\bcurrent\b|\w*strom\b|\bspeed\b|\w*geschwindigkeit\b|\bo2\b|sauerstoff\w*|dew ?point|taupunkt|\bflow\b|durchfluss|\bhumidity\b|feuchte|\w*leistung\b|\bpower\b)/;

/** The windowed read a "same window" follow-up names by its words. */
function sameWindowRead(lower: string): Intent | undefined {
  if (/\b(?:alarms?|alarme?n?|st(?:ö|oe)rung\w*|meldung\w*|faults?|trips?)\b/.test(lower)) return 'alarms';
  if (/\b(?:aoi|inspection\w*|inspektion\w*|defects?|fehlerbild\w*|yield|ausbeute)\b/.test(lower)) return 'inspection_results';
  if (/\b(?:trend|verlauf|history|historie|kurve)\b/.test(lower)) return 'tag_history';
  // "and the spindle vibration over the same stretch?", "die Blowervibration im selben Zeitraum": a measurement named.
  if (MEASUREMENT.test(lower)) return 'tag_history';
  return undefined;
}

/** The machine (not a line) the turn before was about. */
function previousMachine(input: Request['input']): AssetRef | undefined {
  const target = inheritedTarget(input.previous, input.assets);
  return target && target.type !== 'line' ? target : undefined;
}

/** "can you release this one?", "could u send it for approval", "kannst du den bitte freigeben?": the draft, asked for politely. */
const POLITE_RELEASE =
  /^(?:(?:ok|okay|so|then|dann|ja|jo|gut)[\s,]+)?(?:can|could|would|will)\s+(?:you|u)\s+(?:please\s+|pls\s+)?(?:release|send)\s+(?:it|this|that|this one|that one|the (?:draft|plan|schedule))\b|^(?:(?:ok|okay|so|dann|ja|jo|gut)[\s,]+)?(?:kannst|k(?:ö|oe)nntest)\s+du\s+(?:den|das|die|ihn|es|diesen|dieses)?\s*(?:bitte\s+|mal\s+)*(?:(?:plan|entwurf)\s+)?(?:(?:bitte|mal)\s+)*freigeben\b/;

/** Whether the turn before the last made a draft (a proposal or a what-if), so "release it" after explaining it has one. */
function draftBefore(earlier: readonly EarlierResult[] | undefined): boolean {
  const before = earlier?.at(-2);
  return before !== undefined && (before.tool === 'propose_schedule' || before.tool === 'what_if');
}

/** The most severe alarm (lowest priority number, latest first) among the events before a stop just shown. */
/** The most severe alarm the last alarms answer showed: of those active now if any, else of its events (latest wins a tie). */
function mostSevereBefore(earlier: readonly EarlierResult[] | undefined): { code: string; text: string; assetId?: string } | undefined {
  const output = earlier?.at(-1)?.output as { events?: unknown; activeNow?: unknown } | undefined;
  type Alarm = { code?: unknown; text?: unknown; priority?: unknown; assetId?: unknown };
  const coded = (list: unknown) =>
    (Array.isArray(list) ? (list as Alarm[]) : []).filter((alarm) => typeof alarm.code === 'string' && typeof alarm.priority === 'number');
  const active = coded(output?.activeNow);
  const candidates = active.length > 0 ? active : coded(output?.events);
  const worst = candidates.reduce<Alarm | undefined>(
    (best, alarm) => (!best || (alarm.priority as number) <= (best.priority as number) ? alarm : best),
    undefined,
  );
  return worst
    ? {
        code: String(worst.code),
        text: typeof worst.text === 'string' ? worst.text : '',
        ...(typeof worst.assetId === 'string' ? { assetId: worst.assetId } : {}),
      }
    : undefined;
}

/** "sorry", "no", "nee", "actually", "ich meinte": a correction of the request just made. */
const CORRECTION_LEAD =
  /^(?:(?:(?:yes|yeah|yep|ok|okay|ja|jo|passt|gut)[\s,]+(?:but|aber)|hm+|sorry|no|nope|nah|nee|ne(?=[\s,.!]*(?:doch|lieber|eher|sorry|\d))|nein|ach nee|ach|oops|actually|eigentlich|doch|correction|korrektur|i meant|i mean|meant|ich meinte|ich meine?|wait|warte|moment|typo|my bad|my mistake|fat finger\w*|tippfehler|vertippt|verschrieben|mein fehler|should (?:be|have been|'?ve been)|sollte(?: nat(?:ü|ue)rlich)?|soll(?:te)? (?:doch )?hei(?:ß|ss)en|soll|argh+|ugh|damn|mist|hoppla|ups+|verdammt)(?![a-zäöüß])[\s,.!:-]*)+/;
/** The value alone that replaces the one just asked for: "195", "make it 30", "lieber 25", "175 instead". */
const NEW_VALUE =
  /^(?:(?:make it|make that|mach(?:e)?(?: es| das| mal)?|lieber|rather|eher|nimm|then|go|go with|take|only|just|nur|bloß|bloss|doch)\s+)*(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees|bar|%|mm\/s|n|boards?|platinen|stück|stueck|pcs)?\s*(?:instead|stattdessen|draus|then|dann|bitte|please|pls|mein ich|meinte ich|hei(?:ß|ss)en|sein|sorry|is (?:plenty|enough|fine|better)|reicht|gen(?:ü|ue)gt|langt|ist besser|sollte es sein|soll(?:te)? es sein|should do|will do)?\s*[.!]?$/;
/** "Tippfehler, sollte 245 heißen", "no, I meant 245 not 254": what stands after the value, as said. */
const INSTEAD_OF = /\b(?:statt|anstatt|instead of|rather than|not|nicht)\s+(?:nur\s+|just\s+|only\s+|zu\s+)*\S+/g;
/** "same for zone 4 but 190", "Zone 4 dasselbe, aber 250": another zone, with a value of its own. */
const SAME_FOR_ZONE_BUT =
  /^(?:(?:and|und|then|dann|ok|okay)[\s,]+)?(?:(?:same|the same|same thing|dasselbe|das gleiche|gleiches|auch)\s+(?:for|f(?:ü|ue)r|bei|on|at)\s+(?:die\s+)?(?:zone|zohne)\s*(\d{1,2})|(?:f(?:ü|ue)r\s+(?:die\s+)?)?(?:zone|zohne)\s*(\d{1,2})\s+(?:the same|same|auch|too|dasselbe|das gleiche|genauso|ebenso))\s*,?\s*(?:but|aber|only|nur|with|mit|at|auf|to)\s+(?:auf\s+|to\s+|at\s+|mit\s+)?(-?\d+(?:[.,]\d+)?)\s*(?:°\s*c|grad|degrees)?\s*(?:please|pls|bitte)?[\s.!]*$/;
/** A line named as the correction's point: "I meant line 2", "the L2 one", "linie 1 mein ich". */
const OTHER_LINE = /\b(?:line|linie|l)\s*(\d)\b|\b(?:auf|an|bei|f(?:ü|ue)r) der (\d)\b/;

/** "again", "nochmal", "refresh", "und jetzt?", "same but since 6": the read before, again. */
const AGAIN =
  /^(?:(?:ok|okay|und|and|so|dann|then|grad|gerade|mal|bitte|pls|plz|please|kannst du|can you)[\s,]+)*(?:again|once more|one more time|refresh|update|nochmal|noch ?mal|noch einmal|aktualisier\w*|same(?: thing)?(?: again)?|dasselbe(?: nochmal)?|das gleiche(?: nochmal)?|und jetzt|and now|now)(?![\p{L}])/u;

function readAgain(lower: string): boolean {
  const found = AGAIN.exec(lower.trim());
  if (!found) return false;
  // What may follow: nothing, a "but", fillers, or a window ("since 6", "ab Mitternacht") — not "same for zone 5".
  const rest = lower
    .trim()
    .slice(found[0].length)
    .replace(/^[\s,]*(?:but|aber)\b/, '')
    .replace(/\b(?:pls|plz|please|bitte|mal|grad|gerade|rn|asap)\b|[?!.,]/g, ' ')
    .trim();
  return (
    rest === '' ||
    /^(?:since|seit|ab|from|von|for the last|over the last|letzte\w*|last|today|heute|yesterday|gestern|this morning|heute fr(?:ü|ue)h|(?:um|at)?\s*mitternacht|midnight)\b/.test(
      rest,
    )
  );
}

/** The corrected request, as the words the planners read, or undefined when the message corrects nothing. */
function correction(request: Request): { intent: Intent; combined: string } | undefined {
  const { input, lower } = request;
  const previous = input.previous!;
  const intent = intentOfTool(previous.tool);
  if (!intent) return undefined;
  const args = previous.args;
  // "Zone 6 am Ofen Linie 1 auf 238" → "und Zone 7 auch", "same for zone 5": the same value for another zone.
  const sameForZone =
    /^(?:(?:and|und|then|dann|ok|okay)[\s,]+)?(?:f(?:ü|ue)r\s+(?:die\s+)?)?(?:zone|zohne)\s*(\d{1,2})\s+(?:(?:bitte|please|pls|mal)\s+)?(?:auch|too|as well|also|genauso|ebenso|gleich|das gleiche|dasselbe)\b(?:\s+(?:bitte|please|pls))?[\s.!]*$/.exec(
      lower,
    ) ??
    /^(?:(?:and|und|then|dann|ok|okay)[\s,]+)?(?:same for|the same for|same thing for|dasselbe f(?:ü|ue)r|das gleiche f(?:ü|ue)r|gleiches f(?:ü|ue)r|auch f(?:ü|ue)r)\s+(?:die\s+)?(?:zone|zohne)\s*(\d{1,2})(?:\s+(?:pls|please|bitte|too|auch))?[\s.!]*$/.exec(
      lower,
    );
  // The turn before set a zone of an oven: the same change for another zone (with a value of its own, or the same).
  const zoneChanged = intent === 'set_setpoint' && typeof args.asset === 'string' && typeof args.tag === 'string' && /^Zone\d+\.SetpointC$/.test(args.tag);
  const otherZone = (zone: string, value: unknown) => ({ intent, combined: `set Zone${zone}.SetpointC of ${String(args.asset)} to ${String(value)}` });
  if (sameForZone && zoneChanged && args.value !== undefined) return otherZone(sameForZone[1]!, args.value);
  const sameButValue = SAME_FOR_ZONE_BUT.exec(lower);
  if (sameButValue && zoneChanged) return otherZone(sameButValue[1] ?? sameButValue[2]!, sameButValue[3]!.replace(',', '.'));
  const led = CORRECTION_LEAD.test(lower);
  const rest = lower.replace(CORRECTION_LEAD, '').trim();
  // "no, I meant 245 not 254": the value meant, the one it is not taken out.
  const value = NEW_VALUE.exec(rest.replace(INSTEAD_OF, '').trim())?.[1];
  // "set zone 6 to 254" → "I meant zone 5", "nee, Zone 5": the same value for the zone meant.
  const zoneMeant = led
    ? /^(?:(?:f(?:ü|ue)r|for|on|in|auf)\s+)?(?:die\s+|the\s+)?(?:zone|zohne)\s*(\d{1,2})(?:\s+(?:please|pls|bitte))?[\s.!]*$/.exec(rest)
    : null;
  if (zoneMeant && zoneChanged && args.value !== undefined) return otherZone(zoneMeant[1]!, args.value);
  // "no wait, not zone 4 - the one after it", "nein, die Zone davor": the zone next to the one just asked for.
  const zoneNumber = typeof args.tag === 'string' ? zoneOfTag(args.tag) : undefined;
  if (led && zoneChanged && args.value !== undefined && zoneNumber !== undefined && wordCount(rest) <= 10) {
    const after =
      /\b(?:the one after(?: it| that)?|the next(?: one| zone)?|one (?:further|later)|die (?:zone )?danach|die n(?:ä|ae)chste(?: zone)?|die (?:zone )?dahinter)\b/.test(
        rest,
      );
    const before =
      /\b(?:the one before(?: it| that)?|the previous(?: one| zone)?|one (?:earlier|back)|die (?:zone )?davor|die vorherige(?: zone)?|die (?:zone )?vorher)\b/.test(
        rest,
      );
    const neighbour = after !== before ? zoneNumber + (after ? 1 : -1) : undefined;
    const machine = input.assets.find((asset) => asset.id === args.asset);
    if (neighbour !== undefined && machine?.tags?.some((tag) => tag.id === `Zone${neighbour}.SetpointC`)) return otherZone(String(neighbour), args.value);
  }
  // "actually no, stop it instead", "doch lieber ganz stoppen statt nur pausieren": another command for the same machine.
  if (
    intent === 'machine_command' &&
    typeof args.asset === 'string' &&
    typeof args.command === 'string' &&
    (led || /\b(?:instead|stattdessen|statt|rather|lieber|eher)\b/.test(lower)) &&
    rest.split(/\s+/).length <= 8
  ) {
    // Only what stands instead of the old command: "nein, halt, nicht den" negates, and its "halt" is an interjection.
    const meant = rest.replace(/\b(?:statt|anstatt|instead of|rather than)\s+(?:nur\s+|just\s+|only\s+|zu\s+)*\S+/g, ' ');
    // "stop it" alone can be "quit it"; after a command its "it" is the machine just named.
    const wanted =
      NEGATED.test(meant) || /\b(?:nicht|not|don'?t|kein\w*|nix)\b|^(?:halt|stop|stopp|wait|warte)\s*(?:[,.!]|$)/.test(meant)
        ? undefined
        : parseCommand(meant.replace(/\b(?:it|that|this|ihn|es|das|sie)\b/, args.asset.toLowerCase()));
    if (wanted && wanted !== args.command && resolveAsset(rest, input.assets).kind === 'none') return { intent, combined: `${wanted} ${args.asset}` };
  }
  // "stop placer 2 on line 1" → "no no, not placer 2, placer 1 on line 1", "nee, nicht den AOI, den ICT auf Linie 1": the
  // same command for the machine meant (not-meant.ts has set aside the one ruled out).
  if (led && intent === 'machine_command' && typeof args.command === 'string' && wordCount(rest) <= 8 && !rest.includes('?') && !NEGATED.test(rest)) {
    const named = resolveAsset(rest, input.assets);
    if (named.kind === 'one' && named.asset.type !== 'line' && named.asset.id !== args.asset && parseCommand(rest) === undefined)
      return { intent, combined: `${args.command} ${named.asset.id}` };
  }
  // A new value, led by a correction word or given with "make it" / "lieber" (a bare "195" could be anything).
  if (value && (led || /^(make|mach|lieber|rather|eher|nimm)/.test(rest))) {
    const number = value.replace(',', '.');
    if (intent === 'set_setpoint' && typeof args.asset === 'string' && typeof args.tag === 'string')
      return { intent, combined: `set ${args.tag} of ${args.asset} to ${number}` };
    if (intent === 'trigger_inspection')
      return {
        intent,
        combined: `inspect ${number} boards${typeof args.lot === 'string' ? ` of ${args.lot}` : ''}${typeof args.line === 'string' ? ` on ${args.line}` : ''}${typeof args.asset === 'string' ? ` at ${args.asset}` : ''}`,
      };
    return undefined;
  }
  // Another line for the same kind of machine, led by a correction word, in a short message.
  const base = typeof args.asset === 'string' ? input.assets.find((asset) => asset.id === args.asset) : undefined;
  // "beim anderen Ofen auch", "the other oven too": the other line, where the plant has two.
  const lines = [...new Set(input.assets.flatMap((asset) => (asset.type === 'line' ? [asset.id] : [])))];
  // ("the other one" after "hold pnp1 on line 2", where a second placer stands: the other line only when said so.)
  const hasSibling = siblingsOf(base, input.assets).length > 0;
  const otherLine =
    /\b(?:other|anderen?|andere)\b/.test(rest) &&
    // ("rather the other setpoint", "den anderen Sollwert": another tag of the same machine, which is asked back.)
    !/\b(?:other|anderen?|andere)\s+(?:setpoint|set point|tag|value|sollwert|wert|zone|parameter)\b/.test(rest) &&
    base?.line &&
    lines.length === 2 &&
    (!hasSibling || /\b(?:other|anderen?|andere)\s+(?:line|linie)\b|\b(?:on|auf|an|der)\s+(?:the\s+)?(?:other|anderen?)\s+(?:line|linie)?\b/.test(rest)) &&
    !/\b(?:that|this|the same|same|derselben|dieser|der gleichen|gleichen)\s+(?:line|linie)\b/.test(rest)
      ? /\d/.exec(lines.find((id) => id !== base.line) ?? '')?.[0]
      : undefined;
  const lineSaid = OTHER_LINE.exec(rest);
  const line = lineSaid?.[1] ?? lineSaid?.[2] ?? otherLine;
  // "same for the L2 oven", "und beim Ofen L2 auch" after a change: the same change on the same kind of machine there.
  const sameFor =
    !lower.includes('?') &&
    (/^(?:(?:and|und|ok|then|dann)[\s,]+)?(?:same for|the same for|same on|the same on|same at|the same at|same thing for|do the same (?:for|on)|dasselbe (?:f(?:ü|ue)r|bei|beim|am|auf|an)|das gleiche (?:f(?:ü|ue)r|bei|beim|am|auf|an)|auch (?:f(?:ü|ue)r|bei|beim|am)|(?:bei|beim|am)\b.*\b(?:auch|genauso|ebenso))\b/.test(
      lower,
    ) ||
      // "für L2 das gleiche", "auf Linie 2 dasselbe", "the other oven too", "den anderen auch".
      /^(?:(?:and|und|ok|then|dann)[\s,]+)?(?:(?:f(?:ü|ue)r|auf|bei|beim|am|an|on|for)\s+)?(?:the\s+|den\s+|die\s+|das\s+|dem\s+|des\s+)?\S+(?:\s+\S+){0,4}\s+(?:(?:bitte|please|pls)\s+)?(?:das gleiche|dasselbe|genauso|ebenso|ebenfalls|auch|too|as well|also|gleich mit|mit dazu)(?:\s+(?:bitte|please|pls))?[\s.!]*$/.test(
        lower,
      ));
  // "Drucker L2 stoppen" → "den Packer L2 auch", "and the SPI too": the same command for another machine.
  if (sameFor && intent === 'machine_command' && typeof args.command === 'string' && base && !/\b(?:other|anderen?|andere)\b/.test(rest)) {
    const named = resolveAsset(rest, input.assets);
    const sameLine = named.kind === 'ambiguous' && base.line ? named.candidates.filter((candidate) => candidate.line === base.line) : [];
    const machine = named.kind === 'one' ? named.asset : sameLine.length === 1 ? sameLine[0] : undefined;
    // (Of the same kind too: "hold chip shooter line 1" → "placer 2 as well" is the other placer on that line.)
    if (machine && machine.id !== base.id && machine.type !== 'line') return { intent, combined: `${args.command} ${machine.id}` };
  }
  // "hold pnp1 on line 2" → "nee, den zweier mein ich", "actually the other placer on that line, not pnp1": another machine
  // of the same kind on the same line, for the same write.
  const sibling =
    (led || /^(?:actually|eigentlich)\b/.test(lower)) && !sameFor && !line && WRITE_INTENTS.has(intent) ? siblingMeant(rest, base, input.assets) : undefined;
  if (sibling && intent === 'machine_command' && typeof args.command === 'string') return { intent, combined: `${args.command} ${sibling.id}` };
  if (sibling && intent === 'set_setpoint' && typeof args.tag === 'string' && args.value !== undefined && sibling.tags?.some((tag) => tag.id === args.tag))
    return { intent, combined: `set ${args.tag} of ${sibling.id} to ${String(args.value)}` };
  if (!(led || sameFor) || !line || !base || base.type === 'line' || rest.split(/\s+/).length > 10) return undefined;
  const other = sameKindOnLine(base, line, input.assets);
  if (!other || other === base) return undefined;
  if (intent === 'machine_command' && typeof args.command === 'string') return { intent, combined: `${args.command} ${other.id}` };
  if (intent === 'set_setpoint' && typeof args.tag === 'string' && args.value !== undefined)
    return { intent, combined: `set ${args.tag} of ${other.id} to ${String(args.value)}` };
  if (WRITE_INTENTS.has(intent)) return undefined;
  return { intent, combined: `${other.id}${typeof args.tag === 'string' ? ` ${args.tag}` : ''}` };
}

/** The machine of the same kind on the same line a correction names: by id or name, as "the other one", or by its number ("den zweier"). */
function siblingMeant(rest: string, base: AssetRef | undefined, assets: readonly AssetRef[]): AssetRef | undefined {
  const siblings = siblingsOf(base, assets);
  if (!base || siblings.length === 0 || rest.split(/\s+/).length > 10) return undefined;
  // "… not pnp1": the machine it is not is taken out first.
  const meant = rest.replace(INSTEAD_OF, ' ');
  const named = resolveAsset(meant, [...assets]);
  if (named.kind === 'one') return siblings.includes(named.asset) ? named.asset : undefined;
  if (named.kind === 'ambiguous') {
    const onLine = named.candidates.filter((candidate) => siblings.includes(candidate));
    if (onLine.length === 1 && !named.candidates.includes(base)) return onLine[0];
    if (!/\b(?:other|andere\w*)\b/.test(meant)) return undefined;
  }
  if (/\b(?:other|andere\w*)\b/.test(meant)) return siblings.length === 1 ? siblings[0] : undefined;
  const number = /\b(?:zweier|zweite[nrms]?|second|2er|zwoa|zwoter)\b/.test(meant) ? 2 : /\b(?:einser|erste[nrms]?|first|1er)\b/.test(meant) ? 1 : undefined;
  return number === undefined ? undefined : siblings.find((sibling) => sibling.id.endsWith(String(number)));
}

/** Topic words of a short follow-up and the read that answers them; work orders before maintenance and orders. */
const TOPICS: readonly [RegExp, Intent][] = [
  [/\b(work ?orders?|wos|arbeitsauftr\w*|wartungsauftr\w*)\b/, 'list_work_orders'],
  [/\b(material\w*|reichweite|stock|bestand|best(?:ä|ae)nde|teile|parts|rollen|reels?)\b/, 'material_status'],
  [/\b(maintenance|wartung\w*|forecast|prognose|rul|restlebensdauer)\b/, 'maintenance_forecast'],
  [/\b(orders?|auftr(?:ä|ae)ge\w*|auftrag|fertigungsauftr\w*)\b/, 'production_status'],
  // "und die AOI dahinter?" after a machine's state is that machine's state: the AOI is a machine, its results a topic.
  [
    /\b(inspection\w*|inspektion\w*|aoi-?(?:ergebnis\w*|results?|yield|befund\w*|fehler\w*|defects?)|yield|ausbeute|defects?|fehlerbild\w*|fehlerklasse\w*)\b/,
    'inspection_results',
  ],
];

/** The read a topic-only follow-up asks for, when it is another than the turn before's. */
function topicSwitch(lower: string, previousIntent: Intent): Intent | undefined {
  // "material status for line 1" → "and for the DRV order?": the same question for another target, not another topic.
  if (/^(?:and|und)\s+(?:for|f(?:ü|ue)r|bei)\b/.test(lower)) return undefined;
  const found = TOPICS.find(([words]) => words.test(lower))?.[1];
  return found && found !== previousIntent ? found : undefined;
}

/**
 * "when will PO-24120 be done" → "why is it late?": the order the production status was asked about, by its id — or,
 * asked about a line ("which order is running on line 2 and when will it be done?"), the late order the answer led with.
 */
function orderAskedAbout(input: Request['input']): string | undefined {
  if (input.previous?.tool !== 'production_status') return undefined;
  const typed = orderId(input.previousText ?? '');
  if (typed) return typed;
  type Row = { orderId?: unknown; status?: unknown; eta?: unknown; plannedStart?: unknown; plannedEnd?: unknown; dueAt?: unknown };
  const rows = latestOutput(input.earlier, ['production_status'], (output) => {
    const lines = (output as { lines?: { orders?: Row[] }[] } | undefined)?.lines;
    return Array.isArray(lines) ? lines.flatMap((line) => line.orders ?? []) : undefined;
  });
  const late = (rows ?? []).filter((row) => {
    const end = Date.parse(String(row.eta ?? row.plannedEnd ?? ''));
    const due = Date.parse(String(row.dueAt ?? ''));
    return typeof row.orderId === 'string' && Number.isFinite(end) && Number.isFinite(due) && end > due;
  });
  // Several late: the one the answer led with — the running order, else the next one the plan starts.
  const first =
    late.find((row) => row.status === 'running') ??
    [...late].sort((a, b) => Date.parse(String(a.plannedStart ?? '')) - Date.parse(String(b.plannedStart ?? '')))[0];
  return first ? (first.orderId as string) : undefined;
}
