/**
 * The six PCB defect classes, numbered as in DeepPCB so results can be scored against it.
 */
import { z } from 'zod';

export const DEFECT_NAMES = ['open', 'short', 'mousebite', 'spur', 'copper', 'pin-hole'] as const;
export type DefectName = (typeof DEFECT_NAMES)[number];

export const DefectTypeId = z.number().int().min(1).max(6);
/** 1 open, 2 short, 3 mousebite, 4 spur, 5 spurious copper, 6 pin-hole. */
export type DefectTypeId = 1 | 2 | 3 | 4 | 5 | 6;

export const DEFECT_TYPE_IDS: readonly DefectTypeId[] = [1, 2, 3, 4, 5, 6];

export function defectName(type: DefectTypeId): DefectName {
  return DEFECT_NAMES[type - 1];
}

export function defectTypeFromName(name: string): DefectTypeId | undefined {
  const index = DEFECT_NAMES.indexOf(name as DefectName);
  return index < 0 ? undefined : ((index + 1) as DefectTypeId);
}

/** An axis-aligned box in pixels; (x1, y1) top-left, (x2, y2) bottom-right, as DeepPCB writes them. */
export const Box = z.object({ x1: z.number(), y1: z.number(), x2: z.number(), y2: z.number() });
export type Box = z.infer<typeof Box>;

export const Defect = Box.extend({
  type: DefectTypeId,
  name: z.enum(DEFECT_NAMES),
  /** 0..1; higher means more certain. Used to rank detections for mAP. */
  confidence: z.number().min(0).max(1),
});
export type Defect = Omit<z.infer<typeof Defect>, 'type'> & { type: DefectTypeId };

/** A ground-truth annotation: a box and its class, no confidence. */
export type LabeledBox = Box & { type: DefectTypeId };
