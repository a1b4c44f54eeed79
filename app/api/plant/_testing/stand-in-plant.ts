/** Test support for the plant routes (a private folder: never a route). */
import type { AssetInfo, ConnectionState, PlantConnection, TagValue, ValueUpdate } from '@/connectors/opcua/plant-connection';
import { AppError } from '@/lib/errors';

const AT = new Date('2025-03-03T06:00:00Z');

/**
 * A stand-in for the plant connection's public interface (not node-opcua): one oven with a state
 * and a temperature; the test pushes values and counts the listeners a route holds.
 */
export function standInPlant() {
  const valueListeners = new Set<(update: ValueUpdate) => void>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  const asset: AssetInfo = {
    id: 'L1-RFL',
    name: 'Reflow oven L1',
    line: 'Line1',
    tags: [
      { id: 'State', nodeId: 'ns=1;s=State', writable: false },
      { id: 'Zone4.TemperatureC', nodeId: 'ns=1;s=Zone4', unit: '°C', writable: false },
    ],
    methods: [],
  };
  const values: Record<string, TagValue> = {
    State: { value: 'Execute', unit: null, sourceTimestamp: AT, serverTimestamp: null, quality: 'good', statusCode: 0, statusText: 'Good' },
    'Zone4.TemperatureC': { value: 240, unit: '°C', sourceTimestamp: AT, serverTimestamp: null, quality: 'good', statusCode: 0, statusText: 'Good' },
  };
  const valueOf = (assetId: string, tagId: string): TagValue => {
    const value = assetId === asset.id ? values[tagId] : undefined;
    if (!value) throw new AppError('not_found', `No tag ${assetId} ${tagId}.`);
    return value;
  };
  const plant: PlantConnection = {
    endpointUrl: 'opc.tcp://stand-in:4840',
    state: 'connected',
    listAssets: () => [asset],
    getAsset: (id) => {
      if (id !== asset.id) throw new AppError('not_found', `No asset ${id}.`);
      return { ...asset, values: { ...values } };
    },
    getValue: valueOf,
    readNow: async () => [],
    subscribe(listener) {
      valueListeners.add(listener);
      return () => valueListeners.delete(listener);
    },
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    stats: () => ({ monitoredItems: 2, reconnects: 0, lastHeardAt: null }),
    close: async () => undefined,
  };
  return {
    plant,
    listeners: () => valueListeners.size + stateListeners.size,
    /** Changes State and notifies; also a temperature change, which the board feed must not send. */
    push(value: Partial<TagValue>) {
      values.State = { ...values.State!, ...value };
      for (const listener of valueListeners) listener({ assetId: 'L1-RFL', tagId: 'State', value: values.State });
      for (const listener of valueListeners) listener({ assetId: 'L1-RFL', tagId: 'Zone4.TemperatureC', value: values['Zone4.TemperatureC']! });
    },
  };
}
