/**
 * "der HMI-Auftrag auf Linie 2", "the drive board order": an order named by its product (and line)
 * instead of its id. When exactly one open order fits, its id is added to the request, so every
 * rule and slot reads it as if it had been typed; when several fit, nothing is added and the
 * request reads as before (the tool or a question back sorts it out).
 */
import type { OrderRef } from '../../orders';
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

function namedLine(lower: string): string | undefined {
  const match = /\b(?:line|linie|l)\s*-?\s*(\d)\b/.exec(lower);
  return match ? `Line${match[1]}` : undefined;
}

/** The product the text names by a word only it has ("200 I/O modules", "Netzteile"), if exactly one. */
export function productNamed(text: string, orders: readonly OrderRef[]): string | undefined {
  const words = productWords(orders);
  const lower = text.toLowerCase();
  const typed = new Set([...normalise(text).split(' '), ...lower.split(/[^a-z0-9äöüß/-]+/)]);
  const products = new Set<string>();
  for (const word of typed) {
    const product = words.get(word) ?? words.get(word.replace(/s$/, '')) ?? words.get(FAMILY_WORDS[word] ?? '');
    if (product) products.add(product);
  }
  return products.size === 1 ? [...products][0] : undefined;
}

/** The id of the one open order the text names by product (and line), if exactly one fits. */
export function orderByProduct(text: string, orders: readonly OrderRef[]): string | undefined {
  const lower = text.toLowerCase();
  if (orders.length === 0 || ORDER_ID.test(text) || !ORDER_WORD.test(lower) || WORK_ORDER.test(lower)) return undefined;
  const words = productWords(orders);
  // "HMI-Auftrag", "drive-board order": the compound's parts are words too.
  const typed = new Set([...normalise(text).split(' '), ...lower.split(/[^a-z0-9äöüß-]+/)]);
  const products = new Set<string>();
  for (const word of typed) {
    const bare = word.replace(/-?(auftrag\w*|order\w*|los|lot|job)$/, '');
    const product = words.get(word) ?? words.get(bare) ?? words.get(FAMILY_WORDS[bare] ?? '');
    if (product) products.add(product);
  }
  if (products.size !== 1) return undefined;
  const line = namedLine(lower);
  const fitting = orders.filter((order) => !order.complete && products.has(order.productId) && (!line || order.lineId === line));
  return fitting.length === 1 ? fitting[0]!.id : undefined;
}
