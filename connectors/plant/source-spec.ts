/**
 * How to connect one source of the plant configuration: an OPC UA server with the options a single
 * OPCUA_ENDPOINT has, or a Sparkplug B group. Used by the app (start-plant-sources.ts) and by
 * `plantpilot plant check`, so both connect exactly alike.
 */
import path from 'node:path';
import type { Logger } from '@/lib/log';
import { loadAssetMapping } from '@/connectors/opcua/asset-mapping';
import { connectPlant, type PlantConnection } from '@/connectors/opcua/plant-connection';
import { connectSparkplug } from '@/connectors/sparkplug/sparkplug-source';
import type { SourceConfig } from './plant-config';
import type { SourceSpec } from './plant-of-sources';

/** Opening an OPC UA client certificate store is not safe to race: sources connect to OPC UA one at a time. */
let opcuaTurn: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const result = opcuaTurn.then(work, work);
  opcuaTurn = result.catch(() => undefined);
  return result;
}

/** How to connect one configured source; `log` is already the source's own. */
export function sourceSpec(source: SourceConfig, context: { dataDir: string; log: Logger }): SourceSpec {
  const { log } = context;
  if ('sparkplug' in source) {
    const { broker, groupId, edgeNodeId, username, password, clientId, hostId } = source.sparkplug;
    return {
      id: source.id,
      kind: 'sparkplug',
      address: `${broker} group ${groupId}${edgeNodeId ? ` node ${edgeNodeId}` : ''}`,
      connect: async () => {
        const connection = await connectSparkplug(
          { brokerUrl: broker, groupId, edgeNodeId, hostId, username, password, ...(clientId ? { clientId } : {}) },
          { log },
        );
        return connection;
      },
    };
  }
  const opcua = source.opcua;
  return {
    id: source.id,
    kind: 'opcua',
    address: opcua.endpoint,
    connect: () =>
      oneAtATime(async () => {
        const connection: PlantConnection = await connectPlant(
          {
            endpointUrl: opcua.endpoint,
            securityMode: opcua.securityMode,
            securityPolicy: opcua.securityPolicy,
            trustUnknownServerCertificate: opcua.trustUnknownServerCertificate,
            certificateDir: path.join(context.dataDir, 'opcua-pki'),
            identity: opcua.identity,
            staleWindowMs: opcua.staleWindowMs,
            samplingIntervalMs: opcua.samplingIntervalMs,
            publishingIntervalMs: opcua.publishingIntervalMs,
            deadband: opcua.deadband,
            tags: opcua.mappingFile
              ? { kind: 'mapping', mapping: await loadAssetMapping(opcua.mappingFile) }
              : { kind: 'browse', rootNodeId: opcua.browseRoot },
          },
          { log },
        );
        return connection;
      }),
  };
}
