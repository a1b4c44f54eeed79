/**
 * "order 10 reels of the 100nF caps from Mouser", "bestell mal 5 Rollen von den 744043100 bei Würth", "book the goods
 * receipt for ASN-4519 in SAP": buying parts and booking receipts happen in purchasing and the ERP, where no tool of this
 * copilot reaches. Answered as such — never read as the stock or disruption its part or delivery words resemble.
 */
import { detectLanguage } from './language';
import type { Plan } from './intents';

const PURCHASE =
  /\b(?:order|re-?order|purchase|buy)\s+(?:\d+|some|more|a few|new)\b[^.?!]*\b(?:from|at|with)\s+[a-z]|\b(?:(?:nach)?bestell\w*|kauf\w*|ordern)\b[^.?!]*\b(?:bei|von)\s+[a-zäöü]|\b(?:place|raise|create)\s+(?:a|an|the)\s+(?:purchase order|po|order)\s+(?:for|with|at)\b|\b(?:bestellung|einkauf)\s+(?:auslösen|anlegen|machen|aufgeben)\b/i;
const RECEIPT =
  /\b(?:goods receipt|wareneingang)\b[^.?!]*\b(?:book|post|buch\w*|erfass\w*)\b|\b(?:book|post|buch\w*)\b[^.?!]*\b(?:goods receipt|wareneingang)\b|\b(?:in|im|ins)\s+(?:sap|erp|mes)\b[^.?!]*\b(?:book|post|buch\w*|eintrag\w*|erfass\w*)\b|\b(?:book|post|buch\w*)\b[^.?!]*\b(?:in|im|ins)\s+(?:sap|erp)\b/i;
/** "did we order …?", "wann wurde bestellt": a question about an order, which the stock answer covers. */
const ASKED = /^\s*(?:did|have|has|was|were|when|wann|wurde|haben wir|hat)\b|\?\s*$/i;

export function purchaseAsked(text: string): Plan | undefined {
  const receipt = RECEIPT.test(text);
  if ((!PURCHASE.test(text) && !receipt) || ASKED.test(text)) return undefined;
  const german = detectLanguage(text) === 'de';
  const what = receipt
    ? german
      ? 'Wareneingänge buche ich nicht: Das geschieht im ERP (z. B. SAP) am Wareneingang.'
      : 'I do not book goods receipts: that happens in the ERP (e.g. SAP) at goods-in.'
    : german
      ? 'Bestellen kann ich nicht: Bestellungen laufen über den Einkauf bzw. das ERP, nicht über die Werkzeuge dieses Copiloten.'
      : 'I cannot order parts: purchasing goes through the buyers and the ERP, not through this copilot’s tools.';
  const offer = german
    ? 'Ich kann Bestand und Reichweite zeigen („wie lange reicht der 744043100?“) oder die Folgen einer späten Lieferung abschätzen.'
    : 'I can show the stock and how long it lasts (“how long does the 744043100 last?”) or what a late delivery hits.';
  return { kind: 'reply', reason: 'unavailable', text: `${what} ${offer}` };
}
