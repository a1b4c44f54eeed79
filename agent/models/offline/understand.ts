/**
 * One request in, one plan out: the language is detected, the trained classifier reads the
 * request (with the question a clarifying reply asked about), and planReply fills the slots.
 */
import { expandFloorShorthand } from './floor-shorthand';
import { machinesByFunction } from './machine-by-function';
import { askedFirst, askingSentence, firstOfTwoRequests, lastSentenceAlone, storyAround, storyHoldsTheWrite, withoutClosingQuestions } from './two-requests';
import { aliasesOf, resolveAsset } from './asset-resolver';
import { withoutMailFrame } from './mail-frame';
import { LEADING_INTERJECTION, parseCommand } from './commands';
import { clarify } from './intents/replies';
import { classifyIntent } from './intent-classifier';
import { approvalSkipRefused, planReply, type Plan, type PlanInput } from './intents';
import { WRITE_INTENTS, type Intent } from './intents/catalogue';
import { wishAskedToFile } from './intents/write-requests';
import type { Classification } from './intent-classifier';
import { conversationLanguage, detectLanguage, languageEvidence } from './language';
import { linesByProduct, orderByProduct } from './order-by-product';
import { withCorrectedValue, withoutNegatedWrites } from './negated-clauses';
import { withWantedValue } from './wanted-value';
import { withoutTargetsNotMeant } from './not-meant';
import { withDictationMended } from './dictation';
import { withPhoneTypingMended } from './phone-typing';
import { withSelfCorrection, withSlotCorrected } from './self-correction';
import { withAddOnFirst } from './added-on';
import { purchaseAsked } from './purchase-asked';
import {
  colloquialLines,
  comparativeCooler,
  correctKeywordTypos,
  correctLineTypos,
  expandZoneShorthand,
  lastSentence,
  splitStopCompounds,
  spokenSpellings,
  quoteCopiedSteps,
  withoutPlannedStep,
  withoutQuotedText,
  withoutQuestionFillers,
  escapeRegExp,
} from './text';
import { speltValuesAsDigits } from './number-words';
import { commandAfterComplaint } from './complaint-then-command';
import { withTopicFirst } from './topic-first';
import { hoursAnswered, lineOnly, machineAnswered, pendingAsk, valueAnswered } from './pending-answer';
import { withHoursChosen } from './time-window';

/** A reading's score, counting "None" (no known word) as no reading. */
function known(classification: Classification): number {
  return classification.intent === 'None' ? 0 : classification.score;
}

/** "moin, was ist los auf L1", "hi there - oven 2 temps?": a greeting before a request is no request for help. */
function withoutGreeting(text: string): string {
  const rest = text.replace(
    /^\s*(?:hi|hello|hey|moin(?: moin)?|servus|hallo|guten morgen|good morning|morning|morgen|grüß dich|gruess dich|griaß di|na)(?: there| zusammen| allerseits| team)?\s*[,!.:;–-]+\s*/i,
    '',
  );
  return rest !== text && rest.trim().split(/\s+/).length >= 2 ? rest : text;
}

/** "it", "that alarm", "der", "dem Alarm": a sentence that points back at what the story named. */
const POINTS_BACK = /\b(?:it|its|that|this|those|them|there|der|die|das|dem|den|ihn|es|da|dort|davon|dazu)\b/i;

