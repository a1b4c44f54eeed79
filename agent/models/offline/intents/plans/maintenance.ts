/** Plans for maintenance: the remaining-life forecast, listing work orders and booking one in the recommended window. */
import type { AssetRef } from '../../../../assets';
import { latestOutput } from '../../earlier-results';
import { slotWindow } from '../../time-window';
import type { Language } from '../../training-set';
import { clarify, say } from '../replies';
import { exampleWindow, explicitWindow } from '../slots';
import { DEFAULT_TIME_ZONE, type Plan, type PlanInput } from '../types';
import type { PlanContext } from './plan-context';

export function planMaintenanceForecast(plan: PlanContext): Plan {
  const { machine, lineId, call } = plan;
  return call(machine ? { asset: machine.id } : lineId ? { line: lineId } : {});
}

export function planListWorkOrders(plan: PlanContext): Plan {
  const { lower, machine, call } = plan;
  const status = /\bin ?progress\b|\bin arbeit\b|\blaufende[nr]?\b|\blaufen\b|\bongoing\b|\bbeing worked\b|\bactive\b|\baktive[nr]?\b/.test(lower)
    ? 'in_progress'
    : /\b(planned|geplant\w*|eingeplant)\b/.test(lower)
      ? 'planned'
      : /\b(done|closed|completed|finished|erledigt\w*|abgeschlossen\w*|fertig\w*)\b/.test(lower)
        ? 'done'
        : /\b(cancel\w*|storn\w*|abgesagt\w*)\b/.test(lower)
          ? 'cancelled'
          : undefined;
  const limit = Number(/\b(?:last|latest|letzten?)\s+(\d{1,3})\b/.exec(lower)?.[1]);
  // "status of WO-1003", "Arbeitsauftrag Nr. 12": one order by its id; the tool pads the number.
  const id = workOrderNumber(lower);
  if (id) return call({ id: `WO-${id}` });
  return call({ ...(machine ? { asset: machine.id } : {}), ...(status ? { status } : {}), ...(Number.isInteger(limit) && limit > 0 ? { limit } : {}) });
}

function workOrderNumber(lower: string): string | undefined {
  return (
    /\bwo[-\s_#]?(\d{1,6})\b/.exec(lower)?.[1] ??
    /\b(?:work ?order|arbeitsauftrag\w*|wartungsauftrag\w*)\s*(?:no\.?|nr\.?|number|nummer|#)?\s*(\d{1,6})\b/.exec(lower)?.[1]
  );
}

export function planCreateWorkOrder(plan: PlanContext): Plan {
  const { input, combined, language, machine, call, needAsset } = plan;
  return workOrderPlan(input, combined, machine, call, needAsset, language);
}

type Outlook = { assetId: string; component?: string; recommendedWindow?: { from: string; to: string } | null };

/**
 * A work order needs an asset, a window and a task. The window is the one the last maintenance
 * forecast recommended for that asset (or two times given in the request); without either the
 * model asks, rather than inventing a time for people to be on the shop floor.
 */
function workOrderPlan(
  input: PlanInput,
  combined: string,
  machine: AssetRef | undefined,
  call: (args: Record<string, unknown>) => Plan,
  needAsset: (what: string) => Plan,
  language: Language,
): Plan {
  const outlooks = latestOutput(input.earlier, ['maintenance_forecast'], (output) => (output as { assets?: Outlook[] }).assets) ?? [];
  const outlook = machine ? outlooks.find((o) => o.assetId === machine.id) : outlooks.length === 1 ? outlooks[0] : undefined;
  const assetId = machine?.id ?? outlook?.assetId;
  if (!assetId) return needAsset(say(language, 'the work order', 'den Arbeitsauftrag'));
  const window =
    explicitWindow(combined) ??
    slotWindow(input.text, { now: input.now, timeZone: input.timeZone ?? DEFAULT_TIME_ZONE }) ??
    outlook?.recommendedWindow ??
    undefined;
  if (!window) {
    const example = exampleWindow(input.now);
    return clarify(
      say(
        language,
        `For a work order on ${assetId} I need its window. Ask for its maintenance forecast first (“When will ${assetId} need maintenance?”) and book the window it recommends, ` +
          `or give the window as “from ${example.from} to ${example.to}”.`,
        `Für einen Arbeitsauftrag an ${assetId} brauche ich das Zeitfenster. Fragen Sie zuerst nach der Wartungsprognose („Wann braucht ${assetId} Wartung?“) und buchen Sie das empfohlene Fenster, ` +
          `oder nennen Sie es als „von ${example.from} bis ${example.to}“.`,
      ),
    );
  }
  const task =
    /\b(?:to|um)\s+((?:replace|inspect|check|clean|lubricate|grease|service|change|overhaul|repair|calibrate|align)\b[^.?!]*)/i.exec(input.text)?.[1]?.trim() ??
    `Planned maintenance of the ${outlook?.component?.toLowerCase() ?? 'machine'}${outlook ? ' from the remaining-useful-life forecast' : ''}`;
  // "2 x SPB-6204", "2 bearings SPB-6204", "2 Stk. Lager SPB-6204": a count, at most two words, a part number.
  const parts = [
    ...input.text.matchAll(/\b(\d+)\s*(?:x|×|stk\.?|stück|pcs\.?|pieces?)?\s*(?:(?:of\s+)?[a-zäöüß-]+\s+){0,2}?([A-Z]{2,5}-\d{2,}[A-Z0-9-]*)\b/gi),
  ].map((match) => ({
    partNumber: match[2]!,
    quantity: Number(match[1]),
  }));
  return call({ asset: assetId, task, from: window.from, to: window.to, ...(parts.length ? { parts } : {}) });
}
