/**
 * How the write path reaches a source that is not an OPC UA session, and how it finds the source
 * that owns an asset in a plant made of several. Both live in WeakMaps keyed by the connection, so
 * the public PlantConnection type stays read-only: only connectors/opcua/write-path.ts, the door the
 * approval gate uses, looks them up. An OPC UA connection registers neither and keeps its own path.
 */
import type { MappedTag } from '@/connectors/opcua/asset-mapping';
import type { PlantConnection, ScalarValue, TagValue } from '@/connectors/opcua/plant-connection';

/** A source's own way of changing the plant (Sparkplug B: DCMD/NCMD with read-back from the next DATA). */
export interface WriteDriver {
  kind: 'sparkplug';
  findTag(assetId: string, tagId: string): MappedTag;
  /** Sends the value and resolves with what the source reported afterwards. Checks are done by the caller. */
  writeTag(assetId: string, tagId: string, value: number | string | boolean): Promise<{ address: string; written: ScalarValue; readBack: TagValue }>;
  callMethod(assetId: string, methodId: string, args: unknown[]): Promise<{ outputs: ScalarValue[]; statusText: string }>;
}

/** A plant of several sources: which one owns an asset (throws not_found for an unknown one). */
export type SourceRouter = (assetId: string) => PlantConnection;

const drivers = new WeakMap<PlantConnection, WriteDriver>();
const routers = new WeakMap<PlantConnection, SourceRouter>();

export function registerWriteDriver(connection: PlantConnection, driver: WriteDriver): void {
  drivers.set(connection, driver);
}

export function writeDriverOf(connection: PlantConnection): WriteDriver | undefined {
  return drivers.get(connection);
}

export function registerSourceRouter(connection: PlantConnection, router: SourceRouter): void {
  routers.set(connection, router);
}

/** The connection that really owns the asset: the connection itself unless it is a plant of sources. */
export function owningSource(connection: PlantConnection, assetId: string): PlantConnection {
  const router = routers.get(connection);
  return router ? owningSource(router(assetId), assetId) : connection;
}
