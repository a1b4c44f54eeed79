/**
 * "the line 1 oven conveyor is at 14, I want it at 16", "der Vorlauf steht auf 17, ich will ihn auf 14 haben": the value it
 * has, then the value wanted — said as the change it asks for ("set … to 16"), so the number read is the one wanted, not the
 * one it is at. Only the asker's own want counts: "it should be 225" may be a deviation told, and stays as typed.
 */
const VALUE = String.raw`-?\d+(?:[.,]\d+)?`;
const UNIT = String.raw`(?:\s*(?:°\s*c|grad|degrees?|bar|mm\/s|n|%|ppm))?`;

const ENGLISH = new RegExp(
  String.raw`^(.+?)\s+(?:is|'s|are)\s+(?:at|on|running at|sitting at)\s+${VALUE}${UNIT}\s*(?:,|;|and|but|–|—|-)?\s*(?:i|we)(?:\s+(?:want|need|would like)|'d like)\s+(?:it|them|that)\s+(?:at|on|to be(?: at)?)\s+(${VALUE}${UNIT})\b(.*)$`,
  'i',
);

const GERMAN = new RegExp(
  String.raw`^(.+?)\s+(?:steht|ist|l(?:ä|ae)uft|liegt)\s+(?:auf|bei|mit)\s+${VALUE}${UNIT}\s*(?:,|;|und|aber|–|—|-)?\s*(?:ich|wir)\s+(?:will|wollen|m(?:ö|oe)chte\w*|h(?:ä|ae)tte\w*|brauch\w*)\s+(?:ihn|sie|es|den|die|das)\s+(?:gern\w*\s+)?(?:auf|bei)\s+(${VALUE}${UNIT})(?:\s+haben)?\b(.*)$`,
  'i',
);

export function withWantedValue(text: string): string {
  const english = ENGLISH.exec(text.trim());
  if (english) return `set ${english[1]!.trim()} to ${english[2]!.trim()}${english[3] ?? ''}`;
  const german = GERMAN.exec(text.trim());
  if (german) return `${german[1]!.trim()} auf ${german[2]!.trim()} stellen bitte${german[3] ?? ''}`;
  return text;
}