/** "just thinking aloud", "don't do anything", "nur laut gedacht, nix machen": a message that asks nothing of the plant. */
const NOTHING_TO_DO =
  /\b(?:thinking (?:out loud|aloud)|just thinking|don'?t do anything|do nothing|no action|laut gedacht|nur (?:so )?(?:ein )?gedanke|nix (?:machen|tun)|nichts (?:machen|tun|unternehmen))\b/i;

export type UnderstandInput = Omit<PlanInput, 'classification' | 'language'>;

/** The message as the planners read it: each step mends one way people type, in this order (each file says why). */
function tidied(given: UnderstandInput): string {
  const steps: ((text: string) => string)[] = [
    quoteCopiedSteps,
    withoutMailFrame,
    withoutGreeting,
    withDictationMended,
    withPhoneTypingMended,
    // (After a write, "the L1 packer too" is the same change for another machine, which the write rules read.)
    (text) => (given.previous && WRITE_INTENTS.has(given.previous.tool as Intent) ? text : withAddOnFirst(text)),
    withoutTargetsNotMeant,
    (text) => withSelfCorrection(text, given.assets),
    machinesByFunction,
    (text) => withTopicFirst(text, given.assets),
    splitStopCompounds,
    withoutQuestionFillers,
    comparativeCooler,
    spokenSpellings,
    expandFloorShorthand,
    correctKeywordTypos,
    colloquialLines,
    correctLineTypos,
    expandZoneShorthand,
    speltValuesAsDigits,
    withCorrectedValue,
    withWantedValue,
    withoutNegatedWrites,
    // "the CPU board line", "die Netzteil-Linie": a line named by the product only it builds, as its number.
    (text) => linesByProduct(text, given.orders ?? []),
  ];
  return steps.reduce((text, step) => step(text), given.text);
}

export async function understand(given: UnderstandInput): Promise<Plan> {
  const lotHold = lotHoldAsked(given.text) ?? purchaseAsked(given.text);
  if (lotHold) return lotHold;
  return correctionAskedBack(withoutCommandRuledOut(await understandGiven(given), given), given);
}

/** "put lot PO-24118 on quality hold", "Los 24119 sperren", "quarantine lot …": a hold on a lot, not on a machine. */
const LOT_HOLD =
  /\b(?:lot|los|charge|batch)\s+(?:po[-\s]?)?(\d{5})\b[^.?!]*\b(?:(?:on|in|into)\s+(?:quality\s+|qa\s+|qs\s+)?hold|quarantin\w*|sperr\w*)\b|\b(?:hold|quarantin\w*|block|sperr\w*)\s+(?:the\s+|das\s+|den\s+)?(?:lot|los|charge|batch)\s+(?:po[-\s]?)?(\d{5})\b/i;
/** "is lot 24118 on hold?", "warum ist Los 24119 gesperrt?": a lot's state asked, not a hold asked for. */
const ASKED_NOT_REQUESTED = /^\s*(?:is|are|was|were|why|warum|wieso|weshalb|ist|sind|war|wurde|has|hat)\b|\?\s*$/i;
const ASKED_TO_DO = /\b(?:please|pls|bitte|can you|could you|kannst du|k(?:ö|oe)nntest du)\b/i;

/**
 * No tool holds a lot — lot holds live in the MES or quality system, not in the machines this copilot may write to — so the
 * request is answered as such (never read as a machine's hold, or as whatever else its words resemble).
 */
function lotHoldAsked(text: string): Plan | undefined {
  const match = LOT_HOLD.exec(text);
  if (!match || (ASKED_NOT_REQUESTED.test(text) && !ASKED_TO_DO.test(text))) return undefined;
  const lot = `PO-${match[1] ?? match[2]}`;
  return detectLanguage(text) === 'de'
    ? {
        kind: 'reply',
        reason: 'unavailable',
        text: `Ein Los sperren kann ich nicht: Lossperren liegen im MES bzw. QS-System, nicht an den Maschinen, die ich (mit Freigabe) schalten darf. Ich kann die Prüfergebnisse von ${lot} zeigen („AOI-Ergebnisse ${lot}“).`,
      }
    : {
        kind: 'reply',
        reason: 'unavailable',
        text: `I cannot put a lot on hold: lot holds live in the MES or quality system, not in the machines I may (with approval) act on. I can show ${lot}'s inspection results (“AOI results for ${lot}”).`,
      };
}

/** "wait, wrong zone", "falscher Wert", "no not that value, lower", "make it the other line": something said to be wrong. */
const SAID_WRONG =
  /^\s*(?:(?:no|nope|nah|nee|ne|nein|sorry|oops|wait|warte|moment|hang on|ugh|ach|mist|actually|eigentlich)\b[\s,.!–—-]*)*(?:wrong|falsch\w*|not (?:that|this|the right)|nicht (?:das|die|der|den|so)\b|(?:make it |mach\w* )?(?:the |die |den |der )?(?:other|andere\w*)\b)/i;

/**
 * A correction that could not be read ("wait, wrong zone" after a change asked for) asks what it should be instead of
 * answering that it was not understood — the request before is named so it can be said again as meant.
 */
function correctionAskedBack(plan: Plan, given: UnderstandInput): Plan {
  if (plan.kind !== 'reply' || plan.reason !== 'unknown' || !SAID_WRONG.test(given.text)) return plan;
  const german = detectLanguage(`${given.text} ${given.previousText ?? ''}`) === 'de';
  const before = given.previousText?.trim();
  if (!before)
    return clarify(
      german
        ? 'Was soll ich korrigieren? In diesem Gespräch gibt es noch keine Anfrage. Sagen Sie die ganze Anfrage, z. B. „Zone 4 am Ofen Linie 1 auf 245“.'
        : 'Correct what? There is no earlier request in this conversation. Say the whole request, e.g. “set zone 4 of the line 1 oven to 245”.',
    );
  return clarify(
    german
      ? `Was soll an „${before}“ anders sein? Sagen Sie die Anfrage so, wie sie gemeint ist, z. B. mit der richtigen Maschine, Zone oder dem richtigen Wert.`
      : `What should be different in “${before}”? Say the request as you mean it, e.g. with the right machine, zone or value.`,
  );
}

/** "not start", "nicht stoppen", "don't reset it": a command the message rules out. */
const COMMAND_RULED_OUT =
  /\b(?:not|nicht|nich|don'?t|do not|kein(?:en)?)\s+(?:a\s+|an\s+|ein(?:en)?\s+|the\s+)?(start|stop|stopp|hold|reset|clear|resume|unhold|pause|anhalten|starten|stoppen|resetten|quittieren|pausieren)\w*/gi;

/**
 * "start the L1 packer" → "no wait, not start, the other command": whatever else the message is read as, the command it
 * rules out is never filed — it asks back instead.
 */
function withoutCommandRuledOut(plan: Plan, given: UnderstandInput): Plan {
  if (plan.kind !== 'tool' || plan.tool !== 'machine_command') return plan;
  // ("don't stop the L1 packer, just the oven": ruled out for another machine than the one filed.)
  const ruledOut = [...given.text.matchAll(COMMAND_RULED_OUT)]
    .filter((match) => {
      const clause = given.text.slice(match.index + match[0].length).split(/[,;.!?–—]/)[0] ?? '';
      const named = resolveAsset(clause, given.assets);
      return !(named.kind === 'one' && named.asset.id !== plan.args.asset);
    })
    .map((match) => parseCommand(match[1]!));
  if (!ruledOut.includes(plan.args.command as never)) return plan;
  const german = detectLanguage(given.text) === 'de';
  // (The example is another command than the one ruled out.)
  const example = plan.args.command === 'hold' ? 'stop' : 'hold';
  return clarify(
    german
      ? `Welchen Befehl für ${String(plan.args.asset)} meinen Sie – nicht ${String(plan.args.command)}? Sagen Sie z. B. „${String(plan.args.asset)} ${example === 'hold' ? 'anhalten' : 'stoppen'}“.`
      : `Which command do you mean for ${String(plan.args.asset)}, if not ${String(plan.args.command)}? Say e.g. “${example} ${String(plan.args.asset)}”.`,
  );
}

/**
 * "stop the L2 packer" → "actually don't stop it, just hold it", "nee doch nicht stoppen, nur pausieren": the command just
 * asked for ruled out and another said — that one, for the same machine (a machine named otherwise is read as typed).
 */
async function commandSwapped(given: UnderstandInput): Promise<Plan | undefined> {
  const asset = given.previous?.tool === 'machine_command' ? given.previous.args.asset : undefined;
  if (typeof asset !== 'string' || given.text.split(/\s+/).length > 14) return undefined;
  const ruledOut = [...given.text.matchAll(COMMAND_RULED_OUT)];
  if (ruledOut.length === 0 || !ruledOut.some((match) => parseCommand(match[1]!) === given.previous!.args.command)) return undefined;
  const rest = ruledOut.reduce((text, match) => text.replace(match[0], ' '), given.text);
  const command = parseCommand(rest);
  if (!command || command === given.previous!.args.command) return undefined;
  const named = resolveAsset(rest, given.assets);
  if (named.kind === 'one' && named.asset.id !== asset) return undefined;
  const plan = await understandOne({
    ...given,
    text: `${command} ${asset}`,
    previous: undefined,
    previousText: undefined,
    pendingQuestion: undefined,
    pendingAsk: undefined,
  });
  return plan.kind === 'tool' && plan.tool === 'machine_command' ? plan : undefined;
}

async function understandGiven(given: UnderstandInput): Promise<Plan> {
  const swapped = await commandSwapped(given);
  if (swapped) return swapped;
  // "same window for the chiller supply temp", "same but line 1", "same 8 hours but for the chiller" after a read: the read
  // before, for what is named now — said as "and …?", which the follow-ups read with the window and filters kept.
  const sameFor = given.previous && !WRITE_INTENTS.has(given.previous.tool as never) ? SAME_BUT_FOR.exec(given.text) : null;
  if (sameFor && given.text.slice(sameFor[0].length).trim().split(/\s+/).length <= 6)
    return understandOne({
      ...given,
      text: `and ${given.text
        .slice(sameFor[0].length)
        .trim()
        .replace(/[?!.\s]*$/, '')}?`,
    });
  // "print speed 60 on the printer" → "which one?" → "L1", "die zwo", "the first one": the request again, with the machine
  // picked named first (appended, it would break a German verb-last request: "Verpacker weiterlaufen lassen L2-PCK").
  const ask = pendingAsk(given.pendingAsk);
  const picked = given.pendingQuestion ? machineAnswered(given.text, ask) : undefined;
  if (picked)
    return understandOne({
      ...given,
      text: `${picked.id}: ${given.pendingQuestion}${picked.rest ? `, ${picked.rest}` : ''}`,
      pendingQuestion: undefined,
      pendingAsk: undefined,
    });
  // "set zone 3 … to 190" → "wait, wrong zone" → "what should be different?" → "zone 4": the request said with the slot
  // answered in it (a whole request of its own is read as typed).
  const amended = ask.kind === 'correction' && given.pendingQuestion ? withSlotCorrected(ask.request, given.text, given.assets) : undefined;
  if (amended) {
    const again = await understandOne({ ...given, text: amended, pendingQuestion: undefined, pendingAsk: undefined, previous: undefined });
    if (again.kind === 'tool') return again;
  }
  // "between 2 and 4 tomorrow, book it" → "2 to 4 at night or in the afternoon?" → "nachmittags": the request again, its
  // clocks said as picked.
  const hours = given.pendingQuestion ? hoursAnswered(given.text, ask) : undefined;
  if (hours) return understandOne({ ...given, text: withHoursChosen(given.pendingQuestion!, hours), pendingQuestion: undefined, pendingAsk: undefined });
  // "what runs out first on the line?" → "for which line?" → "2": the request again, for that line.
  const lineAsked = given.pendingQuestion && ask.kind === 'which-line' ? lineOnly(given.text) : undefined;
  if (lineAsked !== undefined)
    return understandOne({
      ...given,
      text: `${detectLanguage(given.pendingQuestion!) === 'de' ? 'Linie' : 'line'} ${lineAsked}: ${given.pendingQuestion}`,
      pendingQuestion: undefined,
      pendingAsk: undefined,
    });
  // "wie läuft's auf der Linie" (the whole plant read) → "zwo": the same read, for that line.
  const lineAfter = !given.pendingQuestion && given.previous && !WRITE_INTENTS.has(given.previous.tool as never) ? lineOnly(given.text) : undefined;
  if (lineAfter !== undefined) {
    const german = detectLanguage(`${given.previousText ?? ''} ${given.text}`) === 'de';
    return understandOne({ ...given, text: german ? `und Linie ${lineAfter}?` : `and line ${lineAfter}?` });
  }
  // "chip shooter L2 won't start. reset it first": the command asked, about the machine whose trouble is told.
  const afterComplaint = given.pendingQuestion ? undefined : commandAfterComplaint(given.text, given.assets);
  if (afterComplaint) {
    const command = await understandOne({ ...given, text: afterComplaint });
    if (command.kind === 'tool' && command.tool === 'machine_command') return command;
  }
  const plan = await understandOne(given);
  // "alarms on line 2 yesterday" → "sorry, the day before yesterday", "AOI-Ergebnisse für PO-24119" → "falsches Los,
  // PO-24122", "set L1 oven zone 4 to 190" → "*zone 5": a correction of the request just made, read as that request said
  // again with the correction in it (self-correction.ts) — where the message alone reads as something else or nothing.
  const corrected = correctionOfTheRequestBefore(given);
  if (corrected && (plan.kind !== 'tool' || plan.tool !== given.previous?.tool)) {
    const again = await understandOne({ ...given, text: corrected, previous: undefined, previousText: undefined });
    if (again.kind === 'tool' && again.tool === given.previous?.tool) return again;
  }
  return plan;
}

/** "same window for", "same but", "dasselbe für", "same 8 hours but for": the read before, for something else ("same time last week" moves the window, window-follow-up.ts). */
const SAME_BUT_FOR =
  /^(?:(?:ok|okay|so|und|and|then|dann|now|jetzt)[\s,]+)*(?:the\s+)?(?:same|dasselbe|das gleiche|das selbe|gleiche[ns]?)(?!\s+(?:time|zeit|uhrzeit)\b)(?:\s+(?:window|time ?frame|period|range|thing|zeitfenster|zeitraum|fenster|nochmal|again|\d+(?:[.,]\d+)?\s*(?:h|hrs?|hours?|stunden?|std)))?(?:\s+(?:but|aber))?(?:\s+(?:for|f(?:ü|ue)r|on|at|bei|beim|am|an|with|mit|in|auf))?\s+(?=\S)/i;

/** "sorry, …", "*zone 5", "my bad, line 2", "falsches Los, …", "… mein ich": a short message that corrects the one before. */
const CORRECTION_LEAD =
  /^\s*(?:\*\s*|(?:(?:sorry|oops|no|nope|nah|nee|ne|nein|ach|äh|ähm|hm+|ugh|argh|oh|mist|wait|hang on|warte|moment|hoppla|upps|my bad|my mistake|typo|correction|korrektur|i meant|i mean|ich mein\w*|actually|eigentlich|quatsch|vertippt|make it|make that|falsche[rns]?\s+\w+|wrong\s+\w+)(?![\p{L}])[\s,.:!–—-]*)+)/iu;
const MEANT_AT_THE_END = /\s*,?\s*\b(?:mein(?:e|te)? ich|i meant?|gemeint)\s*[.!]?\s*$/i;

function correctionOfTheRequestBefore(given: UnderstandInput): string | undefined {
  const before = given.previousText;
  if (!before || !given.previous || given.text.split(/\s+/).length > 14) return undefined;
  const lead = CORRECTION_LEAD.exec(given.text);
  const meant = MEANT_AT_THE_END.test(given.text);
  if ((!lead || lead[0].trim() === '') && !meant) return undefined;
  const slot = given.text
    .slice(lead ? lead[0].length : 0)
    .replace(MEANT_AT_THE_END, '')
    .trim();
  if (!slot) return undefined;
  return withSlotCorrected(before.trim().replace(/[.!?]+$/, ''), slot, given.assets);
}

/** "back to the oven - zone 7 same window", "zurück zum Ofen, Zone 5 im selben Zeitraum": a machine talked about before the detour. */
const BACK_TO =
  /^(?:(?:ok|okay|so|and|und|gut|right|alright)[\s,]+)?(?:back to|going back to|zur(?:ü|ue)ck zu(?:m|r)?|nochmal zu(?:m|r)?)\s+(?:the\s+|dem\s+|der\s+|den\s+)?([a-zäöüß0-9 -]{2,30}?)\s*(?:[-–—,:;]|$)/i;

/**
 * The message read as a follow-up of the call about the machine it goes back to: that machine by its id, and that call as
 * the one before, so what it read ("same window") carries over rather than the detour's.
 */
function wentBackTo(given: UnderstandInput): UnderstandInput | undefined {
  const back = BACK_TO.exec(given.text.trim());
  if (!back || !given.earlier?.length) return undefined;
  const named = resolveAsset(back[1]!, given.assets);
  const ids = named.kind === 'one' ? [named.asset.id] : named.kind === 'ambiguous' ? named.candidates.map((asset) => asset.id) : [];
  const call = [...given.earlier].reverse().find((result) => typeof result.args.asset === 'string' && ids.includes(result.args.asset));
  if (!call || call === given.earlier.at(-1)) return undefined;
  const rest = given.text
    .trim()
    .slice(back.index + back[0].length)
    .trim();
  // (The rest alone when there is one: with the machine now the one before, it is a follow-up on it — "zone 7 same window".)
  return { ...given, text: rest || (call.args.asset as string), previous: { tool: call.tool, args: call.args }, previousText: undefined };
}

/**
 * "how's the oven on line 2" → "zone 6 temp" → "compressor header pressure now?" → "ok and zone 6 on the oven, put its
 * setpoint to 238": a kind of machine named that the plant has more than one of, after a detour to another machine — the
 * one of that kind the conversation talked about, when it talked about exactly one (never a guess between two).
 */
function kindTalkedAbout(given: UnderstandInput): UnderstandInput | undefined {
  const named = resolveAsset(given.text, given.assets);
  if (named.kind !== 'ambiguous' || !given.earlier?.length) return undefined;
  // ("compare the ovens", "and the other printer", "beide Öfen": more than the one, or another one, meant.)
  if (/\b(?:other|others|another|both|all|each|every|compare|vs|versus|beide\w*|alle\w*|jede\w*|andere\w*|vergleich\w*)\b/i.test(given.text)) return undefined;
  const previousAsset = given.previous?.args.asset;
  if (named.candidates.some((asset) => asset.id === previousAsset)) return undefined;
  const talked = [...new Set(given.earlier.slice(-6).map((result) => result.args.asset))].filter((id) => named.candidates.some((asset) => asset.id === id));
  if (talked.length !== 1) return undefined;
  const machine = named.candidates.find((asset) => asset.id === talked[0])!;
  const lower = given.text.toLowerCase();
  const wordAt = (name: string) => lower.search(new RegExp(`\\b${escapeRegExp(name)}\\b`));
  // The longest name of it typed ("reflow oven" over "oven"), replaced by its id.
  const alias = aliasesOf(machine)
    .filter((name) => wordAt(name) >= 0)
    .sort((a, b) => b.length - a.length)[0];
  if (!alias) return undefined;
  const at = wordAt(alias);
  return { ...given, text: `${given.text.slice(0, at)}${machine.id}${given.text.slice(at + alias.length)}` };
}

async function understandOne(given: UnderstandInput): Promise<Plan> {
  const wentBack = wentBackTo(given);
  if (wentBack) {
    const back = await understandWhole(wentBack);
    if (back.kind === 'tool') return back;
  }
  const kind = kindTalkedAbout(given);
  if (kind) return understandOne(kind);
  // "set the oven conveyor to 15" → "which oven?" → "hold on, first tell me what's active on line 2": no answer but a
  // request of its own, read by itself — with the request before, its "line 2" would have finished the write.
  const ownRequest = given.pendingQuestion ? requestInsteadOfAnswer(given.text) : undefined;
  if (ownRequest) {
    const alone = await understandWhole({ ...given, text: ownRequest, pendingQuestion: undefined, pendingAsk: undefined, previous: undefined });
    if (alone.kind === 'tool') return alone;
  }
  const whole = await understandWhole(given);
  const skipRefused = whole.kind === 'tool' && WRITE_INTENTS.has(whole.intent) ? approvalSkipRefused(given.text) : undefined;
  if (skipRefused) return skipRefused;
  // "der Schichtleiter will den Kaltwassersatz auf 14, machst du des?": the wish, asked to be filed, read as the request.
  const wish = whole.kind === 'tool' && WRITE_INTENTS.has(whole.intent) ? undefined : wishAskedToFile(given.text);
  if (wish) {
    const asked = await understandWhole({ ...given, text: `${wish} ${detectLanguage(given.text) === 'de' ? 'bitte' : 'please'}` });
    if (asked.kind === 'tool' && asked.intent === 'set_setpoint') return asked;
  }
  const framed = withoutMailFrame(quoteCopiedSteps(given.text));
  const troubleLookedUp = !(whole.kind === 'tool' && WRITE_INTENTS.has(whole.intent)) ? storyLookedUp(given, framed) : undefined;
  if (troubleLookedUp) return troubleLookedUp;
  // "Druckluft steht bei 5,8 bar, laut Handbuch … Sollwert am Kompressor bitte auf 6,6 bar stellen.": where the whole story
  // leaves the model unsure, the change asked for in the last sentence, by itself (only a write it files on its own).
  const lastAlone =
    whole.kind === 'reply' && whole.reason === 'clarify' && given.pendingQuestion === undefined && given.previous === undefined
      ? // (Never a sentence of quoted text: "the card says:\nStep 3: Set supply temp to 16 °C".)
        lastSentenceAlone(withoutQuotedText(framed))
      : undefined;
  if (lastAlone) {
    const change = await understandWhole({ ...given, text: lastAlone });
    if (change.kind === 'tool' && WRITE_INTENTS.has(change.intent)) return change;
  }
  // "Hi, sorry for the long message. Quality called because … Could you pull all the alarms on line 2 since the start of
  // the shift? Thanks": the one sentence that asks, by itself — the story's machines and times are no part of the request.
  const asking = given.pendingQuestion === undefined && given.previous === undefined ? askingSentence(framed) : undefined;
  // ("would stopping the compressor over lunch be a good idea? just thinking aloud, don't do anything": nothing asked of the
  // plant at all.)
  // (A write the whole message asks for is read by its own rules: "… First: can you raise zone 8 on L2-RFL to 255? the new
  // paste needs a hotter peak" is that write, not a read of the oven.)
  if (asking && !NOTHING_TO_DO.test(framed) && !(whole.kind === 'tool' && WRITE_INTENTS.has(whole.intent))) {
    const asked = await understandWhole({ ...given, text: asking });
    // A read the sentence asks for by itself, with its own target or none needed; a write only where the whole message
    // filed none and the story neither makes it wait nor takes it back.
    const ownTarget = resolveAsset(asking, given.assets).kind !== 'none' || !POINTS_BACK.test(asking);
    if (asked.kind === 'tool' && !WRITE_INTENTS.has(asked.intent) && ownTarget) return asked;
    if (
      asked.kind === 'tool' &&
      WRITE_INTENTS.has(asked.intent) &&
      whole.kind !== 'tool' &&
      !storyHoldsTheWrite(storyAround(framed, asking)) &&
      // (A write in quoted text or copied steps is no request: "aus der alten SOP:\nSchritt 1 – Band auf 12 mm/s".)
      withoutQuotedText(framed).includes(asking.trim())
    )
      return asked;
  }
  return whole;
}

/** "what do I do?", "was soll ich machen?", "what does that mean": a question whose topic is all in the story told before it. */
const ASKS_ABOUT_THE_STORY =
  /^\s*(?:(?:so|ok|okay|also|und|and|well|na)[\s,]+)?(?:what (?:do|should|can) (?:i|we) do(?: now| here| about it| next)?|what now|what next|what does (?:that|this|it) mean|what'?s that mean|how do (?:i|we) (?:fix|clear|handle|solve) (?:that|this|it)|was (?:soll|muss|kann) (?:ich|man|wir) (?:jetzt |da |dann )?(?:machen|tun)|was tun|was jetzt|was hei(?:ß|ss)t das|was bedeutet das|wie krieg(?:e|en)? (?:ich|wir) das weg)\s*[?!.]*\s*$/i;

/**
 * "display on the L2 printer says: STENCIL WIPE FAILED – STOP PRINTER. what do I do?", "Ofen 1 Zone 4 steht bei 250 und
 * steigt. Was soll ich machen?": what to do about the trouble told is the manuals', searched for the story the question
 * points at (a machine's text included: quoted, it is no request, but it is what to look up).
 */
function storyLookedUp(given: UnderstandInput, framed: string): Plan | undefined {
  if (given.pendingQuestion !== undefined || given.previous !== undefined || !given.availableTools.has('search_manuals')) return undefined;
  const message = framed.trim();
  const asking = lastSentence(message);
  if (asking === message || !ASKS_ABOUT_THE_STORY.test(asking)) return undefined;
  const story = message
    .slice(0, message.length - asking.length)
    .replace(/\s+/g, ' ')
    .trim();
  if (story.split(' ').length < 3) return undefined;
  const machine = resolveAsset(story, given.assets);
  const query = `${story} ${asking.trim()}`.slice(0, 500);
  return {
    kind: 'tool',
    intent: 'search_manuals',
    tool: 'search_manuals',
    args: { query, ...(machine.kind === 'one' ? { asset: machine.asset.id } : {}), k: 5 },
  };
}

/** "hold on", "forget that", "egal", "first": the words that leave a question back for something else. */
const LEAVES_THE_QUESTION =
  /^\s*(?:(?:hold on|wait|warte|moment|forget (?:that|it)|vergiss (?:das|es)|egal|never ?mind|actually|anyway|ach was|lass (?:das|gut sein))[\s,.:;!–—-]+)+(?:(?:first|zuerst|erst(?:mal| mal)?)[\s,]+)?|^\s*(?:first|zuerst|erst mal)[\s,]+/i;
/** A question of its own: "what's active on line 2?", "wie sieht's am Ofen aus?". */
const OWN_QUESTION = /^\s*(?:what|what's|whats|how|show|which|any|was|wie|zeig\w*|welche\w*|gibt'?s|gib mir)\b/i;

/** The request a message makes instead of answering the question back, or undefined where it may be the answer. */
function requestInsteadOfAnswer(text: string): string | undefined {
  const lead = LEAVES_THE_QUESTION.exec(text);
  const rest = lead ? text.slice(lead[0].length).trim() : text.trim();
  const words = rest.split(/\s+/).length;
  if (lead && words >= 3) return rest;
  if (!lead && words >= 5 && OWN_QUESTION.test(rest)) return rest;
  return undefined;
}

async function understandWhole(given: UnderstandInput): Promise<Plan> {
  const framed = withoutMailFrame(quoteCopiedSteps(given.text));
  // "what's the compressor pressure now, and can you also pull its alarms": the first request, when it is one by itself.
  // "Kurze Frage zur Übergabe später, aber erst: kannst du Zone 1 … auf 160 setzen?": the request said to come first.
  const askedBeforeTheRest = given.pendingQuestion === undefined ? askedFirst(framed) : undefined;
  if (askedBeforeTheRest) return understand({ ...given, text: askedBeforeTheRest });
  // "… bump zone 5 to 240 pls. anything else on that oven I should know?": the change asked for, the question on the side.
  const beforeQuestions = given.pendingQuestion === undefined ? withoutClosingQuestions(framed) : undefined;
  if (beforeQuestions) {
    const change = await understand({ ...given, text: beforeQuestions });
    if (change.kind === 'tool' && WRITE_INTENTS.has(change.intent)) return change;
  }
  const firstAsked = given.pendingQuestion === undefined ? firstOfTwoRequests(framed) : undefined;
  if (firstAsked) {
    const first = await understand({ ...given, text: firstAsked });
    if (first.kind === 'tool') return first;
  }
  // "what value?" → "6,8 bar": the value alone, for the change the copilot asked it for (which is then asked for).
  const mended = tidied(given);
  const value = given.pendingQuestion ? valueAnswered(mended, pendingAsk(given.pendingAsk), detectLanguage(given.pendingQuestion)) : undefined;
  const text = value ?? mended;
  // "der HMI-Auftrag auf Linie 2": the one order that fits is read as if its id had been typed.
  const named = orderByProduct(text, given.orders ?? []);
  const input = {
    ...given,
    text: named ? `${text} (${named})` : text,
    // The request the answer finishes, mended the way it was when it was asked ("in der zwei" is line 2 there too).
    pendingQuestion: given.pendingQuestion ? tidied({ ...given, text: given.pendingQuestion }) : undefined,
    confirmed: given.confirmed || value !== undefined,
  };
  const classified = withoutPlannedStep(input.pendingQuestion ? `${input.pendingQuestion} ${input.text}` : input.text)
    // "stop, quick one: …", "Moment, …", "hold it a sec, …": an interjection before the request says nothing about it.
    .replace(LEADING_INTERJECTION, '')
    // "gut, dann lass den Schedule mal neu rechnen", "alright then, …": an acknowledgement before a request of three
    // words or more says nothing about the request.
    .replace(
      /^(?:(?:gut|ok(?:ay)?|alles klar|alright|fine|right|na gut|passt|super|prima)(?![\s,.!]*(?:nicht|not|nich|net|nix|no)\b)[\s,.!]+)+(?:(?:dann|then|so)[\s,]+)?(?=(?:\S+\s+){2,}\S)/i,
      '',
    )
    // Timestamps typed in full say nothing about the intent and only confuse the classifier.
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?/g, ' ');
  const evidence = languageEvidence(input.text);
  // "ok", "L2?" after a German question: a reply without language words is in the conversation's language.
  const before = input.previousText ? languageEvidence(input.previousText) : undefined;
  if (evidence.german === evidence.english && before && before.german !== before.english) {
    const language = conversationLanguage(input.text, input.previousText);
    return planReply({ ...input, classification: await classifyIntent(classified, language), language });
  }
  if (evidence.german === evidence.english) {
    // No word says which language ("Auftragsfortschritt", "pnp2 L1"): ask both models, keep the surer.
    const [english, german] = await Promise.all([classifyIntent(classified, 'en'), classifyIntent(classified, 'de')]);
    const germanWins = known(german) > known(english);
    return planReply({ ...input, classification: germanWins ? german : english, language: germanWins ? 'de' : detectLanguage(input.text) });
  }
  const language = detectLanguage(input.text);
  return planReply({ ...input, classification: await classifyIntent(classified, language), language });
}
