/**
 * The engine's input shape: a unit (an engine, a pump, a motor) is a time-ordered list of
 * cycles, each with its operating settings and named sensor readings. C-MAPSS files and the
 * plant historian both map onto it, so the model never knows where the data came from.
 */
import { z } from 'zod';

export const CycleReading = z.object({
  cycle: z.number().int(),
  /** Operating settings (e.g. altitude, Mach, throttle); they define the operating regime. */
  settings: z.array(z.number().finite()),
  sensors: z.record(z.string(), z.number().finite()),
});
export type CycleReading = z.infer<typeof CycleReading>;

export const UnitHistory = z.object({
  unitId: z.string().min(1),
  /** Time-ordered, oldest first. For training units the last cycle is the failure. */
  cycles: z.array(CycleReading).min(1),
});
export type UnitHistory = z.infer<typeof UnitHistory>;
