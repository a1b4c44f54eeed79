/**
 * Finds which asset a sentence is about: an exact id (`L1-RFL`), a name or alias ("the reflow oven
 * on line 2", "P&P 1", "pnp2", "Ofen Linie 1", "Kompressor"), with typos tolerated in longer words.
 * Aliases come from the live asset list: each asset's own name and aliases plus the English and
 * German words for its kind (plant-lexicon.ts) and its machine number. A line mentioned in the
 * sentence narrows machines to that line ("oven 1" is the oven of line 1 when ovens are not
 * numbered); a name that fits machines on several lines is ambiguous and the model asks which one.
 */
import type { AssetRef, AssetTag } from '../../assets';
import { COMPOUND_PARTS, MACHINE_WORDS, MEASUREMENT_WORDS } from './plant-lexicon';
import { machineOrdinal, numberWord } from './number-words';
import { escapeRegExp, joinNumbers, normalise, sameWord, tokens } from './text';

export type AssetResolution = { kind: 'one'; asset: AssetRef } | { kind: 'ambiguous'; candidates: AssetRef[]; phrase: string } | { kind: 'none' };

const LINE_PATTERN = /\b(?:smt\s+)?(?:line|linie|ln|l|strasse|band)\s?(\d{1,2})\b/;

/** "eins", "zwo", "2": a line's number, said as a digit or a word. */
function lineNumberSaid(said: string | undefined): string | undefined {
  if (said === undefined) return undefined;
  return /^\d$/.test(said) ? said : String(numberWord(said));
}

/** The line number a sentence mentions ("line 2", "L2", "Linie 2"), if any. */
export function mentionedLine(text: string): string | undefined {
  const normalised = normalise(text);
  // "der Ofen auf der 2", "an der 1": German shop-floor shorthand for the line.
  return (
    LINE_PATTERN.exec(normalised)?.[1] ??
    /\b(?:auf|an|von) der (\d)\b(?!\s*(?:h|std|stunden?|min\w*|uhr|°|grad|bar|%|mal|x)\b)/.exec(normalised)?.[1] ??
    // "und die eins?", "und die Zwo auch": a line by its number alone, closing a short follow-up.
    lineNumberSaid(/^(?:und|and|dann)?\s*(?:die|der) (eins|zwei|zwo|drei|1|2|3)\s*(?:auch|noch|bitte)?\s*$/.exec(normalised)?.[1])
  );
}

/** The line numbers a text names ("line 1 and line 2", "L1 vs L2", "Linie 1 und 2"). */
export function linesNamed(text: string): Set<string> {
  const lower = text.toLowerCase();
  const named = new Set([...lower.matchAll(/\b(?:line|linie|l)\s*(\d)\b/g)].map((match) => match[1]!));
  // "Linie 1 und 2", "lines 1 and 2": the second number shares the word.
  for (const match of lower.matchAll(/\b(?:lines?|linien?)\s*(\d)\s*(?:and|und|or|oder|&|vs\.?|versus|\/|,)\s*(\d)\b/g)) named.add(match[1]!).add(match[2]!);
  return named;
}

function lineNumber(line: string | undefined): string | undefined {
  return line ? /(\d+)\s*$/.exec(line)?.[1] : undefined;
}

/** A machine's own number in its name ("Pick-and-place 2 L1" → 2), not the line's. */
function machineNumber(asset: AssetRef): string | undefined {
  const words = tokens(asset.name);
  for (const [index, word] of words.entries()) {
    if (/^\d+$/.test(word) && !/^(line|linie|l|ln)$/.test(words[index - 1] ?? '')) return word;
  }
  return undefined;
}

const aliasCache = new WeakMap<AssetRef, string[]>();

