/**
 * A request pasted from an e-mail or typed like one: "Hi Plantpilot, … Thanks, Markus", "Hallo Leitstand, … Gruß,
 * Stefan", "Hi, QE here. …". The salutation, the sign-off and the sender's self-introduction frame the request;
 * they are neither the request nor someone it is passed to ("Thanks, Tom" is who wrote it, not who should do it).
 * Only the frame is taken off, and only when a request of at least two words is left.
 */
import { FIRST_NAMES } from './first-names';

/** "Hi Plantpilot,", "Hallo Leitstand,", "Dear colleagues,", "Sehr geehrte Damen und Herren,": up to four words, then a comma, colon or line end. */
const SALUTATION =
  /^\s*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|hallo|liebe[rs]?|sehr geehrte[rs]?|guten (?:morgen|tag|abend)|moin|servus|gr(?:ü|ue)(?:ß|ss) (?:dich|euch|gott))\b[^,:\n.!]{0,40}?(?:,|:|!|\n)\s*/i;

/** "QE here.", "Maintenance here,", "Stefan from quality here:": who writes, said first. */
const SELF_INTRODUCTION = /^\s*[\p{L}]+(?:\s+(?:from|aus|von)\s+[\p{L}]+)?\s+here\s*[,.:;!-]+\s*/iu;

/**
 * "I'm the new guy on line 2 and …. Can you show me …?", "Hallo, ich bin Praktikant. Was macht …", "Sorry to bother you, I
 * work in sales support …. The customer wants a date – what's the ETA?": who writes and why, said first in a sentence of
 * its own — not the request. Never a sentence that claims an approval or a role's right ("I'm the supervisor and I
 * approve this"), names a machine or a number (the request may point back at it), or asks for anything itself.
 */
const INTRODUCTION_SENTENCE =
  /^\s*(?:(?:sorry(?: to bother you)?|entschuldigung|entschuldige|sorry f(?:ü|ue)r die st(?:ö|oe)rung)[,.!]?\s*)?(?:i['’]m|im(?=\s+(?:the|a|an|new|from|on|in|taking|just|with|responsible|here)\b)|i am|i work|i just started|ich bin|ich arbeite|ich hab(?:e)? (?:gerade|heute) angefangen|this is|hier ist)\b[^.!?–—:]*[.!?–—:]+\s+/iu;
const KEEPS_INTRODUCTION =
  /\d|(?<![\p{L}])['"„“”‚‘’«»]|['"„“”‚‘’«»](?![\p{L}])|\b(?:approv\w*|authori[sz]\w*|permission|allowed|override|sign(?:ed)? off|freigeb\w*|freigegeben|genehmig\w*|berechtigt|darf|erlaubt|can you|could you|please|pls|kannst du|bitte|show|zeig\w*|stop\w*|start\w*|reset\w*|set|stell\w*|setz\w*|oven|ofen|printer|drucker|placer|bestücker|bestuecker|pnp|aoi|spi|ict|packer|chiller|compressor|kompressor|kältemaschine|kaeltemaschine|line|linie|tester|reflow|tugger|amr|shift|schicht\w*|\w*schicht|night\w*|nacht\w*|lates|earlies|today|heute|yesterday|gestern|tonight)\b/iu;

/**
 * "Thanks, Tom", "Kind regards, Petra", "Best, Markus", "Danke, Ingrid (QM)", "Viele Grüße\nOlga", "Gruß": a sign-off at
 * the end, with the sender's name and role if given. Names start with a capital letter, so the pattern is case-sensitive
 * for them and case-blind for the sign-off words.
 */
const SIGN_OFF = new RegExp(
  String.raw`(?:^|[.!?\n]|,)\s*(?:[Tt]hanks?(?: you)?(?: (?:a lot|in advance|so much))?|[Tt]hx|[Cc]heers|[Kk]ind regards|[Bb]est regards|[Rr]egards|[Bb]est|BR|[Mm]any thanks|[Dd]anke(?: sch(?:ö|oe)n| dir| euch| im [Vv]oraus)?|[Vv]ielen [Dd]ank|[Gg]ru(?:ß|ss)|[Gg]r(?:ü|ue)(?:ß|ss)e|[Vv]iele [Gg]r(?:ü|ue)(?:ß|ss)e|[Bb]este [Gg]r(?:ü|ue)(?:ß|ss)e|[Ff]reundliche [Gg]r(?:ü|ue)(?:ß|ss)e|MfG|LG|VG)(?!\p{L})[!.,]?\s*(?:[A-ZÄÖÜ][\p{L}.-]*(?:\s+[A-ZÄÖÜ][\p{L}.-]*){0,2})?\s*(?:\([^)\n]{1,40}\))?\s*[.!]?\s*$`,
  'u',
);

/**
 * "[09:33] me: @Plantpilot set the chiller supply temp setpoint to 15 C", "Wartungsbericht … @Plantpilot Sollwert Vorlauf
 * jetzt wieder auf 16 Grad": in a pasted chat, note or report, what is addressed to the copilot (to the end) is the
 * request; the lines before it tell the story (and their values are not the one asked for).
 */
const ADDRESSED = /(?:^|\n)[^\n]*?(?:@\s?plantpilot\b[\s,:]*|(?:^|[\s:])plantpilot\s*[,:]\s*)(\S[\s\S]*)$/i;

/** The line addressed to the copilot in a message of several lines, or undefined. */
function addressedLine(text: string): string | undefined {
  if (!text.includes('\n')) return undefined;
  // From the address to the end: "Hi Plantpilot,\nline 1:\nset zone 3 to 190" keeps both lines after it.
  const found = ADDRESSED.exec(text)?.[1]
    ?.replace(/\s*\n\s*/g, ' ')
    .trim();
  return found && found.split(/\s+/).length >= 2 ? found : undefined;
}

/** The request without its mail frame (salutation, self-introduction, sign-off); the text as typed when none. */
export function withoutMailFrame(text: string): string {
  const addressed = addressedLine(text);
  if (addressed) return withoutMailFrame(addressed);
  // "hey Jens: Zone 3 …" is written to a colleague (see first-names.ts) — that salutation stays for the check that says so.
  const salutation = SALUTATION.exec(text)?.[0] ?? '';
  const toAPerson = salutation.split(/[^\p{L}]+/u).some((word) => FIRST_NAMES.has(word.toLowerCase()));
  let rest = toAPerson ? text : text.replace(SALUTATION, '');
  rest = rest.replace(SELF_INTRODUCTION, '');
  const introduction = INTRODUCTION_SENTENCE.exec(rest)?.[0];
  if (introduction && !KEEPS_INTRODUCTION.test(introduction) && rest.slice(introduction.length).trim().split(/\s+/).length >= 3)
    rest = rest.slice(introduction.length);
  rest = rest.replace(SIGN_OFF, (whole) => (/^[.!?]/.test(whole) ? whole[0]! : ''));
  rest = rest.replace(/\s*\n\s*/g, ' ').trim();
  if (rest === text.trim()) return text;
  return rest.split(/\s+/).length >= 2 ? rest : text;
}
