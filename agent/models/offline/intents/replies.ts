/**
 * The model's own replies, in the request's language: clarifying questions, what it can help with,
 * what is not available here, and the concrete readings it offers when it is unsure.
 */
import type { AssetResolution } from '../asset-resolver';
import type { Classification } from '../intent-classifier';
import type { Language } from '../training-set';
import { INTENTS, type Intent } from './catalogue';
import type { Plan } from './types';

export function say(language: Language, english: string, german: string): string {
  return language === 'de' ? german : english;
}

export function list(items: string[], language: Language = 'en'): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${say(language, 'or', 'oder')} ${items.at(-1)}`;
}

/** A plain reply that does nothing in the plant: chatter answered, a question no tool can answer. */
export function noAction(text: string): Plan {
  return { kind: 'reply', reason: 'unknown', text };
}

export function clarify(text: string): Plan {
  return { kind: 'reply', reason: 'clarify', text };
}

export function clarifyAsset(resolution: Extract<AssetResolution, { kind: 'ambiguous' }>, language: Language): Plan {
  const options = resolution.candidates.map((asset) => `**${asset.name}** (${asset.id})`);
  return clarify(
    say(
      language,
      `Which one do you mean: ${list(options)}? Name the line or the machine id, e.g. “${resolution.candidates[0]!.id}”.`,
      `Welche meinen Sie: ${list(options, 'de')}? Nennen Sie die Linie oder die Maschinen-ID, z. B. „${resolution.candidates[0]!.id}“.`,
    ),
  );
}

/** What the offline model can help with, given the tools present now. */
export function capabilities(availableTools: ReadonlySet<string>, language: Language = 'en'): string {
  const lines = (Object.keys(INTENTS) as Intent[])
    .filter((intent) => availableTools.has(INTENTS[intent].tool))
    .map((intent) => `- ${INTENTS[intent].label} — e.g. “${INTENTS[intent].example}”`);
  if (lines.length === 0) return 'No plant tools are available on this server yet, so I cannot look anything up. Ask an administrator to connect the plant.';
  return `${say(language, 'I can help with:', 'Ich helfe bei (Beispiele auf Englisch, Deutsch verstehe ich auch) — I can help with:')}\n${lines.join('\n')}`;
}

export function unavailable(intent: Intent, availableTools: ReadonlySet<string>, language: Language): Plan {
  return {
    kind: 'reply',
    reason: 'unavailable',
    text: `I cannot help with ${INTENTS[intent].label} here: that capability (\`${INTENTS[intent].tool}\`) is not available on this server.\n\n${capabilities(availableTools, language)}`,
  };
}

/** The concrete readings offered when the classifier is unsure: its top intents, phrased for this request. */
function readings(classification: Classification, language: Language, target: string | undefined, availableTools: ReadonlySet<string>): string[] {
  const phrase: Partial<Record<Intent, [string, string]>> = {
    plant_overview: ['the plant overview', 'den Überblick über das Werk'],
    production_status: ['production status and order progress', 'den Produktionsstatus und Auftragsfortschritt'],
    asset_state: [`the live state of ${target ?? 'a machine'}`, `den aktuellen Zustand von ${target ?? 'einer Maschine'}`],
    alarms: [`the alarms${target ? ` of ${target}` : ''}`, `die Alarme${target ? ` von ${target}` : ''}`],
    tag_history: [`a trend${target ? ` of ${target}` : ''}`, `einen Verlauf${target ? ` von ${target}` : ''}`],
    search_manuals: ['the manuals', 'die Handbücher'],
    propose_schedule: ['a new schedule proposal', 'einen neuen Planvorschlag'],
    what_if: ['a what-if scenario', 'ein Was-wäre-wenn-Szenario'],
    explain_late_order: ['why an order is late', 'warum ein Auftrag spät ist'],
    maintenance_forecast: [`the maintenance forecast${target ? ` of ${target}` : ''}`, `die Wartungsprognose${target ? ` von ${target}` : ''}`],
    list_work_orders: ['the work orders', 'die Arbeitsaufträge'],
    inspection_results: ['inspection results', 'die Inspektionsergebnisse'],
    trigger_inspection: ['starting an inspection', 'eine Inspektion starten'],
    generate_shift_handover: ['the shift handover', 'die Schichtübergabe'],
    material_status: ['material stock and run-out', 'Materialbestand und Reichweite'],
    supply_disruption_impact: ['what a late delivery hits', 'was eine späte Lieferung trifft'],
    plan_replenishment: ['the replenishment runs', 'die Nachschubfahrten'],
  };
  const ranked = [{ intent: classification.intent, score: classification.score }, ...classification.alternatives];
  const out: string[] = [];
  for (const { intent } of ranked) {
    const text = phrase[intent as Intent];
    if (!text || !availableTools.has(INTENTS[intent as Intent].tool)) continue;
    out.push(say(language, text[0], text[1]));
    if (out.length === 3) break;
  }
  if (out.length < 2) {
    for (const intent of ['asset_state', 'alarms', 'plant_overview'] as Intent[]) {
      const text = phrase[intent]!;
      const option = say(language, text[0], text[1]);
      if (!out.includes(option) && availableTools.has(INTENTS[intent].tool)) out.push(option);
      if (out.length === 3) break;
    }
  }
  return out;
}

export function lowConfidence(classification: Classification, language: Language, target: string | undefined, availableTools: ReadonlySet<string>): Plan {
  // Two readings can say the same ("the live state of Line2" for a machine and a line intent): say it once.
  const options = [...new Set(readings(classification, language, target, availableTools))].map((option) => `**${option}**`);
  return clarify(
    say(
      language,
      `I am not sure what you mean. Do you want ${list(options)}? Say it in a few words, e.g. “${INTENTS.asset_state.example}”.`,
      `Ich bin nicht sicher, was Sie meinen. Möchten Sie ${list(options, 'de')}? Sagen Sie es in wenigen Worten, z. B. „Was macht der Ofen auf Linie 1?“.`,
    ),
  );
}

export function chatterReply(language: Language): Plan {
  return {
    kind: 'reply',
    reason: 'unknown',
    text: say(
      language,
      'Okay — I did not take that as a command for a machine. Ask again when you are ready.',
      'In Ordnung — das habe ich nicht als Befehl für eine Maschine verstanden. Fragen Sie einfach wieder.',
    ),
  };
}