/** Every name people may use for the asset, normalised. */
export function aliasesOf(asset: AssetRef): string[] {
  const cached = aliasCache.get(asset);
  if (cached) return cached;
  const names = new Set<string>([asset.name, asset.id.replace(/[-_.]/g, ' '), ...asset.aliases].map(normalise));
  if (asset.type !== 'line') {
    const number = machineNumber(asset);
    for (const [pattern, words] of MACHINE_WORDS) {
      if (!pattern.test(`${asset.type} ${asset.name}`)) continue;
      for (const word of words) {
        names.add(normalise(word));
        if (number) names.add(normalise(`${word} ${number}`));
      }
    }
  }
  // "chipshooter", "pasteprinter": a two-word name typed as one word, as German compounds are.
  for (const name of [...names]) {
    const words = name.split(' ');
    if (words.length === 2 && words.every((word) => /^[a-zäöüß]{3,}$/.test(word))) names.add(words.join(''));
  }
  // "pnp2", "spi1": a short name and its number typed as one word.
  for (const name of [...names]) {
    const short = /^([a-z&]{2,4}) (\d)$/.exec(name);
    if (short) names.add(`${short[1]}${short[2]}`);
  }
  // "Feinbestücker", "Fine-Pitch-Bestücker": the floor's German for a fine-pitch placer.
  for (const name of [...names]) {
    const fine = /^fine[ -]?pitch (?:placer|pnp|pick and place)$/.exec(name);
    if (fine)
      for (const german of [
        'feinbestuecker',
        'fine pitch bestuecker',
        'finepitch bestuecker',
        'feinbestueckautomat',
        'feinpitch bestuecker',
        'feinpitchbestuecker',
        // "Bestückleistung Feinpitch L1", "wenn der fine pitch auf Linie 1 down ist": the fine-pitch placer by its kind alone.
        'feinpitch',
        'fine pitch',
        'finepitch',
      ])
        names.add(german);
  }
  const list = [...names].filter(Boolean);
  aliasCache.set(asset, list);
  return list;
}

/** Where the longest alias occurs in the sentence: its length in characters and the word after it. */
function aliasMatch(words: string[], alias: string): { length: number; next?: string; numbered: boolean } {
  const aliasWords = alias.split(' ');
  if (aliasWords.length === 0) return { length: 0, numbered: false };
  for (let start = 0; start + aliasWords.length <= words.length; start++) {
    if (aliasWords.every((word, offset) => sameWord(words[start + offset]!, word))) {
      // A name matched only through a typo counts for less than one typed as it is: in "Gebläse am Ofen L2 prüfen"
      // the verb "prüfen" is one letter from the tester's "Prüfer", and the oven is named outright.
      const exact = aliasWords.every((word, offset) => words[start + offset] === word);
      return { length: exact ? alias.length : Math.floor(alias.length / 2), next: words[start + aliasWords.length], numbered: /\d$/.test(alias) };
    }
  }
  // German compounds name the machine first: "Chillerpumpe", "Kompressorstation".
  if (aliasWords.length === 1 && alias.length >= 5 && !/\d/.test(alias)) {
    const compound = words.find((word) => word.length > alias.length + 2 && word.startsWith(alias));
    if (compound) return { length: alias.length, numbered: false };
    // … or last, after what kind it is: "Schraubenkompressor" is the compressor (long names only, so "Lötofen" is not every oven).
    if (alias.length >= 7 && words.some((word) => word.length > alias.length + 2 && word.endsWith(alias))) return { length: alias.length, numbered: false };
  }
  return { length: 0, numbered: false };
}

/**
 * "the second placer on L1", "der erste Bestücker": an ordinal picks the machine with that number;
 * "the 2nd oven", where ovens carry no number of their own, the one on that line. Only a tie-breaker
 * among machines the name already fits.
 */
function byOrdinal(matches: AssetRef[], words: string[], line: string | undefined): AssetRef[] | undefined {
  const ordinal = machineOrdinal(words);
  if (ordinal === undefined) return undefined;
  const numbered = matches.filter((asset) => machineNumber(asset) === String(ordinal));
  if (numbered.length > 0) return numbered;
  if (line !== undefined) return undefined;
  const onLine = matches.filter((asset) => lineNumber(asset.line) === String(ordinal));
  return onLine.length > 0 ? onLine : undefined;
}

/**
 * "the machine after the printer", "what comes after the SPI", "der vor dem Ofen auf Linie 2": a neighbour in the
 * line's flow. A bare article only opens the message ("die vor dem Ofen-Stopp kamen" is about a time).
 */
const NEIGHBOUR =
  /(?:^(?:(?:ok|okay|so|und|and|also|dann|then|hey|na)\s+)?(?:der|die|das|the one|the thing)|\b(?:der|die|das)(?=\s+(?:direkt|gleich)\s+(?:vor|nach|hinter))|\b(?:machine|station|unit|box|thing|maschine|anlage|kasten|kiste|ding)|\b(?:what|was)\s+(?:comes|is|kommt|steht))\s+(?:right\s+|directly\s+|just\s+|direkt\s+|gleich\s+)?(?:(after|before|behind|downstream of|upstream of|ahead of|in front of|nach|vor|hinter)\s+(?:the|dem|der|den)|(hinterm|vorm|nachm))\s+/;
