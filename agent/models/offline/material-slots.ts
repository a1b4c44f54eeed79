/**
 * Slot readers for material requests: which part ("the STM32", "Zynq", "die Lotpaste"), which
 * supplier ("Würth"), which delivery (ASN id), and how bad the disruption is (hours late, share
 * short, pieces rejected). Parts and suppliers are read against the plant's own part list, never a
 * built-in one; a word that fits several parts ("resistor", "Rollen") names none, so the request
 * keeps its line scope instead of guessing a part.
 */
import type { PartRef } from '../../parts';
import { normalise, transliterate } from './text';
import { compoundNumber, halvesAsDecimals, numberWord } from './number-words';

export type PartMention = { kind: 'one'; part: PartRef } | { kind: 'ambiguous'; candidates: PartRef[] } | { kind: 'none' };

/** German and shop-floor words → the English word part descriptions use. */
const PART_WORDS: Record<string, string> = {
  lotpaste: 'paste',
  loetpaste: 'paste',
  paste: 'paste',
  lotpasten: 'paste',
  widerstand: 'resistor',
  widerstaende: 'resistor',
  kondensator: 'mlcc',
  kondensatoren: 'mlcc',
  kerkos: 'mlcc',
  caps: 'mlcc',
  leiterplatte: 'pcb',
  leiterplatten: 'pcb',
  platine: 'pcb',
  rohplatine: 'pcb',
  rohplatinen: 'pcb',
  leerplatine: 'pcb',
  leerplatinen: 'pcb',
  platinen: 'pcb',
  bare: 'pcb',
  schablone: 'stencil',
  schablonen: 'stencil',
  spule: 'inductor',
  spulen: 'inductor',
  induktivitaet: 'inductor',
  induktivitaeten: 'inductor',
  inductors: 'inductor',
  drossel: 'inductor',
  drosseln: 'inductor',
  speicherdrossel: 'inductor',
  speicherdrosseln: 'inductor',
  leistungsdrossel: 'inductor',
  leistungsdrosseln: 'inductor',
  stiftleiste: 'header',
  stiftleisten: 'header',
  buchse: 'jack',
  buchsen: 'jack',
  mosfets: 'mosfet',
  isolator: 'isolator',
  isolatoren: 'isolator',
  isolators: 'isolator',
  regler: 'converter',
  spannungsregler: 'converter',
  schaltregler: 'converter',
  regulator: 'converter',
  regulators: 'converter',
  wandler: 'converter',
  treiber: 'driver',
  gatetreiber: 'driver',
  controller: 'mcu',
  mikrocontroller: 'mcu',
  prozessor: 'mcu',
  ram: 'sdram',
  speicher: 'sdram',
  ddr: 'ddr3l',
  ddr3: 'ddr3l',
  phy: 'phy',
  trays: 'tray',
  verpackung: 'packing',
};

/** Generic words that still say which kind of part is meant. */
const KIND_WORDS = new Set(['pcb', 'stencil', 'mlcc', 'resistor', 'inductor']);

/** Words every other part description has, or that name a kind of part rather than one part. */
const GENERIC = new Set([
  'with',
  'rev',
  'layer',
  'bare',
  'pcb',
  'stencil',
  'reel',
  'reels',
  'tray',
  'board',
  'boards',
  'line',
  'linie',
  'runs',
  'stock',
  'part',
  'parts',
  'material',
  'order',
  'last',
  'first',
  'long',
  'what',
  'when',
  'which',
  'wann',
  'wie',
  'lange',
  'reicht',
  'from',
  'late',
  'hours',
  'stunden',
  'delivery',
  'lieferung',
  'supplier',
  'lieferant',
]);

