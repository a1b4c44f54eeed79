/**
 * "What if …" in plain English → one of the scheduler's what-if scenarios (tools/scheduling/plant/
 * scenarios.ts), or a question back when the text does not say enough.
 */
import type { AssetRef } from '../../assets';

type Scenario =
  | { type: 'machine_down'; asset: string; hours: number }
  | { type: 'rush_order'; product: string; quantity: number; dueInHours: number }
  | { type: 'material_delay'; order: string; hours: number }
  | { type: 'extra_shift'; line?: string };

export type WhatIfReading = { kind: 'scenario'; scenario: Scenario } | { kind: 'clarify'; text: string };

const KINDS =
  'I can plan these what-ifs: a machine down (“what if L1-PNP2 is down for 8 hours”), a rush order (“what if a rush order of 300 HMI-7MB is due in 12 hours”), ' +
  'a material delay (“what if material for PO-24118 is 6 hours late”) or an extra shift (“what if line 1 gets an extra shift”).';

export function whatIfScenario(text: string, machine: AssetRef | undefined, lineId: string | undefined): WhatIfReading {
  const hoursMatch = /(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b/i.exec(text);
  const hours = hoursMatch ? Number(hoursMatch[1]) : undefined;
  if (/\bextra shift\b|\badditional shift\b|\bovertime\b|\bweekend shift\b/i.test(text))
    return { kind: 'scenario', scenario: { type: 'extra_shift', ...(lineId ? { line: lineId } : {}) } };
  const order = /\b(PO)[-\s]?(\d{3,})\b/i.exec(text);
  if (order && /\b(material|parts|components?|reels?|paste|delivery)\b/i.test(text)) {
    return { kind: 'scenario', scenario: { type: 'material_delay', order: `PO-${order[2]}`, hours: hours ?? 4 } };
  }
  if (/\brush\b|\burgent\b|\bextra order\b|\bnew order\b/i.test(text)) {
    const product = /\b(?!PO-)([A-Z]{2,5}-[A-Z0-9]{2,})\b/.exec(text)?.[1];
    const quantity = Number(
      /\b(\d+)\s*(?:x\s*|pcs\s*|boards?\s*|units?\s*|pieces\s*)?(?:of\s+)?[A-Z]{2,5}-[A-Z0-9]/i.exec(text)?.[1] ?? /\bof\s+(\d+)\b/i.exec(text)?.[1],
    );
    const due = /\bdue\s+in\s+(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b/i.exec(text) ?? /\bwithin\s+(\d+(?:\.\d+)?)\s*(?:hours?|hrs?|h)\b/i.exec(text);
    if (!product || !Number.isInteger(quantity) || quantity <= 0) {
      return { kind: 'clarify', text: 'Which product and how many? Say e.g. “what if a rush order of 300 HMI-7MB is due in 12 hours”.' };
    }
    return { kind: 'scenario', scenario: { type: 'rush_order', product, quantity, dueInHours: due ? Number(due[1]) : 24 } };
  }
  if (/\b(down|broken|breaks?|fails?|failed|stops?|stopped|offline|out of (?:service|action)|unavailable)\b/i.test(text)) {
    if (machine) return { kind: 'scenario', scenario: { type: 'machine_down', asset: machine.id, hours: hours ?? 4 } };
    return {
      kind: 'clarify',
      text: `Which machine is down${lineId ? ` on ${lineId}` : ''}? Name it, e.g. “what if the reflow oven on line 2 is down for 4 hours”.`,
    };
  }
  return { kind: 'clarify', text: KINDS };
}