/** "the AOI right after the oven", "der Bestücker vor dem Ofen": a machine named, with where it stands as a hint. */
const PLACE_HINT =
  /\s*,?\s*(?:right\s+|directly\s+|just\s+|direkt\s+|gleich\s+)?(?:(?:after|behind|before|in front of|downstream of|upstream of|nach|vor|hinter)\s+(?:the|dem|der|den)|hinterm|vorm)\s+[a-zäöüß0-9-]+(?:\s+(?:oven|ofen|printer|drucker|placer|bestücker|spi|aoi|ict))?\b/g;
/** "the last station of line 1", "die erste Maschine auf L2": the line's first or last machine. */
const LINE_END =
  /\b(first|last|erste[nmrs]?|letzte[nmrs]?)\s+(?:machine|station|maschine|anlage)\b|\b(?:ganz\s+)?(?:(am anfang|zu beginn|at the (?:very )?(?:start|beginning|head))|(am ende|at the (?:very )?end))\s+(?:of|von|der)\s+(?:the\s+)?(?:line|linie|l)\b/;
/** "the machine between the printer and the chip shooter on line 2", "die zwischen Drucker und Bestücker": the one in between. */
const BETWEEN =
  /\b(?:between|zwischen)\s+(?:the\s+|dem\s+|der\s+)?(.+?)\s+(?:and|und)\s+(?:the\s+|dem\s+|der\s+)?(.+?)(?=\s+(?:on|auf|an|in|der|von)\s+(?:the\s+)?(?:line|linie|l)\s*\d|[,?.!]|$)/;

/**
 * A machine named by where it stands in its line. Asset models list a line's machines in the
 * order the boards flow through them (the twin's catalogue does; a mapping file is written so),
 * and that order is all this reads.
 */
function byPosition(text: string, assets: AssetRef[]): AssetResolution | undefined {
  const normalised = normalise(text);
  const neighbour = NEIGHBOUR.exec(normalised);
  if (neighbour) {
    const anchor = resolveAsset(
      normalised.slice(neighbour.index + neighbour[0].length) + (mentionedLine(normalised) ? ` line ${mentionedLine(normalised)}` : ''),
      assets,
    );
    if (anchor.kind !== 'one' || !anchor.asset.line) return undefined;
    const line = assets.filter((asset) => asset.line === anchor.asset.line && asset.type !== 'line');
    const step = /^(?:after|behind|downstream of|nach|hinter|hinterm|nachm)$/.test(neighbour[1] ?? neighbour[2]!) ? 1 : -1;
    const found = line[line.indexOf(anchor.asset) + step];
    return found ? { kind: 'one', asset: found } : undefined;
  }
  // "the AOI right after the oven on line 1": the machine named, the place only confirming it.
  const hinted = normalised.replace(PLACE_HINT, ' ');
  if (hinted !== normalised) {
    const named = resolveAsset(hinted, assets);
    if (named.kind === 'one' && named.asset.type !== 'line') return named;
  }
  const end = LINE_END.exec(normalised);
  const lineSaid = mentionedLine(normalised);
  if (end && lineSaid !== undefined) {
    const line = assets.filter((asset) => asset.type !== 'line' && lineNumber(asset.line) === lineSaid);
    const found = /^(?:first|erste)/.test(end[1] ?? '') || end[2] !== undefined ? line[0] : line.at(-1);
    return found ? { kind: 'one', asset: found } : undefined;
  }
  const between = /\b(?:machine|station|unit|box|thing|one|maschine|anlage|kasten|kiste|ding|der|die|das)\s+/.test(normalised)
    ? BETWEEN.exec(normalised)
    : null;
  if (between && lineSaid !== undefined) {
    const [first, second] = [resolveAsset(`${between[1]} line ${lineSaid}`, assets), resolveAsset(`${between[2]} line ${lineSaid}`, assets)];
    if (first.kind === 'one' && second.kind === 'one' && first.asset.line && first.asset.line === second.asset.line) {
      const line = assets.filter((asset) => asset.line === first.asset.line && asset.type !== 'line');
      const [from, to] = [line.indexOf(first.asset), line.indexOf(second.asset)].sort((a, b) => a - b);
      if (to! - from! === 2) return { kind: 'one', asset: line[from! + 1]! };
    }
  }
  return undefined;
}

