/**
 * What a phone makes of a request typed in a hurry: emoji and reactions between the words ("🔥 oven 2??"), words run
 * together ("line2oven", "zone7temp ofenL2"), and autocorrect's guesses at plant words it does not know ("Pop 2" for
 * PnP 2, "Ali" for the AOI, "refill oven" for the reflow oven, "Spion L2" for the SPI, "Bestücke 1" for Bestücker 1,
 * "Allarme"). Each guess is mended only where the guessed word cannot mean itself: next to a line, a number or an oven.
 */

/** Emoji, hand signs and other pictographs: feelings, not words of the request. */
const PICTOGRAPHS = /(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u{FE0F}|\u{200D})+/gu;

/** Words run together around a number: "line2oven" → "line 2 oven", "zone7temp" → "zone 7 temp", "ofenL2" → "ofen L2". */
const GLUED: [RegExp, string][] = [
  [/\b(line|linie|zone|prio|pnp|spi|aoi|ict)(\d{1,2})(?=[a-zäöüß]{2,})/gi, '$1 $2 '],
  [/\b(oven|ofen|printer|drucker|placer|bestücker|packer|chiller|aoi|spi|ict)(l\d)\b/gi, '$1 $2'],
  [/\b(temp|temperatur|druck|speed|vakuum|vacuum)(?=(?:l\d|ofen|oven)\b)/gi, '$1 '],
];

/** Autocorrect's guesses, each only beside what makes it a plant word. */
const AUTOCORRECTED: [RegExp, string][] = [
  [/\bpop\s*(\d)\b/gi, 'PnP $1'],
  [/\bali\b(?=\s+(?:on\s+|auf\s+)?(?:line|linie|l\s*\d))/gi, 'AOI'],
  [/\b(?:refill|reflex|ref low)\s+(?=oven|ofen)/gi, 'reflow '],
  [/\bspion\b(?=\s+(?:auf\s+|an\s+)?(?:l\s*\d|line|linie))/gi, 'SPI'],
  [/\bbestücke\b(?=\s+\d)/gi, 'Bestücker'],
  [/\ballarm(e|en|s)?\b/gi, 'alarm$1'],
  // "let it cary on": a letter dropped from the one phrase that means go on.
  [/\bcar(?:y|ry|rry)\s+on\b/gi, 'carry on'],
  // "y is PO-24124 late": chat's "why".
  [/^\s*y\s+(?=(?:is|are|was|did|does|do|has|have)\b)/i, 'why '],
];

export function withPhoneTypingMended(text: string): string {
  let mended = text.replace(PICTOGRAPHS, ' ');
  for (const [glued, apart] of GLUED) mended = mended.replace(glued, apart);
  for (const [guessed, meant] of AUTOCORRECTED) mended = mended.replace(guessed, meant);
  mended = mended.replace(/\s{2,}/g, ' ').trim();
  // A message of emoji alone ("👍") keeps them: what it answers is read elsewhere.
  return mended === '' ? text : mended;
}
