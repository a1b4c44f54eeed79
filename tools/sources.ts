/**
 * Sources that answers cite. Every fact a tool returns that a person may want to check carries a
 * Source; the UI renders them as numbered citations that open their target.
 */
import { z } from 'zod';

export const SourceKind = z.enum(['manual', 'tag', 'alarm', 'event', 'order', 'approval', 'work_order', 'inspection', 'schedule', 'forecast', 'handover']);
export type SourceKind = z.infer<typeof SourceKind>;

export const Source = z.object({
  kind: SourceKind,
  /** Stable id of the target (chunk id, `L1-RFL/Zone4.TemperatureC`, alarm event id, …). */
  id: z.string(),
  title: z.string(),
  /** Where the UI opens it, relative to the app (e.g. `/manuals/reflow-oven-manual.md#alarm-e-214`). */
  href: z.string().optional(),
  /** A short excerpt or the value cited. */
  snippet: z.string().optional(),
  /** For time-series sources: the window the claim covers. */
  from: z.string().optional(),
  to: z.string().optional(),
});
export type Source = z.infer<typeof Source>;
