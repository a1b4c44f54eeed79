/**
 * The material side of the running app: where stock and deliveries come from (the built-in twin's
 * material service, or the plant's own at PLANTPILOT_MATERIAL_URL) and the VDA 5050 fleet on the
 * MQTT broker. The fleet connects in the background: without a broker, stock, deliveries and
 * disruption impact still work, health says the fleet is offline, and transport orders are refused.
 */
import type { TwinServer } from '@/connectors/twin/server';
import type { FleetClient } from '@/connectors/vda5050/fleet-client';
import type { Config } from '@/lib/config';
import type { HealthCheck } from '@/lib/health';
import type { Logger } from '@/lib/log';
import type { SchedulingService } from '@/tools/scheduling/service/scheduling-service';
import { createMaterialService, type MaterialService } from '@/tools/material/service/material-service';

export type MaterialPart = { service?: MaterialService; health: HealthCheck; stop(): Promise<void> };

export async function startMaterialPart(options: {
  config: Config;
  log: Logger;
  /** The in-process twin, whose material side is started here; absent with a real plant. */
  twin?: TwinServer;
  scheduling?: SchedulingService;
}): Promise<MaterialPart> {
  const { config, log } = options;
  const { mqttUrl, interfaceName } = config.material;
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const close of stops.reverse()) await close().catch((error: unknown) => log.warn({ err: error }, 'The material part did not stop cleanly'));
  };

  let materialUrl = config.material.materialUrl;
  if (!materialUrl && options.twin) {
    const { startMaterialPlant } = await import('@/connectors/twin/material/material-plant');
    const plant = await startMaterialPlant({ twin: options.twin.twin, mqttUrl, interfaceName, waitForBroker: false });
    stops.push(plant.close);
    materialUrl = plant.materialUrl;
  }
  if (!materialUrl) {
    return {
      health: async () => ({
        status: 'ok',
        reason: 'Not configured: set PLANTPILOT_MATERIAL_URL to the plant’s material service to get stock, deliveries and transport runs.',
      }),
      stop,
    };
  }

  const { openFleetClient } = await import('@/connectors/vda5050/fleet-client');
  const fleet: FleetClient = await openFleetClient({ mqttUrl, interfaceName, connect: 'background' });
  stops.push(() => fleet.close());
  const service = createMaterialService({ materialUrl, fleet, scheduling: options.scheduling });
  const source = config.material.materialUrl ? `material service at ${materialUrl}` : 'the twin’s material service';

  return {
    service,
    stop,
    health: async () => {
      await service.snapshot(); // throws with what to do when the material service does not answer
      if (!fleet.connected()) {
        return {
          status: 'degraded',
          reason: `Stock and deliveries from ${source}; the fleet's MQTT broker at ${mqttUrl} is not reachable${fleet.lastError() ? ` (${fleet.lastError()})` : ''}, so transport runs cannot be sent. Start Mosquitto or set PLANTPILOT_MQTT_URL.`,
        };
      }
      const vehicles = fleet.vehicles();
      const online = vehicles.filter((v) => v.connectionState === 'ONLINE').length;
      return { status: 'ok', reason: `Stock and deliveries from ${source}; fleet on ${mqttUrl}: ${online} of ${vehicles.length} vehicles online.` };
    },
  };
}