/** Words as typed, keeping "stm32" whole (normalise would split it into "stm 32"). */
function rawWords(text: string): string[] {
  // "die 0402er Widerstände", "0603er": a German size said as an adjective is the size.
  return transliterate(text.toLowerCase().replace(/\b(\d{3,4})er\b/g, '$1'))
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Values with their unit, written one way: "100 nF", "100nf", "10 µF", "10uF", "4,7 kΩ" → "100nf", "10uf", "4.7k". */
function valueTokens(text: string): string[] {
  const lower = text.toLowerCase().replace(/µ|μ/g, 'u').replace(/Ω|ohm/gi, '');
  // ("100n", "10u", "22p": the farad left out, as on the floor.)
  const farads: Record<string, string> = { n: 'nf', u: 'uf', p: 'pf' };
  return [...lower.matchAll(/(?<![a-z0-9.,])(\d+(?:[.,]\d+)?)\s*(nf|uf|pf|mf|kv|mv|v|ma|a|k|m|mhz|khz|um|mm|g|kg|n|u|p)(?![a-z])/g)].map(
    (match) => `${match[1]!.replace(',', '.')}${farads[match[2]!] ?? match[2]}`,
  );
}

function partWords(part: PartRef): string[] {
  // Bare numbers are values ("10", "16"), except a four-digit package size ("0402", "0603") people name parts by.
  const described = rawWords(part.description).filter((word) => word.length >= 3 && (!/^\d+$/.test(word) || word.length === 4));
  return [...new Set(described)];
}

/**
 * The part a request names by its number (whole or a distinctive start, "stm32") or by a word only its
 * description has. With `numbersOnly` description words do not count: beside a machine's name
 * ("the paste printer") such a word names the machine, not a part.
 */
export function mentionedPart(text: string, parts: readonly PartRef[], options: { numbersOnly?: boolean } = {}): PartMention {
  if (parts.length === 0) return { kind: 'none' };
  const upper = transliterate(text).toUpperCase();
  // A full part number wins, typed with or without its punctuation.
  const squash = (value: string) => value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const squashedText = ` ${upper.replace(/[^A-Z0-9]+/g, ' ')} `;
  const whole = parts.filter((part) => upper.includes(part.partNumber.toUpperCase()) || squashedText.includes(` ${squash(part.partNumber)} `));
  if (whole.length === 1) return { kind: 'one', part: whole[0]! };
  const words = rawWords(text)
    .map((word) => PART_WORDS[word] ?? word)
    .filter((word) => word.length >= 3 && !GENERIC.has(word));
  const hits = new Set<PartRef>();
  // "die TPS-Regler", "the LAN chips": a part number's letters typed in capitals, when only one part number starts with them.
  for (const [capitals] of transliterate(text).matchAll(/(?<![A-Za-z0-9])[A-Z]{3,5}(?![A-Za-z0-9])/g)) {
    const starting = parts.filter((part) => /^[A-Z]+/.exec(part.partNumber.toUpperCase())?.[0] === capitals);
    if (starting.length === 1) hits.add(starting[0]!);
  }
  let ambiguous: PartRef[] | undefined;
  /** Every word's matches: "0402 resistors" is the parts both words fit, not every resistor. */
  const together: PartRef[][] = [];
  for (const word of words) {
    const compact = word.replace(/[^a-z0-9]/g, '');
    // A number's start ("stm32", "xc7z", "7440") must have a digit, or a made-up word would match a part.
    const byNumberOf = (start: string) =>
      start.length >= 4 && /\d/.test(start) ? parts.filter((part) => squash(part.partNumber).toLowerCase().startsWith(start)) : [];
    // "STM32s": a part number in the plural.
    const byNumber = byNumberOf(compact).length > 0 ? byNumberOf(compact) : /\ds$/.test(compact) ? byNumberOf(compact.slice(0, -1)) : [];
    // "resistors" names what the description calls "resistor".
    const singular = word.length > 4 ? word.replace(/s$/, '') : word;
    const byWord =
      options.numbersOnly || (/\d/.test(word) && word.length < 4)
        ? []
        : parts.filter((part) => partWords(part).some((own) => own === word || own === singular));
    const matched = byNumber.length > 0 ? byNumber : byWord;
    if (matched.length > 0) together.push(matched);
    if (matched.length === 1) hits.add(matched[0]!);
    else if (matched.length > 1 && matched.length <= 4) ambiguous ??= matched;
  }
  // "die Leiterplatten für die CPU-Boards": a kind of part ("pcb") names none alone, but narrows what the other words name.
  for (const kind of new Set(rawWords(text).map((word) => PART_WORDS[word] ?? word))) {
    if (!KIND_WORDS.has(kind)) continue;
    const matched = parts.filter((part) => partWords(part).includes(kind));
    if (matched.length > 0 && together.length > 0) together.push(matched);
  }
  // "the 100nF caps": a value with its unit names the parts whose description has it.
  if (!options.numbersOnly)
    for (const value of valueTokens(text)) {
      const matched = parts.filter((part) => valueTokens(part.description).includes(value));
      if (matched.length > 0) together.push(matched);
      if (matched.length === 1) hits.add(matched[0]!);
    }
  if (hits.size === 1) return { kind: 'one', part: [...hits][0]! };
  if (hits.size > 1) return { kind: 'ambiguous', candidates: [...hits] };
  // "Lieferung 100nF": one value that fits two parts is a choice between them, not no part at all.
  const common = together.length > 0 ? together.reduce((kept, next) => kept.filter((part) => next.includes(part))) : [];
  if (common.length === 1) return { kind: 'one', part: common[0]! };
  // "the 100nF 0402 from Mouser": the supplier named picks one of them.
  const supplier = common.length > 1 ? mentionedSupplier(text, parts) : undefined;
  const supplied = supplier ? common.filter((part) => part.supplier === supplier) : [];
  if (supplied.length === 1) return { kind: 'one', part: supplied[0]! };
  if (common.length > 1 && common.length <= 4) return { kind: 'ambiguous', candidates: common };
  return ambiguous ? { kind: 'ambiguous', candidates: ambiguous } : { kind: 'none' };
}

/** The supplier a request names by the first word of its name ("Würth", "wurth", "Avnet"), from the part list. */
export function mentionedSupplier(text: string, parts: readonly PartRef[]): string | undefined {
  const words = new Set(normalise(text).split(' '));
  const suppliers = [...new Set(parts.map((part) => part.supplier).filter((name): name is string => Boolean(name)))];
  return suppliers.find((name) => {
    const first = normalise(name).split(' ')[0] ?? '';
    // "Würth" is typed "wuerth" or "wurth"; both name the supplier.
    // "AT&S" is typed "ats" as often.
    const variants = new Set([first, first.replace(/ue/g, 'u').replace(/oe/g, 'o').replace(/ae/g, 'a'), first.replace(/&/g, '')]);
    return first.length >= 4 && [...variants].some((variant) => words.has(variant));
  });
}

/** An advance shipping notice id: "ASN-4321", "asn 4321". */
export function asnId(text: string): string | undefined {
  const match = /\basn[-\s]?(\d{3,})\b/i.exec(text);
  return match ? `ASN-${match[1]}` : undefined;
}

/** How many hours late a delivery comes: "6 hours", "6h", "sechs Stunden", "a day", "einen Tag", "90 min". */
export function delayHours(text: string): number | undefined {
  // ("a day and a half", "anderthalb Tage": 36 hours.)
  const lower = halvesAsDecimals(transliterate(text.toLowerCase()).replace(/[^a-z0-9.,]+/g, ' '));
  for (const hours of lower.matchAll(/\b(\d+(?:[.,]\d+)?|[a-z]+)\s*(?:hours?|hrs?|h|stunden?|std)\b/g)) {
    const value = numberWord(hours[1]!) ?? Number(hours[1]!.replace(',', '.'));
    if (Number.isFinite(value) && value > 0) return value;
  }
  const minutes = /\b(\d+)\s*(?:min|mins|minutes|minuten)\b/.exec(lower);
  if (minutes && Number(minutes[1]) > 0) return Number(minutes[1]) / 60;
  for (const days of lower.matchAll(/\b(\d+(?:[.,]\d+)?|[a-z]+)\s*(?:days?|tage?n?)\b/g)) {
    // "nen Tag", "a day", "einen Tag": one.
    const value = /^(?:a|an|one|ein|einen|nen|n)$/.test(days[1]!) ? 1 : (numberWord(days[1]!) ?? Number(days[1]!.replace(',', '.')));
    if (Number.isFinite(value) && value > 0) return value * 24;
  }
  // "can't deliver for a week", "zwei Wochen Lieferstopp": weeks, up to the tool's two.
  for (const weeks of lower.matchAll(/\b(\d+(?:[.,]\d+)?|[a-z]+)\s*(?:weeks?|wochen?|wk|wks)\b/g)) {
    const value = /^(?:a|an|one|ein|eine|einer|ne|n)$/.test(weeks[1]!) ? 1 : (numberWord(weeks[1]!) ?? Number(weeks[1]!.replace(',', '.')));
    if (Number.isFinite(value) && value > 0 && value <= 2) return value * 168;
  }
  if (/\b(half a day|halben tag)\b/.test(lower)) return 12;
  // "a whole day", "einen ganzen Tag": one day.
  if (/\b(?:whole|full|entire|ganze[nr]?|volle[nr]?) (?:day|tag)\b/.test(lower)) return 24;
  return undefined;
}

/** The share of a delivery that will not come, %: "30 % short", "only half", "nur die Hälfte". */
export function shortfallPct(text: string): number | undefined {
  const lower = normalise(text.replace(/%/g, ' percent '));
  const share = /\b(\d{1,3})\s*(?:percent|prozent)\b/.exec(lower);
  if (
    share &&
    /\b(short|shortfall|less|missing|fehl\w*|weniger|kuerzer|nur|only|zu wenig|unterliefer\w*|underdeliver\w*|under delivery|short ?shipped|teilliefer\w*|minderliefer\w*)\b/.test(
      lower,
    )
  ) {
    const value = Number(share[1]);
    // "comes only 60 percent, rest is missing": "only" names the share that comes; "40 percent short" the share that does not.
    const comes = new RegExp(String.raw`\b(?:only|nur|just)\s+(?:\S+\s+){0,2}?${share[1]}\s*(?:percent|prozent)\b`).test(lower);
    const missing = new RegExp(
      String.raw`\b${share[1]}\s*(?:percent|prozent)\s+(?:is\s+|are\s+|too\s+)?(?:short|missing|less|fehl\w*|weniger)\b|\bshort by\s+${share[1]}\b`,
    ).test(lower);
    if (value > 0 && value <= 100)
      return comes && !missing
        ? 100 - value
        : /\b(only|nur)\b/.test(lower) && !/\b(short|missing|fehl\w*|weniger|unterliefer\w*)\b/.test(lower)
          ? 100 - value
          : value;
  }
  if (
    /\b(only half|half of it|half (?:of )?the (?:next |coming |upcoming )?(?:\S+ ){0,2}(?:delivery|quantity|order|shipment)|(?:die |the )?(?:haelfte|half)\b[^.?!]*\b(?:nicht|not|fehlt|missing|kommt nicht|doesn'?t come|won'?t come)|nur die haelfte|nur (?:zur|die) haelfte|nur halb|haelfte fehlt|zur haelfte|half short|halbe (?:menge|lieferung))\b/.test(
      lower,
    )
  )
    return 50;
  // "only a third came", "nur ein Viertel": the part that came, the rest short.
  const fraction = /\b(?:only|nur)\s+(?:a |an |one |ein |eine?n? )?(third|quarter|drittel|viertel)\b/.exec(lower)?.[1];
  if (fraction) return /third|drittel/.test(fraction) ? 67 : 75;
  return undefined;
}

/** Pieces found bad at incoming inspection: "500 pcs rejected", "2000 Stück gesperrt", "rejected 300". */
export function rejectedQuantity(text: string): number | undefined {
  // Lower case without normalise's "stm32" → "stm 32" split, so a part number's digits are not read as a count.
  // "zweihundert Stück", "three hundred pieces": a count said in words, as digits.
  const lower = transliterate(text.toLowerCase())
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b([a-z]+)\s+(?=(?:stueck|stk|pieces|pcs|teile|parts)\b)/g, (whole, word: string) => {
      const value = compoundNumber(word);
      return value !== undefined && value > 1 ? `${value} ` : whole;
    });
  const rejected = '(?:rejected|bad|failed|scrapped|gesperrt|abgelehnt|nio|defekt|schlecht|zurueckgewiesen|durchgefallen)';
  const match =
    new RegExp(`\\b(\\d{1,7})\\s+(?:[a-z0-9]+\\s+){0,5}?(?:were |was |sind |wurden |are |is )?${rejected}\\b`).exec(lower) ??
    new RegExp(`\\b(?:rejected|reject|gesperrt|abgelehnt|zurueckgewiesen|binned|scrapped|ausgesondert|aussortiert)\\s+(\\d{1,7})\\b`).exec(lower) ??
    // "losing 300", "300 weniger": a count lost to incoming inspection.
    new RegExp(`\\b(?:losing|lose|lost|verlieren|verloren)\\s+(\\d{1,7})\\b`).exec(lower);
  const value = match ? Number(match[1]) : NaN;
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
