/**
 * The parts the agent can talk about (part numbers, what they are, who supplies them), provided at
 * run time by whoever knows the plant's material master (the twin's catalogue, or the material
 * service), so the offline model reads "the STM32" or "die Würth-Lieferung" against the live list.
 */
import { z } from 'zod';

export const PartRef = z.object({
  partNumber: z.string().min(1),
  description: z.string().default(''),
  /** The supplier's name as people say it ("Würth Elektronik eiSos"); absent when unknown. */
  supplier: z.string().optional(),
  /** The supplier's id in the material master ("SUP-WURTH"), which the material tools take as exactly as its name. */
  supplierId: z.string().optional(),
});
export type PartRef = z.infer<typeof PartRef>;

export type ListParts = () => Promise<PartRef[]>;
