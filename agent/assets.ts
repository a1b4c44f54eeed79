/**
 * The assets the agent can talk about, provided at run time by whoever knows the plant (the twin's
 * catalogue, or a real plant's OPC UA mapping), so the offline model resolves names against the
 * live list rather than a built-in one.
 */
import { z } from 'zod';

export const AssetTag = z.object({
  id: z.string(),
  name: z.string().optional(),
  unit: z.string().optional(),
  writable: z.boolean().optional(),
  /** For a setpoint, the range a write must fall in (OPC UA EURange): a value outside it is asked back, not filed. */
  range: z.object({ low: z.number(), high: z.number() }).optional(),
});
export type AssetTag = z.infer<typeof AssetTag>;

export const AssetRef = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  /** The line it belongs to (`Line1`); absent for utilities and for lines themselves. */
  line: z.string().optional(),
  /** Machine type (`reflow-oven`) or `line` for a production line. */
  type: z.string(),
  aliases: z.array(z.string()).default([]),
  tags: z.array(AssetTag).optional(),
});
export type AssetRef = z.infer<typeof AssetRef>;

export type ListAssets = () => Promise<AssetRef[]>;
