/**
 * The handover's view of material: every announced late or short delivery still open, with its parts'
 * run-out times, the orders it starves or delays, and the recommended response.
 */
import type { MaterialDisruptionFact } from '../../handover/engine/report-types';
import type { MaterialSource } from '../../handover/service/gather';
import { disruptionImpact } from '../engine/disruption-impact';
import type { MaterialService } from './material-service';

export function materialHandoverSource(service: Pick<MaterialService, 'snapshot'>): MaterialSource {
  return {
    async disruptions(): Promise<MaterialDisruptionFact[]> {
      const snapshot = await service.snapshot();
      const announced = snapshot.deliveries.filter((d) => d.disruption && d.status !== 'arrived');
      if (announced.length === 0) return [];
      const impact = disruptionImpact(snapshot, {}, Date.parse(snapshot.time));
      const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
      return announced.map((delivery) => {
        const parts = new Set(delivery.lines.map((l) => l.partNumber));
        return {
          asnId: delivery.asnId,
          supplierName: delivery.supplierName,
          kind: delivery.disruption!.kind,
          delayH: Math.round(delivery.disruption!.delayH * 10) / 10,
          shortfallPct: Math.round(delivery.disruption!.shortfallShare * 100),
          reason: delivery.disruption!.reason,
          eta: delivery.eta,
          parts: impact.parts
            .filter((p) => parts.has(p.partNumber) && p.runOutAfterMs !== null)
            .map((p) => ({ partNumber: p.partNumber, runOutAt: iso(p.runOutAfterMs) })),
          orders: impact.affectedOrders
            .filter((o) => o.partNumber === null || parts.has(o.partNumber))
            .map((o) => ({ orderId: o.orderId, lineId: o.lineId, missingPart: o.partNumber, slipH: o.slipH, late: o.late })),
          recommended: impact.recommended?.summary ?? null,
        };
      });
    },
  };
}
