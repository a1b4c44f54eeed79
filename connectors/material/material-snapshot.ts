/**
 * The plant's material state as its warehouse/MES service publishes it: master data (parts, BOMs),
 * stock lots per location, inbound deliveries (ASNs) with any announced disruption, the line-side
 * feeders and each line's order queue. The twin serves exactly this (connectors/twin/material);
 * a real plant would put an adapter to its WMS/MES behind the same schema. Parsed at the boundary.
 */
import { z } from 'zod';

const IsoTime = z.string().datetime({ offset: true });

export const PartRecord = z.object({
  partNumber: z.string(),
  description: z.string(),
  kind: z.enum(['reel', 'tray', 'pcb', 'solder-paste', 'stencil', 'packaging']),
  supplierId: z.string(),
  packQuantity: z.number().positive(),
  msl: z.enum(['2', '2a', '3', '4']).optional(),
  alternates: z.array(z.string()).default([]),
});
export type PartRecord = z.infer<typeof PartRecord>;

export const BomLineRecord = z.object({
  partNumber: z.string(),
  quantityPerBoard: z.number().nonnegative(),
  feederBank: z.number().int().min(1).max(4).optional(),
});
export type BomLineRecord = z.infer<typeof BomLineRecord>;

export const LocationRecord = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['warehouse', 'supermarket']),
  lineId: z.string().optional(),
});
export type LocationRecord = z.infer<typeof LocationRecord>;

export const LotRecord = z.object({
  lotId: z.string(),
  partNumber: z.string(),
  locationId: z.string(),
  quantity: z.number().nonnegative(),
  receivedAt: IsoTime,
  /** When the dry pack was opened (moisture-sensitive parts only). */
  openedAt: IsoTime.nullable(),
  /** Floor life left, hours; null when the part is not moisture sensitive or the pack is still sealed. */
  floorLifeRemainingH: z.number().nullable(),
});
export type LotRecord = z.infer<typeof LotRecord>;

export const DisruptionRecord = z.object({
  kind: z.enum(['late', 'short', 'late-and-short']),
  delayH: z.number().nonnegative(),
  /** Share of the announced quantity that will not come, 0–1. */
  shortfallShare: z.number().min(0).max(1),
  /** When the supplier announced it. */
  noticeAt: IsoTime,
  reason: z.string(),
});
export type DisruptionRecord = z.infer<typeof DisruptionRecord>;

export const DeliveryRecord = z.object({
  asnId: z.string(),
  supplierId: z.string(),
  supplierName: z.string(),
  status: z.enum(['in-transit', 'late', 'arrived']),
  plannedEta: IsoTime,
  /** Current expected arrival (the revised one once a delay is announced). */
  eta: IsoTime,
  arrivedAt: IsoTime.nullable(),
  lines: z.array(z.object({ partNumber: z.string(), orderedQuantity: z.number().nonnegative(), expectedQuantity: z.number().nonnegative() })),
  disruption: DisruptionRecord.nullable(),
});
export type DeliveryRecord = z.infer<typeof DeliveryRecord>;

export const FeederRecord = z.object({
  lineId: z.string(),
  machineId: z.string(),
  tagId: z.string(),
  bank: z.number().int().min(1).max(4),
  levelPct: z.number(),
  /** Parts of the running product on this bank. */
  partNumbers: z.array(z.string()),
});
export type FeederRecord = z.infer<typeof FeederRecord>;

export const QueuedOrderRecord = z.object({
  orderId: z.string(),
  productId: z.string(),
  remainingBoards: z.number().nonnegative(),
  boardsPerHour: z.number().positive(),
  dueAt: IsoTime,
  priority: z.number().int(),
});
export type QueuedOrderRecord = z.infer<typeof QueuedOrderRecord>;

export const MaterialSnapshot = z.object({
  time: IsoTime,
  parts: z.array(PartRecord),
  suppliers: z.array(z.object({ id: z.string(), name: z.string(), leadTimeH: z.number() })),
  boms: z.record(z.string(), z.array(BomLineRecord)),
  locations: z.array(LocationRecord),
  lots: z.array(LotRecord),
  deliveries: z.array(DeliveryRecord),
  feeders: z.array(FeederRecord),
  /** Each line's orders in sequence, the running one first. */
  lineQueues: z.array(z.object({ lineId: z.string(), orders: z.array(QueuedOrderRecord) })),
});
export type MaterialSnapshot = z.infer<typeof MaterialSnapshot>;
