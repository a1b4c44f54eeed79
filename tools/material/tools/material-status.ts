/**
 * `material_status`: stock, run-out and the next delivery for a part, a line or an order.
 */
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { defineTool } from '../../tool';
import { lineRunOuts, orderWindows, partRunOut, type PartRunOut } from '../engine/run-out';
import type { MaterialService } from '../service/material-service';

export const MaterialStatusInput = z
  .strictObject({
    part: z.string().min(1).max(64).optional().describe('part number, e.g. STM32H743ZIT6'),
    line: z.string().min(1).max(64).optional().describe('line id, e.g. Line1'),
    order: z.string().min(1).max(64).optional().describe('production order id, e.g. PO-24117'),
  })
  .refine((input) => [input.part, input.line, input.order].filter(Boolean).length === 1, { message: 'give exactly one of part, line or order' });

const PartStatus = z.object({
  partNumber: z.string(),
  description: z.string(),
  stockWarehouse: z.number(),
  stockLineSide: z.record(z.string(), z.number()),
  demandPerHour: z.number(),
  lineSideRunOutAt: z.record(z.string(), z.string().nullable()),
  plantRunOutAt: z.string().nullable(),
  nextDelivery: z.object({ asnId: z.string(), eta: z.string(), quantity: z.number(), late: z.boolean() }).nullable(),
  alternates: z.array(z.string()),
  minFloorLifeH: z.number().nullable(),
});

const Output = z.object({ time: z.string(), scope: z.string(), parts: z.array(PartStatus) });

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export function materialStatusTool(service: MaterialService) {
  return defineTool({
    name: 'material_status',
    title: 'Material status',
    description:
      'Stock, run-out time and next delivery for one part (part number), one line (every part it needs, soonest run-out first) or one production order ' +
      '(the parts of its bill of materials). Run-out times are plant time: line-side (supermarket alone) and plant-wide (all stock plus announced deliveries).',
    input: MaterialStatusInput,
    output: Output,
    effect: 'read',
    async run(input) {
      const snapshot = await service.snapshot();
      const nowMs = Date.parse(snapshot.time);
      let runs: PartRunOut[];
      let scope: string;
      if (input.part) {
        if (!snapshot.parts.some((p) => p.partNumber === input.part))
          throw new AppError('not_found', `There is no part ${input.part}. Parts: ${snapshot.parts.map((p) => p.partNumber).join(', ')}.`);
        runs = [partRunOut(snapshot, input.part, nowMs)];
        scope = `part ${input.part}`;
      } else if (input.line) {
        const lineId = snapshot.lineQueues.find((q) => sameLine(q.lineId, input.line!))?.lineId;
        if (!lineId) throw new AppError('not_found', `There is no line ${input.line}. Lines: ${snapshot.lineQueues.map((q) => q.lineId).join(', ')}.`);
        runs = lineRunOuts(snapshot, lineId, nowMs);
        scope = `line ${lineId}`;
      } else {
        const order = snapshot.lineQueues.flatMap((q) => q.orders).find((o) => o.orderId === input.order);
        if (!order) throw new AppError('not_found', `Order ${input.order} is not in any line's open queue.`);
        const windows = orderWindows(snapshot, nowMs);
        runs = (snapshot.boms[order.productId] ?? []).filter((l) => l.quantityPerBoard > 0).map((l) => partRunOut(snapshot, l.partNumber, nowMs, windows));
        scope = `order ${order.orderId} (${order.productId})`;
      }
      return {
        time: snapshot.time,
        scope,
        parts: runs.map((run) => {
          const part = snapshot.parts.find((p) => p.partNumber === run.partNumber)!;
          const floorLives = snapshot.lots.filter((l) => l.partNumber === run.partNumber && l.floorLifeRemainingH !== null).map((l) => l.floorLifeRemainingH!);
          return {
            partNumber: run.partNumber,
            description: part.description,
            stockWarehouse: run.stock.warehouse,
            stockLineSide: run.stock.supermarkets,
            demandPerHour: Math.round(run.demandPerHour),
            lineSideRunOutAt: Object.fromEntries(Object.entries(run.lineSideRunOutMs).map(([line, ms]) => [line, iso(ms)])),
            plantRunOutAt: iso(run.plantRunOutMs),
            nextDelivery: run.nextDelivery
              ? { asnId: run.nextDelivery.asnId, eta: iso(run.nextDelivery.etaMs)!, quantity: run.nextDelivery.quantity, late: run.nextDelivery.late }
              : null,
            alternates: part.alternates,
            minFloorLifeH: floorLives.length ? Math.min(...floorLives) : null,
          };
        }),
      };
    },
  });
}

/** A line as people and models write it: "Line2", "line 2", "L2", "Linie 2" all name Line2. */
function sameLine(lineId: string, given: string): boolean {
  if (lineId.toLowerCase() === given.trim().toLowerCase()) return true;
  const number = /^(?:smt\s*)?(?:line|linie|ln|l)\s*-?\s*(\d+)$/i.exec(given.trim())?.[1];
  return number !== undefined && /(\d+)$/.exec(lineId)?.[1] === String(Number(number));
}
