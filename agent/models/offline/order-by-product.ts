/**
 * "der HMI-Auftrag auf Linie 2", "the drive board order": an order named by its product (and line)
 * instead of its id. When exactly one open order fits, its id is added to the request, so every
 * rule and slot reads it as if it had been typed; when several fit, nothing is added and the
 * request reads as before (the tool or a question back sorts it out).
 */
import type { OrderRef } from '../../orders';
import { mentionedLine } from './asset-resolver';
import { normalise } from './text';

/** The request is about an order (not a work order): without one of these words a product name is just a product. */
const ORDER_WORD = /(order|auftr(?:ag|aege|ags)\b|auftrag|\blot\b|\blos\b|\bjob\b|batch|charge|fertigungsauftrag|\bpo\b)/;
const WORK_ORDER = /\b(work ?orders?|wartungs?auftr\w*|arbeitsauftr\w*|instandhaltungsauftr\w*|ticket)\b/;
const ORDER_ID = /\b(po|wo|so|mo)[-\s]?\d{3,}\b/i;
/** Words in product names that name no product in particular. */
const GENERIC = new Set(['board', 'boards', 'main', 'module', 'modules', 'panel', 'panels', 'industrial', 'unit', 'the', 'and']);

/** German (and shop-floor) words for the product families' English words: "Netzteil" is a power supply. */
const FAMILY_WORDS: Record<string, string> = {
  netzteil: 'supply',
  netzteile: 'supply',
  stromversorgung: 'supply',
  antrieb: 'drive',
  antriebe: 'drive',
  umrichter: 'drive',
  frequenzumrichter: 'drive',
  steuerung: 'controller',
  steuerungen: 'controller',
  sps: 'controller',
  plc: 'controller',
  bedienpanel: 'hmi',
  bediengeraet: 'hmi',
  display: 'hmi',
  'e/a': 'i/o',
  io: 'i/o',
};

/** Product word → the products it names; a word two products share names neither. */
function productWords(orders: readonly OrderRef[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const order of orders) {
    const words = new Set<string>([
      ...normalise(order.productId).split(' '),
      order.productId.toLowerCase(),
      ...normalise(`${order.productName} ${order.productFamily}`).split(' '),
      // "I/O" as written: normalised it is two letters.
      ...`${order.productName} ${order.productFamily}`.toLowerCase().split(/\s+/),
    ]);
    for (const word of words) {
      if (word.length < 3 || /^\d+$/.test(word) || GENERIC.has(word)) continue;
      const set = owners.get(word) ?? new Set<string>();
      set.add(order.productId);
      owners.set(word, set);
    }
  }
  const unique = new Map<string, string>();
  for (const [word, products] of owners) if (products.size === 1) unique.set(word, [...products][0]!);
  return unique;
}

/** The products the text names by a word only that product has: "200 I/O modules", "Netzteile", "HMI-Auftrag". */
function namedProducts(text: string, orders: readonly OrderRef[]): Set<string> {
  const words = productWords(orders);
  const lower = text.toLowerCase();
  // Compounds typed with a hyphen ("HMI-Auftrag") are words too, and "I/O" as written.
  const typed = new Set([...normalise(text).split(' '), ...lower.split(/[^a-z0-9äöüß/-]+/)]);
  const products = new Set<string>();
  for (const word of typed) {
    // "Netzteilauftrag", "drive-board order", "modules": the product word without the order word or plural.
    const bare = word.replace(/-?(auftrag\w*|order\w*|los|lot|job)$/, '').replace(/(?<=\w{3})s$/, '');
    // "mit den Netzteilen", "den Antrieben": the German dative plural.
    const dative = word.replace(/(?<=\w{5})e?n$/, '');
    // "Antriebsplatinen", "Netzteilboards": a family word opening a German compound.
    const family = Object.keys(FAMILY_WORDS).find((key) => key.length >= 6 && word.length > key.length + 3 && word.startsWith(key));
    const product =
      words.get(word) ??
      words.get(bare) ??
      words.get(FAMILY_WORDS[word] ?? FAMILY_WORDS[bare] ?? FAMILY_WORDS[dative] ?? FAMILY_WORDS[`${dative}e`] ?? '') ??
      (family ? words.get(FAMILY_WORDS[family]!) : undefined);
    if (product) products.add(product);
  }
  return products;
}

/** The product the text names, if exactly one. */
export function productNamed(text: string, orders: readonly OrderRef[]): string | undefined {
  const products = namedProducts(text, orders);
  return products.size === 1 ? [...products][0] : undefined;
}

/** The numbers said that could be a quantity of boards ("the 600 IO modules"; not a line's or a zone's number). */
function quantitiesSaid(lower: string): Set<number> {
  return new Set([...lower.matchAll(/(?<![\w.,-])(\d{2,5})(?![\w.,:-])/g)].map((match) => Number(match[1])));
}

/**
 * The id of the one open order the text names by product (and line, or quantity), if exactly one fits: "der
 * HMI-Auftrag auf Linie 2", "the 600 IO modules, why are they late" (the product with its order's quantity names the
 * order without the word "order").
 */
