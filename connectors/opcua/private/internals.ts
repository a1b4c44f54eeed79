/**
 * What the write path may reach inside a connection, and nothing else may: the live session and
 * the mapping. Kept in a WeakMap so the public PlantConnection type has no way to write.
 */
import type { ClientSession, DataType } from 'node-opcua';
import type { MappedMethod, MappedTag } from '../asset-mapping';
import type { PlantConnection } from '../plant-connection';

export interface PlantInternals {
  endpointUrl: string;
  /** Who the session acts as, for error messages: `user "operator"` or `anonymous`. */
  identityLabel: string;
  /** The live session; throws AppError('plant_unreachable') while the link is down. */
  liveSession(): ClientSession;
  findTag(assetId: string, tagId: string): MappedTag;
  findMethod(assetId: string, methodId: string): MappedMethod;
  /** The data type the server last reported for a tag, when known. */
  dataTypeOf(assetId: string, tagId: string): DataType | undefined;
}

const registry = new WeakMap<PlantConnection, PlantInternals>();

export function registerInternals(connection: PlantConnection, internals: PlantInternals): void {
  registry.set(connection, internals);
}

export function internalsOf(connection: PlantConnection): PlantInternals {
  const internals = registry.get(connection);
  if (!internals) throw new Error('Not a connection made by connectPlant().');
  return internals;
}
