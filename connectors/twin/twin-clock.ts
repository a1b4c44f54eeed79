/**
 * Advances a twin by `tickMs × speed` of simulated time every `tickMs` of wall time. The OPC UA
 * server keeps its own timer; this one drives a twin that is published some other way (Sparkplug).
 */
import type { PlantTwin } from './simulation';

export function startTwinClock(twin: PlantTwin, options: { tickMs?: number; speed?: number } = {}): () => void {
  const tickMs = options.tickMs ?? 500;
  const simulatedMsPerTick = tickMs * (options.speed ?? 1);
  const timer = setInterval(() => twin.step(simulatedMsPerTick), tickMs);
  return () => clearInterval(timer);
}
