/**
 * "compressor pressure, what is it now, and can you also pull its alarms since midnight", "Welcher Auftrag läuft gerade
 * auf Linie 1 – und warum ist PO-24124 so spät dran?": two requests in one message. The offline model calls one tool
 * per turn, so it answers the first asked; the answer says nothing of the second, which the asker asks next.
 * A second part that writes to the plant is never dropped this way: the whole message is read as before.
 */
import { parseCommand } from './commands';

/** Where a second request starts: "and can you …", ", und wer …", "? And why …", "– und warum …". */
const SECOND_REQUEST =
  /(?:\?\s+|[,;]\s*|\s+[-–—]\s+|\s+)(?:and|und|also|plus)\s+(?:(?:then|dann|danach|also|auch|eigentlich|noch|mal|bitte|please)\s+)*(?=(?:can|could|would|will|tell|pull|show|check|plan|give|send|is|are|was|were|why|when|what|who|how|which|where|gibt|gibts|gibt's|wer|warum|wieso|wann|was|wie|welche\w*|habt|hast|kannst|k(?:ö|oe)nnt\w*|zeig\w*|sag\w*|falls|schau\w*|h(?:ä|ae)tte)\b)|\?\s+(?=(?:und|and|also|plus)\b)|\.\s+(?:und|and)\s+(?:danach|dann|then|after that)\b/i;

/** "after that tell me how the SPI looks", "und danach hätte ich gern …": a second request said as a next step. */
const AFTER_THAT = /\s+(?:and\s+)?(?:after that|afterwards|then)\s+(?=(?:tell|show|give|pull|check|let me know)\b)/i;

/** Words that ask or order on their own: a part without one is no request ("zone 3 on L1 is low and …"). */
const ASKS =
  /\?|^(?:which|when|why|who|where|is|are|was|were|do|does|did|can|could|will|show|give|list|pull|tell|check|wer|wann|warum|wieso|welche\w*|gibt|gibt's|zeig\w*|ist|sind|läuft|laeuft|steht)\b|\b(?:what|what'?s|whats|how|wie|was|status|state|zustand|alarms?|alarme|trend|verlauf|forecast|prognose|eta|between|since|last|zwischen|seit|letzte\w*|yesterday|gestern|today|heute)\b/i;

/** A second part that takes something back or forbids it. */
const NOT_AFTER_ALL =
  /\b(?:no|nope|nah|nein|nee|ne|not|don'?t|do not|never|nicht|nich|nix|ned|net|doch nicht|wait|warte|moment|cancel|forget|vergiss|scratch that|leave it|lass (?:es|ihn|sie|das|mal))\b/i;

/** The first of two requests in one message, when both ask and the second writes nothing; undefined otherwise. */
export function firstOfTwoRequests(text: string): string | undefined {
  const split = SECOND_REQUEST.exec(text) ?? AFTER_THAT.exec(text);
  if (!split || split.index === 0) return undefined;
  const first = text
    .slice(0, split.index)
    .replace(/[\s,;–—-]+$/, '')
    .trim();
  const second = text.slice(split.index + split[0].length).trim();
  if (first.split(/\s+/).length < 3 || second.split(/\s+/).length < 3) return undefined;
  // "which orders slip and why", "welche stehen an und welche sind schon durch": one question about the same things.
  // (A "why" about another subject than a first part that names one, "welcher Auftrag läuft auf Linie 2 – und warum ist
  // PO-24121 spät", is a second request.)
  if (/^(?:(?:welche|which)\s+(?:sind|are|davon|of them|ones)|(?:die|those|these)\s+(?:sind|are))\b/i.test(second)) return undefined;
  if (/^(?:why|warum|wieso|weshalb|how come)\b/i.test(second) && !/\d/.test(first)) return undefined;
  // The first part asks, or is a write of its own ("print speed on L2 to 60 mm/s and after that tell me how the SPI looks").
  if (!ASKS.test(first) && parseCommand(first) === undefined && !/\b(?:to|auf)\s+-?\d+(?:[.,]\d+)?\b/i.test(first)) return undefined;
  // A write in the second part ("… and set zone 3 to 190", "… und dann stopp ihn") is no request to drop.
  if (parseCommand(second) !== undefined || /\b(?:to|auf)\s+-?\d+(?:[.,]\d+)?\b/i.test(second)) return undefined;
  // Nor is a request taken back in it ("stop the L2 printer and show its alarms — no wait, leave it running"): the whole
  // message is read, so the negation still reaches the write before it.
  if (NOT_AFTER_ALL.test(second)) return undefined;
  return first;
}

/**
 * "Hold that thought about the handover. First: can you raise zone 8 on L2-RFL to 255?", "Kurze Frage zur Übergabe später,
 * aber erst: …": a topic put off, then the request that comes first. The rest is that request.
 */
const FIRST_OF_ALL =
  /(?:^|[.!?;,–—-]\s*)(?:but\s+|aber\s+)?(?:first(?: things first)?|first of all|before that|erst(?:mal| einmal)?|zuerst|vorher|vorab)\s*[:–—-]\s*/i;

/** The request said to come first, after a topic put off; undefined when the message has none. */
export function askedFirst(text: string): string | undefined {
  const found = FIRST_OF_ALL.exec(text);
  if (!found || found.index === 0) return undefined;
  const rest = text.slice(found.index + found[0].length).trim();
  return rest.split(/\s+/).length >= 3 ? rest : undefined;
}

/** A question after a change that doubts it or takes it back: "… is that too hot?", "or is that asking for trouble?", "no?". */
const DOUBTS_THE_CHANGE =
  /\b(?:too|zu (?:hoch|niedrig|hei(?:ß|ss)|kalt|warm|viel|wenig)|(?:is|ist|was|w(?:ä|ae)re)\s+(?:that|it|this|das|es|der|die)\s+(?:ok|okay|safe|sicher|right|richtig|wise|gut|sinnvoll|fine|enough|genug)|sure|problem\w*|trouble|risk\w*|gef(?:ä|ae)hrlich|good idea|gute idee|should (?:i|we)|shall (?:i|we)|soll(?:en)? (?:ich|wir)|sollten wir|or not|oder nicht|or is (?:that|it)|oder ist (?:das|es)|really|wirklich|better|besser|lieber|instead|stattdessen|wait|warte)\b|(?:^|,|\s)(?:oder|or|right|no|nein|ne|gell|yes|ok|okay|correct|richtig)\s*\?/i;

/**
 * "… bump the zone 5 setpoint to 240 pls. anything else on that oven I should know?", "ICT Linie 2 bitte starten, Adapter
 * ist getauscht. War heut Nacht eigentlich was am Tester?": a change asked for, then a question on the side. The message
 * without its closing questions — which the caller reads, and keeps only when it files a write; the asker asks the
 * question again after the approval card. A question that doubts the change ("… is that too hot?") keeps the whole.
 */
/** "what would that mean for the plan?", "was heißt das für uns?", "impact on the orders?": what a change does, asked. */
const ASKS_WHAT_IT_DOES =
  /\b(?:what (?:would|does|will) (?:that|this|it) (?:mean|do)|(?:impact|effect|auswirkung\w*|folgen)\b|was (?:w(?:ü|ue)rde|hei(?:ß|ss)t|bedeutet|macht) (?:das|dies)|was w(?:ä|ae)re (?:dann|damit)|wie wirkt sich)/i;

export function withoutClosingQuestions(text: string): string | undefined {
  const sentences = text
    .trim()
    .split(/(?<=[.!?])\s+(?=\S)/)
    .filter((sentence) => sentence.trim());
  let first = sentences.length;
  while (first > 0 && /\?\s*$/.test(sentences[first - 1]!)) first--;
  if (first === 0 || first === sentences.length) return undefined;
  const questions = sentences.slice(first).join(' ');
  // ("… den Kaltwassersatz für 4 Stunden abschalten. Bevor ich zusage: was würde das für unseren Plan bedeuten?": the
  // question about what the change does is the request.)
  if (DOUBTS_THE_CHANGE.test(questions) || NOT_AFTER_ALL.test(questions) || ASKS_WHAT_IT_DOES.test(questions)) return undefined;
  return sentences.slice(0, first).join(' ');
}

/** A sentence that makes what follows wait for something: a condition, a time to come, a plan not yet made. */
const WAITS_FOR_SOMETHING =
  /\b(?:if|when|once|unless|until|after|later|tomorrow|tonight|wenn|falls|sobald|bis(?!\s+-?\d)|nachdem|später|spaeter|morgen|heute abend|nachher)\b/i;

/**
 * "Druckluft steht bei 5,8 bar, laut Handbuch sollens 6 bis 7 sein … Sollwert am Kompressor bitte auf 6,6 bar stellen.":
 * a story of readings, limits and reasons, then the request in a sentence of its own that names its machine and value.
 * The last sentence, which the caller reads alone and keeps only when it files a write by itself.
 */
export function lastSentenceAlone(text: string): string | undefined {
  if (text.includes('?')) return undefined;
  const sentences = text
    .trim()
    .split(/(?<=[a-zäöüß%)\d][.!])\s+(?=\S)/i)
    .filter((sentence) => sentence.trim());
  if (sentences.length < 2) return undefined;
  const last = sentences.at(-1)!.trim();
  // (Nor after a story that forbids or takes back a change: "Nobody touches the chiller today. …" is asked as a whole.)
  const story = sentences.slice(0, -1).join(' ');
  if (last.split(/\s+/).length < 3 || WAITS_FOR_SOMETHING.test(story) || NOT_AFTER_ALL.test(story) || /\b(?:nobody|niemand|keiner)\b/i.test(story))
    return undefined;
  return last;
}

/** Words that make a sentence the one that asks: a question, "can you …", "I need …", "meine eigentliche Frage". */
const ASKS_IN_A_SENTENCE =
  /\?|\b(?:can you|could you|would you|can u|could u|kannst du|k(?:ö|oe)nntest du|kannste|k(?:ö|oe)nnen sie|k(?:ö|oe)nnten sie|i need|i'?d like|i would like|i want to (?:know|see)|what i (?:actually |really )?need|my (?:actual |real )?question|ich brauch\w*|ich h(?:ä|ae)tte gern\w*|ich will wissen|ich m(?:ö|oe)chte wissen|meine (?:eigentliche |echte )?frage|was ich (?:eigentlich )?brauche|please|pls|bitte)\b/i;

/** "anyway, …", "Egal – …": the words that leave an aside for the question. */
const TURNS_TO_THE_ASK = /(?:^|[.!?]\s+)(?:anyway|anyways|egal|jedenfalls|wie auch immer|but first|aber erst(?:mal)?|aber zuerst|first though)\b/i;

/**
 * "Morning! … the coffee machine is broken again … Before the 10 o'clock meeting I'd like to know what the chiller is
 * doing right now. Cheers, Dave", "Moin, die Packstation auf Linie 1 hat vorhin kurz gepiept … Wie ist der aktuelle
 * Zustand vom Reflow auf der 2?": a long message whose story names other machines and times, and one sentence that asks.
 * That sentence, which the caller reads alone (and keeps under the conditions it sets); undefined when no one sentence
 * asks, or the message is short.
 */
export function askingSentence(text: string): string | undefined {
  const sentences = text
    .trim()
    .split(/(?<=[a-zäöüß%)\d"“”'][.!?])\s+(?=\S)/i)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
  // ("Sauwetter heute. Egal – was macht die Zone 5 am Ofen Linie 2?": a short one too, when it turns from the aside to the ask.)
  if (sentences.length < 2 || (text.split(/\s+/).length < 14 && !TURNS_TO_THE_ASK.test(text))) return undefined;
  const asking = sentences.filter((sentence) => ASKS_IN_A_SENTENCE.test(sentence));
  if (asking.length !== 1 || asking[0]!.split(/\s+/).length < 3) return undefined;
  return asking[0];
}

/** The story around the sentence that asks: what the caller checks before it files a write asked in that sentence alone. */
export function storyAround(text: string, asking: string): string {
  return text.replace(asking, ' ');
}

/** A story that makes a write wait, or takes one back. */
export function storyHoldsTheWrite(story: string): boolean {
  return WAITS_FOR_SOMETHING.test(story) || NOT_AFTER_ALL.test(story) || /\b(?:nobody|niemand|keiner)\b/i.test(story);
}
