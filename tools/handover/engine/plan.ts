/**
 * The production plan for a line over a window, from the plant catalogue's products and orders.
 *
 * How: the line's product segments (the `ProductId`/`OrderId` tags of its output machine over the
 * window; without any, the first catalogue order planned on the line) are each planned at the
 * product's ideal rate (one board per slowest routing step at 100 % speed) times the plant's target
 * efficiency (default 85 %, the usual OEE target for SMT lines). So "plan" means what the line should
 * make at target OEE for what it was set up to run; a released schedule can replace this by passing a
 * `PlanProvider` to the service.
 */
import { INITIAL_ORDERS, PRODUCTS } from '@/connectors/twin/catalogue';
import type { Source } from '../../sources';
import type { LinePlan, ProductSegment, ReportWindow } from '../../kpis/engine/production-facts';
import { tagSource } from './citations';

export const DEFAULT_TARGET_EFFICIENCY = 0.85;

export type PlanProvider = (input: { lineId: string; outputMachineId: string; window: ReportWindow; segments: ProductSegment[] }) => Promise<LinePlan | null>;

/** Slowest routing step per product at 100 % speed: the line's takt for that product. */
export function idealCycleTimes(): Record<string, number> {
  return Object.fromEntries(PRODUCTS.map((product) => [product.id, Math.max(...product.routing.map((step) => step.cycleTimeS))]));
}

/** The segments to plan: the recorded ones, or the first catalogue order on the line for the whole window. */
export function planningSegments(
  lineId: string,
  window: ReportWindow,
  recorded: readonly ProductSegment[],
): { segments: ProductSegment[]; fromCatalogue: boolean } {
  const known = recorded.filter((segment) => segment.lineId === lineId && segment.productId);
  if (known.length > 0) return { segments: known, fromCatalogue: false };
  const order = INITIAL_ORDERS.find((candidate) => candidate.lineId === lineId);
  if (!order) return { segments: [], fromCatalogue: true };
  return { segments: [{ lineId, productId: order.productId, orderId: order.id, from: window.from, to: window.to }], fromCatalogue: true };
}

export function catalogueLinePlan(
  line: { id: string; outputMachineId: string },
  window: ReportWindow,
  recorded: readonly ProductSegment[],
  targetEfficiency = DEFAULT_TARGET_EFFICIENCY,
): LinePlan | null {
  const { segments, fromCatalogue } = planningSegments(line.id, window, recorded);
  const cycleTimes = idealCycleTimes();
  let plannedUnits = 0;
  const parts: string[] = [];
  const sources: Source[] = [];
  for (const segment of segments) {
    const cycleTimeS = segment.productId ? cycleTimes[segment.productId] : undefined;
    if (!cycleTimeS) continue;
    const hours = (Date.parse(segment.to) - Date.parse(segment.from)) / 3_600_000;
    const units = Math.floor((hours * 3600 * targetEfficiency) / cycleTimeS);
    plannedUnits += units;
    parts.push(`${segment.productId}${segment.orderId ? ` (${segment.orderId})` : ''} ${hours.toFixed(1)} h at ${cycleTimeS} s/board`);
    if (segment.orderId) {
      sources.push({
        kind: 'order',
        id: segment.orderId,
        title: `Order ${segment.orderId} (${segment.productId})`,
        href: '/schedule',
        snippet: `Ideal cycle ${cycleTimeS} s per board`,
      });
    }
  }
  if (parts.length === 0) return null;
  if (!fromCatalogue) sources.push(tagSource(line.outputMachineId, 'ProductId', window.from, window.to));
  const basis = `${parts.join('; ')} × ${Math.round(targetEfficiency * 100)} % target efficiency${fromCatalogue ? ' (no product recorded; first catalogue order on the line)' : ''}`;
  return { lineId: line.id, plannedUnits, basis, sources };
}