export function resolveAsset(text: string, assets: AssetRef[]): AssetResolution {
  const placed = byPosition(text, assets);
  if (placed) return placed;
  // An exact id wins outright — a machine's: a line's id ("line1") is how people type the line, and "pnp2 line1" is
  // that line's placer, which the line rule below finds.
  const upper = text.toUpperCase();
  const typed = assets.filter((asset) => new RegExp(`(^|[^A-Z0-9-])${escapeRegExp(asset.id.toUpperCase())}($|[^A-Z0-9-])`).test(upper));
  const byId = typed.filter((asset) => asset.type !== 'line');
  if (byId.length === 1) return { kind: 'one', asset: byId[0]! };
  const lineById = typed.length === 1 && typed[0]!.type === 'line' ? typed[0] : undefined;

  const words = tokens(text);
  let line = mentionedLine(text);
  let best = 0;
  let matches: AssetRef[] = [];
  let impliedLine: string | undefined;
  for (const asset of assets) {
    if (asset.type === 'line') continue;
    let own = { length: 0, numbered: false } as ReturnType<typeof aliasMatch>;
    // A numbered name ("PnP 1") says more than a longer one both placers share ("Bestücker PnP 1 auf L2").
    const weight = (match: { length: number; numbered: boolean }) => (match.length > 0 && match.numbered ? 1000 : 0) + match.length;
    for (const alias of aliasesOf(asset)) {
      const match = aliasMatch(words, alias);
      if (weight(match) > weight(own)) own = match;
    }
    if (own.length === 0) continue;
    if (weight(own) > best) {
      best = weight(own);
      matches = [asset];
      // "oven 1" where ovens carry no number of their own: the number is the line's.
      impliedLine = !own.numbered && own.next && /^\d{1,2}$/.test(own.next) ? own.next : undefined;
    } else if (weight(own) === best) matches.push(asset);
  }
  line ??= impliedLine;
  if (line !== undefined && matches.length > 0) {
    const onLine = matches.filter((asset) => lineNumber(asset.line) === line);
    if (onLine.length > 0) matches = onLine;
  } else if (lineById && matches.length > 0) {
    const onLine = matches.filter((asset) => asset.line === lineById.id);
    if (onLine.length > 0) matches = onLine;
  }
  if (matches.length > 1) matches = byOrdinal(matches, words, line) ?? matches;
  if (matches.length === 1) return { kind: 'one', asset: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches, phrase: text };

  if (line !== undefined) {
    const lineAsset = assets.find((asset) => asset.type === 'line' && lineNumber(asset.id) === line);
    if (lineAsset) return { kind: 'one', asset: lineAsset };
  }
  if (lineById) return { kind: 'one', asset: lineById };
  return { kind: 'none' };
}

/** Splits a tag id into words: `Zone4.SetpointC` → `zone 4 setpoint c`. */
function tagWords(tag: AssetTag): string[] {
  const spaced = `${tag.id} ${tag.name ?? ''}`.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/([0-9])([A-Za-z])/g, '$1 $2');
  return joinNumbers(tokens(spaced.replace(/\./g, ' ')));
}

const STOP_WORDS = new Set([
  'the',
  'of',
  'on',
  'to',
  'a',
  'an',
  'for',
  'in',
  'at',
  'line',
  'last',
  'set',
  'c',
  's',
  'mm',
  'kw',
  'der',
  'die',
  'das',
  'von',
  'am',
  'auf',
  'im',
  // Small words one typo away from a tag word ("oder" / "order" → OrderId in "der O2 ist zu hoch, oder?").
  'oder',
  'und',
  'or',
  'and',
  'ist',
  'is',
  'mit',
  'doch',
  'mal',
  'noch',
  'los',
]);

/** A typed word in the words tag descriptions use: "temp" → "temperature", "Netzdruck" → "header pressure". */
function measurementWords(word: string): string[] {
  const direct = MEASUREMENT_WORDS[word];
  if (direct) return direct.split(' ');
  if (word.length >= 8) {
    // German compounds: "Spindelvibration" → spindle vibration.
    const parts: string[] = [];
    let rest = word;
    while (rest.length > 0) {
      const part = COMPOUND_PARTS.find((candidate) => rest.startsWith(candidate));
      if (!part) break;
      parts.push(...MEASUREMENT_WORDS[part]!.split(' '));
      rest = rest.slice(part.length);
      // The linking "s" ("Lagerstemperatur") is dropped only where the rest reads as a part without it, not with it
      // ("Spindelschwingung" is spindle + "schwingung").
      if (
        /^s[a-z]{3}/.test(rest) &&
        !COMPOUND_PARTS.some((candidate) => rest.startsWith(candidate)) &&
        COMPOUND_PARTS.some((candidate) => rest.slice(1).startsWith(candidate))
      )
        rest = rest.slice(1);
    }
    // "Druckverlauf", "Temperaturkurve": a measurement with the word for its trend or reading after it.
    if (parts.length > 0 && (rest.length <= 2 || /^(?:verlauf|trend|kurve|werte?|anzeige|daten)$/.test(rest))) return parts;
  }
  return [word];
}

