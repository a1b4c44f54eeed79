/**
 * Puts every mapped tag under one subscription: numeric tags in a group with the deadband filter
 * (when one is configured), the others in a group without, each change handed to `onChange`. Tags
 * whose node does not exist on the server are skipped with a warning, not monitored forever as Bad.
 */
import {
  AttributeIds,
  DataChangeFilter,
  DataChangeTrigger,
  DeadbandType,
  TimestampsToReturn,
  type ClientMonitoredItemGroup,
  type ClientSubscription,
  type DataType,
  type DataValue,
} from 'node-opcua';
import type { Logger } from '@/lib/log';
import type { ResolvedPlantConnectionOptions, TagRef, TagValue } from '../plant-connection';
import { isNumericType } from './tag-values';

export type Monitored = { group: ClientMonitoredItemGroup; refs: TagRef[] };

export async function monitorTags(
  subscription: ClientSubscription,
  refs: TagRef[],
  context: {
    options: Pick<ResolvedPlantConnectionOptions, 'deadband' | 'publishingIntervalMs' | 'samplingIntervalMs'>;
    nodeIdOf: (ref: TagRef) => string;
    /** The value read at start: tells a missing node and the data type (deadbands apply to numbers only). */
    initial: (ref: TagRef) => { value: TagValue; dataType: DataType | undefined };
    onChange: (ref: TagRef, dataValue: DataValue) => void;
    log: Logger;
  },
): Promise<Monitored[]> {
  const { options } = context;
  const numeric: TagRef[] = [];
  const other: TagRef[] = [];
  for (const ref of refs) {
    const { value, dataType } = context.initial(ref);
    if (value.statusText.startsWith('BadNodeIdUnknown')) {
      context.log.warn({ ...ref, nodeId: context.nodeIdOf(ref) }, 'Mapped OPC UA node does not exist on the server; not monitoring it');
      continue;
    }
    (options.deadband && isNumericType(dataType) ? numeric : other).push(ref);
  }
  // Enough queue for every sample between two publishes, so a fast tag loses none to the historian.
  const queueSize = Math.min(100, Math.ceil(options.publishingIntervalMs / Math.max(options.samplingIntervalMs, 1)) + 1);
  const monitored: Monitored[] = [];
  const monitor = async (group: TagRef[], filter: DataChangeFilter | null) => {
    const items = await subscription.monitorItems(
      group.map((ref) => ({ nodeId: context.nodeIdOf(ref), attributeId: AttributeIds.Value })),
      { samplingInterval: options.samplingIntervalMs, discardOldest: true, queueSize, filter },
      TimestampsToReturn.Both,
    );
    items.on('changed', (_item, dataValue, index) => {
      const ref = group[index];
      if (ref) context.onChange(ref, dataValue);
    });
    monitored.push({ group: items, refs: group });
  };
  if (numeric.length > 0 && options.deadband) {
    const deadbandType = options.deadband.type === 'percent' ? DeadbandType.Percent : DeadbandType.Absolute;
    await monitor(numeric, new DataChangeFilter({ trigger: DataChangeTrigger.StatusValue, deadbandType, deadbandValue: options.deadband.value }));
  }
  if (other.length > 0) await monitor(other, null);
  return monitored;
}