export function orderByProduct(text: string, orders: readonly OrderRef[]): string | undefined {
  const lower = text.toLowerCase();
  if (orders.length === 0 || ORDER_ID.test(text) || WORK_ORDER.test(lower)) return undefined;
  const product = productNamed(text, orders);
  if (!product) return undefined;
  const line = mentionedLine(lower);
  const fitting = orders.filter((order) => !order.complete && order.productId === product && (!line || order.lineId === `Line${line}`));
  const quantities = quantitiesSaid(lower);
  // (Not "a rush order of 400 drive boards": a new order's quantity is its own.)
  const newOrder = /\b(?:rush|urgent|extra|additional|new|another|eil\w*|zus(?:ä|ae)tzlich\w*|neue[nrs]?|weitere[nrs]?|sonder\w*)\b/.test(lower);
  const byQuantity = newOrder ? [] : fitting.filter((order) => order.quantity !== undefined && quantities.has(order.quantity));
  if (byQuantity.length === 1) return byQuantity[0]!.id;
  if (!ORDER_WORD.test(lower)) return undefined;
  return fitting.length === 1 ? fitting[0]!.id : undefined;
}

/** The line every open order of the product named runs on ("schaffen wir den CPU-Auftrag heute noch" → Line1), if one. */
export function lineOfProductNamed(text: string, orders: readonly OrderRef[]): string | undefined {
  if (!ORDER_WORD.test(text.toLowerCase()) || WORK_ORDER.test(text.toLowerCase())) return undefined;
  const product = productNamed(text, orders);
  return product ? onlyLineOf(product, orders) : undefined;
}

/** The line every open order of `product` runs on, if one. */
function onlyLineOf(product: string, orders: readonly OrderRef[]): string | undefined {
  const lines = new Set(orders.filter((order) => !order.complete && order.productId === product && order.lineId).map((order) => order.lineId!));
  return lines.size === 1 ? [...lines][0] : undefined;
}

/** Words in a line's name that name no product ("the CPU board line", "die Netzteil-Linie"). */
const LINE_NAME_FILLER = /^(?:boards?|pcbs?|platinen?|baugruppen?|modules?|module|smt|-)$/;

/**
 * A line named by the product it builds, written as the line's number: "the CPU board line" → "line 1" when every open
 * CPU order runs on line 1; "die Netzteil-Linie", "Netzteillinie", "the line for the drive boards" the same. A product
 * built on several lines names none, and the phrase is left as it is.
 */
export function linesByProduct(text: string, orders: readonly OrderRef[]): string {
  if (orders.length === 0) return text;
  const tokens = [...text.matchAll(/[^\s,;:!?()]+/g)].map((match) => ({ word: match[0], start: match.index, end: match.index + match[0].length }));
  const bare = (word: string) => word.toLowerCase().replace(/^["'„“]+|["'“”.]+$/g, '');
  const replacements: { start: number; end: number; line: string }[] = [];
  const lineNumberOf = (words: string[]) => {
    const products = namedProducts(words.join(' '), orders);
    const line = products.size === 1 ? onlyLineOf([...products][0]!, orders) : undefined;
    return line ? /(\d+)\s*$/.exec(line)?.[1] : undefined;
  };
  for (const [index, token] of tokens.entries()) {
    const word = bare(token.word);
    const compound = /^(.{3,}?)-?linie$/.exec(word)?.[1];
    if (word !== 'line' && word !== 'linie' && !compound) continue;
    if (/^\d/.test(tokens[index + 1]?.word ?? '')) continue;
    // Before the word: "CPU board line", "Netzteil-Linie"; in one word: "Netzteillinie".
    const named: string[] = compound ? [compound] : [];
    let first = index;
    for (let back = index - 1; back >= 0 && named.length < 3 && !compound; back--) {
      const candidate = bare(tokens[back]!.word).replace(/-$/, '');
      if (!LINE_NAME_FILLER.test(candidate) && productNamed(candidate, orders) === undefined) break;
      named.unshift(candidate);
      first = back;
    }
    const before = named.some((candidate) => !LINE_NAME_FILLER.test(candidate)) ? lineNumberOf(named) : undefined;
    if (before) {
      replacements.push({ start: tokens[first]!.start, end: token.end, line: before });
      continue;
    }
    // After it: "the line for the drive boards", "die Linie mit den HMIs".
    if (!/^(?:for|f(?:ü|ue)r|mit|with)$/.test(bare(tokens[index + 1]?.word ?? ''))) continue;
    let last = index + 1;
    const after: string[] = [];
    for (let next = index + 2; next < tokens.length && after.length < 3; next++) {
      const candidate = bare(tokens[next]!.word);
      if (/^(?:the|die|den|das|der)$/.test(candidate) && after.length === 0) continue;
      if (!LINE_NAME_FILLER.test(candidate) && productNamed(candidate, orders) === undefined) break;
      after.push(candidate);
      last = next;
    }
    const number = after.length > 0 ? lineNumberOf(after) : undefined;
    if (number) replacements.push({ start: token.start, end: tokens[last]!.end, line: number });
  }
  return replacements.reduceRight((result, { start, end, line }) => `${result.slice(0, start)}line ${line}${result.slice(end)}`, text);
}