export type TagResolution = { kind: 'one'; tag: AssetTag } | { kind: 'ambiguous'; candidates: AssetTag[] } | { kind: 'none' };

/** The words of a sentence as tag descriptions spell them ("zone 4 temp" → zone4 temperature). */
export function tagQueryWords(text: string): string[] {
  // German "um" ("um sechs", "wie steht's um die Halle") is the micrometre of "PasteHeightUm" only after a number.
  return joinNumbers(tokens(text).flatMap(measurementWords)).filter(
    (word, index, words) => !STOP_WORDS.has(word) && (word !== 'um' || /\d$/.test(words[index - 1] ?? '')),
  );
}

/** The tag a sentence names: an exact id (`Zone4.SetpointC`) or the tag whose words it shares most. */
export function resolveTag(text: string, tags: AssetTag[] | undefined, options: { writableOnly?: boolean } = {}): TagResolution {
  const explicit = /\b([A-Z][A-Za-z0-9]*\.[A-Za-z0-9]+|[A-Z][a-z]+[A-Z][A-Za-z0-9]*)\b/.exec(text)?.[1];
  if (!tags || tags.length === 0) return explicit ? { kind: 'one', tag: { id: explicit } } : { kind: 'none' };
  const exact = tags.find((tag) => tag.id.toLowerCase() === explicit?.toLowerCase());
  if (exact) return { kind: 'one', tag: exact };
  const candidates = options.writableOnly ? tags.filter((tag) => tag.writable !== false) : tags;
  // "the actual not the setpoint", "nicht den Sollwert, den Istwert": the setpoint ruled out is no word for the tag asked.
  const setpointRuledOut =
    /\b(?:not|nicht|no|kein\w*|rather than|instead of|statt|anstatt)\s+(?:the\s+|den\s+|der\s+|dem\s+|its\s+)?(?:setpoint|set value|sollwert|soll|sp)\b/i.test(
      text,
    );
  const words = tagQueryWords(setpointRuledOut ? text.replace(/\b(?:setpoint|set value|sollwert|soll|sp)\b/gi, ' ') : text);
  const unitWords = new Set(words);
  let best = 0;
  let matches: AssetTag[] = [];
  for (const tag of candidates) {
    const own = tagWords(tag).filter((word) => !STOP_WORDS.has(word));
    let score = own.filter((word) => words.some((typed) => sameWord(typed, word) || (word.length >= 4 && typed.startsWith(word)))).length;
    // A unit typed on its own ("in bar", "ppm") points at the tag measured in it.
    if (tag.unit && unitWords.has(tag.unit.toLowerCase())) score += 0.5;
    // Asked for a value, not its setpoint, unless the setpoint is named.
    if (!options.writableOnly && tag.writable && !words.includes('setpoint')) score -= 0.25;
    const precision = score / Math.max(own.length, 1);
    const weighted = score + precision / 10;
    if (score <= 0) continue;
    if (weighted > best) {
      best = weighted;
      matches = [tag];
    } else if (weighted === best) matches.push(tag);
  }
  if (matches.length === 1) return { kind: 'one', tag: matches[0]! };
  if (matches.length > 1) return { kind: 'ambiguous', candidates: matches };
  return { kind: 'none' };
}

/**
 * "stell den Kompressor mal auf 6,5 bar ein, die Bestücker ziehen zu wenig Vakuum": the machine of the clause that holds
 * the value ("auf 6,5", "to 190"), when that clause names one — not every machine the reason names.
 */
export function assetOfValueClause(text: string, assets: AssetRef[]): AssetResolution | undefined {
  const valueClause = text.split(/[,;–—]|\s-\s|(?<=[.!?])\s+/).find((clause) => /\b(?:to|auf)\s*:?\s*-?\d/i.test(clause));
  const own = valueClause ? resolveAsset(valueClause, assets) : undefined;
  return own?.kind === 'one' ? own : undefined;
}
