/** The compact, model-facing view of a draft that the read tools return (the page shows the full draft). */
import { z } from 'zod';
import type { ScheduleDraft } from '../service/draft-store';

export const KpisOut = z.object({
  makespanMin: z.number(),
  totalTardinessMin: z.number(),
  maxTardinessMin: z.number(),
  weightedTardinessMin: z.number(),
  onTimePct: z.number(),
  lateOrderIds: z.array(z.string()),
  setups: z.number(),
  setupMin: z.number(),
  utilisationPct: z.record(z.string(), z.number()),
});

export const DeltaOut = KpisOut.omit({ lateOrderIds: true });

export const LineOut = z.object({
  lineId: z.string(),
  orders: z.array(
    z.object({ orderId: z.string(), productId: z.string(), startAt: z.string(), endAt: z.string(), dueAt: z.string(), tardinessMin: z.number() }),
  ),
});

export const DraftSummary = z.object({
  draftId: z.string(),
  createdAt: z.string(),
  comparedWith: z.string(),
  kpis: KpisOut,
  comparedKpis: KpisOut,
  /** draft − compared; negative makespan and tardiness deltas are improvements. */
  delta: DeltaOut,
  lines: z.array(LineOut),
  releasable: z.boolean(),
});
export type DraftSummary = z.infer<typeof DraftSummary>;

function kpisOut(kpis: ScheduleDraft['kpis']): z.infer<typeof KpisOut> {
  const { orderCount: _orderCount, ...rest } = kpis;
  return rest;
}

export function summariseDraft(draft: ScheduleDraft): DraftSummary {
  return {
    draftId: draft.id,
    createdAt: draft.createdAt,
    comparedWith: draft.compared.label,
    kpis: kpisOut(draft.kpis),
    comparedKpis: kpisOut(draft.compared.kpis),
    delta: draft.delta,
    lines: draft.schedule.lines.map((line) => ({
      lineId: line.lineId,
      orders: line.orders.map((o) => ({
        orderId: o.orderId,
        productId: o.productId,
        startAt: o.startAt,
        endAt: o.endAt,
        dueAt: o.dueAt,
        tardinessMin: o.tardinessMin,
      })),
    })),
    releasable: draft.releasable,
  };
}
