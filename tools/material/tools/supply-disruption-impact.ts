/**
 * `supply_disruption_impact`: a late or short delivery (or parts rejected at incoming inspection)
 * → the orders it starves, when each part runs out, and the best response with KPI deltas. Without
 * arguments it assesses the disruptions the plant has already announced. With a scheduler, the
 * worst slip is also run as a scheduler what-if (material delay) for its KPI deltas.
 */
import { z } from 'zod';
import { defineTool } from '../../tool';
import type { MaterialService } from '../service/material-service';

export const SupplyDisruptionImpactInput = z.strictObject({
  delivery: z.string().min(1).max(64).optional().describe('ASN id, e.g. ASN-4321'),
  part: z.string().min(1).max(64).optional().describe('part number'),
  supplier: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe('supplier id or name, e.g. Würth: with delayHours, the supplier ships nothing for that long (all its deliveries due meanwhile come late)'),
  delayHours: z
    .number()
    .positive()
    .max(24 * 14)
    .optional(),
  shortfallPct: z.number().positive().max(100).optional().describe('share of the delivery that will not come, %'),
  rejectedQuantity: z.number().int().positive().max(10_000_000).optional().describe('pieces found bad at incoming inspection'),
});

const Kpis = z.object({ lateOrders: z.number(), totalLatenessH: z.number(), lineIdleH: z.number() });
const Output = z.object({
  time: z.string(),
  assessed: z.string(),
  delayedDeliveries: z.array(z.string()).describe('ASN ids the delay moved: a supplier late by N h ships nothing for N h'),
  parts: z.array(
    z.object({ partNumber: z.string(), runOutBefore: z.string().nullable(), runOutAfter: z.string().nullable(), recoversAt: z.string().nullable() }),
  ),
  affectedOrders: z.array(
    z.object({
      orderId: z.string(),
      lineId: z.string(),
      productId: z.string(),
      missingPart: z.string().nullable(),
      starvesAt: z.string().nullable(),
      slipH: z.number(),
      late: z.boolean(),
      dueAt: z.string(),
    }),
  ),
  doNothing: Kpis,
  responses: z.array(z.object({ kind: z.string(), summary: z.string(), kpis: Kpis, delta: Kpis })),
  recommended: z.object({ kind: z.string(), summary: z.string() }).nullable(),
  schedulerWhatIf: z
    .object({
      scenario: z.string(),
      draftId: z.string(),
      lateOrders: z.array(z.string()),
      delta: z.object({ totalTardinessMin: z.number(), onTimePct: z.number(), makespanMin: z.number() }),
    })
    .nullable(),
});

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function supplyDisruptionImpactTool(service: MaterialService) {
  return defineTool({
    name: 'supply_disruption_impact',
    title: 'Supply disruption impact',
    description:
      'What a late or short delivery, or parts rejected at incoming inspection, does to production: which orders starve or slip and by how much, when each part runs out, ' +
      'and the recommended response (approved alternate part, resequence, split) with KPI deltas. Give a delivery (ASN id), a supplier (late by delayHours: nothing from them until then) or a part (its next delivery) with delayHours, shortfallPct or rejectedQuantity; ' +
      'give nothing to assess the disruptions the suppliers have already announced.',
    input: SupplyDisruptionImpactInput,
    output: Output,
    effect: 'read',
    async run(input) {
      const disruption = {
        asnId: input.delivery,
        partNumber: input.part,
        supplier: input.supplier,
        delayH: input.delayHours,
        shortfallShare: input.shortfallPct === undefined ? undefined : input.shortfallPct / 100,
        rejectedQuantity: input.rejectedQuantity,
      };
      const { snapshot, impact } = await service.impact(disruption);
      const announced = snapshot.deliveries.filter((d) => d.disruption && d.status !== 'arrived');
      const assessed =
        input.delivery || input.part || input.supplier
          ? [
              input.delivery && `delivery ${input.delivery}`,
              !input.delivery &&
                input.supplier &&
                (impact.delayedAsnIds.length > 1
                  ? `all ${impact.delayedAsnIds.length} deliveries from ${input.supplier} due within the delay (${impact.delayedAsnIds.join(', ')})`
                  : `next delivery from ${input.supplier}`),
              input.part && `part ${input.part}`,
              input.delayHours && `${input.delayHours} h late`,
              input.shortfallPct && `${input.shortfallPct} % short`,
              input.rejectedQuantity && `${input.rejectedQuantity} pcs rejected`,
            ]
              .filter(Boolean)
              .join(', ')
          : `announced disruptions: ${announced.map((d) => `${d.asnId} (${d.supplierName}, ${d.disruption!.kind}${d.disruption!.delayH ? ` ${d.disruption!.delayH.toFixed(1)} h` : ''})`).join('; ') || 'none'}`;
      let schedulerWhatIf: z.infer<typeof Output>['schedulerWhatIf'] = null;
      const worst = [...impact.affectedOrders].filter((o) => o.partNumber !== null).sort((a, b) => b.slipH - a.slipH)[0];
      if (service.scheduling && worst && worst.slipH > 0) {
        try {
          const draft = await service.scheduling.whatIf({ type: 'material_delay', order: worst.orderId, hours: Math.max(0.1, worst.slipH) }, { timeLimitS: 2 });
          schedulerWhatIf = {
            scenario: `material for ${worst.orderId} ${worst.slipH} h later`,
            draftId: draft.id,
            lateOrders: draft.kpis.lateOrderIds,
            delta: { totalTardinessMin: draft.delta.totalTardinessMin, onTimePct: draft.delta.onTimePct, makespanMin: draft.delta.makespanMin },
          };
        } catch {
          // The scheduler is an extra view; the material impact stands without it.
          schedulerWhatIf = null;
        }
      }
      return {
        time: snapshot.time,
        assessed,
        delayedDeliveries: impact.delayedAsnIds,
        parts: impact.parts.map((p) => ({
          partNumber: p.partNumber,
          runOutBefore: iso(p.runOutBeforeMs),
          runOutAfter: iso(p.runOutAfterMs),
          recoversAt: iso(p.recoverMs),
        })),
        affectedOrders: impact.affectedOrders.map((o) => ({
          orderId: o.orderId,
          lineId: o.lineId,
          productId: o.productId,
          missingPart: o.partNumber,
          starvesAt: iso(o.starvesAtMs),
          slipH: o.slipH,
          late: o.late,
          dueAt: new Date(o.dueAtMs).toISOString(),
        })),
        doNothing: impact.doNothing,
        responses: impact.responses,
        recommended: impact.recommended ? { kind: impact.recommended.kind, summary: impact.recommended.summary } : null,
        schedulerWhatIf,
      };
    },
  });
}
