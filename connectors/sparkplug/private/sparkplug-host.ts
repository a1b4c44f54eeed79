/**
 * The host side of Sparkplug B over mqtt.js. It follows each edge node's session: NBIRTH starts it
 * (sequence number and bdSeq recorded), every later message must carry the next sequence number
 * (0–255, wrapping), and a gap, an unknown alias or data from a node or device not yet born is
 * answered with a rebirth request (NCMD `Node Control/Rebirth`), because only a birth tells the
 * whole truth again. NDEATH (matched by bdSeq, so a stale will cannot kill a newer session), DDEATH
 * and the loss of the broker turn the affected values Bad; the next birth makes them Good.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { AppError, isAppError } from '@/lib/errors';
import { silentLogger, type Logger } from '@/lib/log';
import type { MappedTag } from '@/connectors/opcua/asset-mapping';
import type { ConnectionState, PlantConnection, ScalarValue, TagRef, TagValue, ValueUpdate } from '@/connectors/opcua/plant-connection';
import { registerWriteDriver } from '@/connectors/plant/private/write-drivers';
import type { ResolvedSparkplugSourceOptions } from '../sparkplug-source';
import {
  BD_SEQ_METRIC,
  NAMESPACE,
  REBIRTH_METRIC,
  decode,
  encode,
  encodeHostState,
  formatTopic,
  isNumericType,
  nextSeq,
  parseTopic,
  stateTopic,
  toNumber,
  type SparkplugTopic,
  type UMetric,
  type UPayload,
} from '../sparkplug-codec';
import { COMMAND_PREFIX, readBirth, tagValueOf, type BornAsset, type MetricBinding } from './birth-certificate';
import { MetricCache } from './metric-cache';

type EdgeNode = {
  id: string;
  born: boolean;
  seq: number;
  bdSeq?: number;
  name?: string;
  devices: Set<string>;
  /** Devices born again since the node's last NBIRTH; null once the births are over (the first other message). */
  rebornSinceNodeBirth: Set<string> | null;
  lastRebirthRequestMs: number;
};
type Device = { assetId: string; edgeNodeId: string; deviceId?: string; birth: BornAsset };
/** Resolves on the asset's next DATA naming the metric, or (without one) on its next DATA at all. */
type ReadBackWaiter = { assetId: string; metricName?: string; resolve: () => void };

function describeReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED/.test(message)) return 'connection refused';
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return 'host not found';
  if (/Not authorized|Bad username or password/i.test(message)) return 'the broker refused our user name or password';
  return message.split('\n')[0]!.slice(0, 200);
}

export function brokerUnreachable(brokerUrl: string, error: unknown): AppError {
  return new AppError(
    'plant_unreachable',
    `Cannot reach the MQTT broker at ${brokerUrl} (${describeReason(error)}). Check the broker address of the Sparkplug source in the plant configuration, or start the broker (e.g. mosquitto).`,
    { cause: error },
  );
}

/** One timestamp per host session: the online message and its will must carry the same one. */
async function connectClient(options: ResolvedSparkplugSourceOptions, sessionMs: number): Promise<MqttClient> {
  const client = mqtt.connect(options.brokerUrl, {
    ...(options.hostId ? { will: { topic: stateTopic(options.hostId), payload: encodeHostState(false, sessionMs), qos: 1 as const, retain: true } } : {}),
    clientId: options.clientId,
    username: options.username,
    password: options.password,
    clean: true,
    connectTimeout: options.connectTimeoutMs,
    reconnectPeriod: options.reconnectPeriodMs,
    keepalive: options.keepaliveSeconds,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${options.connectTimeoutMs / 1000} s`)), options.connectTimeoutMs);
      client.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      client.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    await client.endAsync(true).catch(() => undefined);
    throw brokerUnreachable(options.brokerUrl, error);
  }
  return client;
}

/** A value for a DCMD/NCMD metric of the type declared at birth. */
function commandValue(binding: MetricBinding, value: unknown, what: string): number | boolean | string {
  if (isNumericType(binding.type)) {
    const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
    if (!Number.isFinite(number)) throw new AppError('invalid_argument', `${what} needs a number; got ${JSON.stringify(value)}.`);
    if (binding.type !== 'Float' && binding.type !== 'Double' && !Number.isInteger(number))
      throw new AppError('invalid_argument', `${what} is a whole-number metric (${binding.type}); got ${number}.`);
    return number;
  }
  if (binding.type === 'Boolean') {
    if (typeof value !== 'boolean') throw new AppError('invalid_argument', `${what} needs true or false; got ${JSON.stringify(value)}.`);
    return value;
  }
  if (binding.type === 'String' || binding.type === 'Text') return String(value);
  throw new AppError('unsupported', `${what} has Sparkplug type ${binding.type}, which Plantpilot does not write.`);
}

export async function openSparkplugSource(options: ResolvedSparkplugSourceOptions, deps: { log?: Logger } = {}): Promise<PlantConnection> {
  const log = deps.log ?? silentLogger;
  const { groupId, brokerUrl } = options;
  const endpointUrl = `${brokerUrl.replace(/\/+$/, '')}/${NAMESPACE}/${groupId}${options.edgeNodeId ? `/${options.edgeNodeId}` : ''}`;
  const sessionMs = Date.now();
  const client = await connectClient(options, sessionMs);
  const announceOnline = async () => {
    if (options.hostId) await client.publishAsync(stateTopic(options.hostId), encodeHostState(true, sessionMs), { qos: 1, retain: true });
  };

  const cache = new MetricCache();
  const nodes = new Map<string, EdgeNode>();
  const devices = new Map<string, Device>();
  const waiters = new Set<ReadBackWaiter>();
  const stateListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'connected';
  let reconnects = 0;
  let lastHeardAtMs: number | null = null;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const listener of stateListeners) listener(next);
  };

  const nodeOf = (id: string): EdgeNode => {
    let node = nodes.get(id);
    if (!node) {
      node = { id, born: false, seq: 0, devices: new Set(), rebornSinceNodeBirth: null, lastRebirthRequestMs: Number.NEGATIVE_INFINITY };
      nodes.set(id, node);
    }
    return node;
  };

  const requestRebirth = (edgeNodeId: string, why: string) => {
    const node = nodeOf(edgeNodeId);
    const nowMs = Date.now();
    if (nowMs - node.lastRebirthRequestMs < options.rebirthIntervalMs || state !== 'connected') return;
    node.lastRebirthRequestMs = nowMs;
    log.info(`Sparkplug: asking edge node ${groupId}/${edgeNodeId} to rebirth (${why})`);
    const payload = encode({ timestamp: nowMs, metrics: [{ name: REBIRTH_METRIC, type: 'Boolean', value: true, timestamp: nowMs }] });
    client.publish(formatTopic({ groupId, type: 'NCMD', edgeNodeId }), payload, { qos: 0 });
  };

  const killNode = (node: EdgeNode, reason: string, at: Date) => {
    node.born = false;
    cache.markDead(node.id, at, reason);
    for (const deviceId of node.devices) cache.markDead(deviceId, at, reason);
  };

  const born = (topic: SparkplugTopic, payload: UPayload, receivedAt: Date, node: EdgeNode) => {
    const assetId = topic.deviceId ?? topic.edgeNodeId;
    const owner = devices.get(assetId);
    if (owner && owner.edgeNodeId !== topic.edgeNodeId) {
      log.error(
        `Sparkplug: edge nodes ${owner.edgeNodeId} and ${topic.edgeNodeId} of group ${groupId} both carry device ${assetId}; ignoring the second. Give devices unique ids.`,
      );
      return;
    }
    const addressPrefix = [NAMESPACE, groupId, topic.edgeNodeId, ...(topic.deviceId ? [topic.deviceId] : [])].join('/');
    const birth = readBirth({ assetId, addressPrefix, line: { id: topic.edgeNodeId, name: node.name }, payload, receivedAt });
    if (!topic.deviceId && birth.info.tags.length + birth.info.methods.length === 0) return; // a node with only control metrics is no asset
    devices.set(assetId, { assetId, edgeNodeId: topic.edgeNodeId, deviceId: topic.deviceId, birth });
    if (topic.deviceId) node.devices.add(topic.deviceId);
    cache.birth(birth.info, birth.values);
  };

  const data = (topic: SparkplugTopic, payload: UPayload, receivedAt: Date) => {
    const assetId = topic.deviceId ?? topic.edgeNodeId;
    const device = devices.get(assetId);
    if (!device || device.edgeNodeId !== topic.edgeNodeId) return requestRebirth(topic.edgeNodeId, `data from ${assetId}, which has not been born`);
    for (const metric of payload.metrics ?? []) {
      const alias = toNumber(metric.alias);
      const binding = (metric.name ? device.birth.byName.get(metric.name) : undefined) ?? (alias !== undefined ? device.birth.byAlias.get(alias) : undefined);
      if (!binding) {
        requestRebirth(topic.edgeNodeId, `unknown metric ${metric.name ?? `alias ${alias}`} from ${assetId}`);
        continue;
      }
      // A historical metric is a late-delivered past value (store and forward): it is not the current one.
      if (!binding.name.startsWith(COMMAND_PREFIX) && !metric.isHistorical)
        cache.apply(assetId, binding.tagId, tagValueOf(metric, binding, payload, receivedAt));
      for (const waiter of waiters) if (waiter.assetId === assetId && waiter.metricName === binding.name) waiter.resolve();
    }
    // A command is reported by what it changed (State, SpeedPct), not by its own metric.
    for (const waiter of waiters) if (waiter.assetId === assetId && waiter.metricName === undefined) waiter.resolve();
  };

  const handle = (topic: SparkplugTopic, payload: UPayload) => {
    const receivedAt = new Date();
    const node = nodeOf(topic.edgeNodeId);
    if (topic.type === 'NCMD' || topic.type === 'DCMD') return; // our own commands, or another host's
    if (topic.type === 'NBIRTH') {
      node.born = true;
      node.rebornSinceNodeBirth = new Set();
      node.seq = toNumber(payload.seq) ?? 0;
      node.bdSeq = toNumber(payload.metrics?.find((metric) => metric.name === BD_SEQ_METRIC)?.value);
      const nameMetric = payload.metrics?.find((metric) => metric.name === 'Node Info/Name');
      node.name = typeof nameMetric?.value === 'string' ? nameMetric.value : undefined;
      born(topic, payload, receivedAt, node);
      return;
    }
    if (topic.type === 'NDEATH') {
      const bdSeq = toNumber(payload.metrics?.find((metric) => metric.name === BD_SEQ_METRIC)?.value);
      // A will from an older session (its bdSeq differs) says nothing about the current one.
      if (node.bdSeq !== undefined && bdSeq !== undefined && bdSeq !== node.bdSeq) return;
      log.warn(`Sparkplug: edge node ${groupId}/${topic.edgeNodeId} went offline (NDEATH)`);
      killNode(node, `edge node ${topic.edgeNodeId} went offline (NDEATH)`, receivedAt);
      return;
    }
    if (!node.born) return requestRebirth(topic.edgeNodeId, `${topic.type} before the node's birth`);
    const seq = toNumber(payload.seq);
    const expected = nextSeq(node.seq);
    if (seq !== undefined) node.seq = seq;
    if (seq !== expected) {
      // A lost message may have carried a change or a birth: only a rebirth restores the full picture.
      log.warn(`Sparkplug: sequence gap from ${groupId}/${topic.edgeNodeId} (expected ${expected}, got ${seq ?? 'none'})`);
      requestRebirth(topic.edgeNodeId, `sequence gap: expected ${expected}, got ${seq ?? 'none'}`);
    }
    if (topic.type === 'DBIRTH') {
      node.rebornSinceNodeBirth?.add(topic.deviceId!);
      born(topic, payload, receivedAt, node);
      return;
    }
    if (node.rebornSinceNodeBirth) {
      // An edge node sends every DBIRTH straight after its NBIRTH: a device not among them is gone.
      for (const deviceId of node.devices) {
        if (!node.rebornSinceNodeBirth.has(deviceId))
          cache.markDead(deviceId, receivedAt, `device ${deviceId} was not born again when edge node ${node.id} was`);
      }
      node.rebornSinceNodeBirth = null;
    }
    if (topic.type === 'DDEATH') cache.markDead(topic.deviceId!, receivedAt, `device ${topic.deviceId} went offline (DDEATH)`);
    else data(topic, payload, receivedAt);
  };

  client.on('message', (topicText, bytes) => {
    const topic = parseTopic(topicText);
    if (!topic || topic.groupId !== groupId || (options.edgeNodeId && topic.edgeNodeId !== options.edgeNodeId)) return;
    lastHeardAtMs = Date.now();
    try {
      handle(topic, decode(bytes));
    } catch (error) {
      log.warn({ err: error, topic: topicText }, 'Sparkplug: could not read a message; ignoring it');
    }
  });

  const lost = (why: string) => {
    if (state !== 'connected') return;
    log.warn(`Sparkplug: lost the MQTT broker at ${brokerUrl} (${why}); reconnecting`);
    setState('reconnecting');
    const at = new Date();
    for (const node of nodes.values()) node.born = false;
    cache.markAllDead(at, `lost the connection to the MQTT broker ${brokerUrl}`);
  };
  client.on('close', () => lost('connection closed'));
  client.on('offline', () => lost('offline'));
  client.on('error', (error) => log.warn({ err: error }, `Sparkplug: MQTT error from ${brokerUrl}`));
  client.on('connect', () => {
    // mqtt.js resubscribes by itself; what we missed while away only a rebirth can tell.
    if (state === 'closed') return;
    reconnects += 1;
    setState('connected');
    log.info(`Sparkplug: reconnected to the MQTT broker at ${brokerUrl}`);
    announceOnline().catch((error: unknown) => log.warn({ err: error }, 'Sparkplug: could not publish the host state'));
    for (const node of nodes.values()) requestRebirth(node.id, 'reconnected to the broker');
  });

  const filter = `${NAMESPACE}/${groupId}/+/${options.edgeNodeId ?? '+'}/#`;
  try {
    await client.subscribeAsync(filter, { qos: 0 });
  } catch (error) {
    await client.endAsync(true).catch(() => undefined);
    throw brokerUnreachable(brokerUrl, error);
  }
  await announceOnline().catch((error: unknown) => log.warn({ err: error }, 'Sparkplug: could not publish the host state'));
  if (options.edgeNodeId) {
    const edgeNodeId = options.edgeNodeId;
    requestRebirth(edgeNodeId, 'a new host joined');
    await waitUntil(() => nodes.get(edgeNodeId)?.born === true, options.birthWaitMs);
    if (!nodes.get(edgeNodeId)?.born)
      log.warn(`Sparkplug: edge node ${groupId}/${edgeNodeId} has not answered with a birth yet; its assets appear when it does`);
  }

  const findDevice = (assetId: string): Device => {
    cache.getAsset(assetId); // throws not_found naming the known assets
    return devices.get(assetId)!;
  };
  const liveDevice = (assetId: string): Device => {
    if (state !== 'connected') throw brokerUnreachable(brokerUrl, new Error('the connection is down and being re-established'));
    const device = findDevice(assetId);
    const death = cache.deathOf(assetId);
    if (death)
      throw new AppError('plant_unreachable', `${assetId} is offline: ${death.reason} at ${death.at.toISOString()}. Nothing was sent; wait for its rebirth.`);
    return device;
  };

  /** Publishes a command and waits for the DATA message that reports the metric (or the timeout). */
  const command = async (device: Device, binding: MetricBinding, value: number | boolean | string, readBack: 'metric' | 'any'): Promise<boolean> => {
    const nowMs = Date.now();
    const metric: UMetric = {
      type: binding.type,
      value,
      timestamp: nowMs,
      ...(binding.alias !== undefined ? { alias: binding.alias } : { name: binding.name }),
    };
    const topic = formatTopic({ groupId, type: device.deviceId ? 'DCMD' : 'NCMD', edgeNodeId: device.edgeNodeId, deviceId: device.deviceId });
    let timer: NodeJS.Timeout | undefined;
    let waiter: ReadBackWaiter | undefined;
    const reported = new Promise<boolean>((resolve) => {
      waiter = { assetId: device.assetId, ...(readBack === 'metric' ? { metricName: binding.name } : {}), resolve: () => resolve(true) };
      waiters.add(waiter);
      timer = setTimeout(() => resolve(false), options.readBackTimeoutMs);
    });
    try {
      await client.publishAsync(topic, encode({ timestamp: nowMs, metrics: [metric] }), { qos: 0 });
      return await reported;
    } catch (error) {
      if (isAppError(error)) throw error;
      throw brokerUnreachable(brokerUrl, error);
    } finally {
      clearTimeout(timer);
      if (waiter) waiters.delete(waiter);
    }
  };

  const connection: PlantConnection = {
    endpointUrl,
    get state() {
      return state;
    },
    listAssets: () => cache.listAssets(),
    getAsset: (assetId) => cache.getAsset(assetId),
    getValue: (assetId, tagId) => cache.getValue(assetId, tagId),
    // Sparkplug reports by exception: the cache is as fresh as the edge node's last message.
    readNow: async (refs?: TagRef[]): Promise<ValueUpdate[]> =>
      (refs ?? cache.listAssets().flatMap((asset) => asset.tags.map((tag) => ({ assetId: asset.id, tagId: tag.id })))).map((ref) => ({
        ...ref,
        value: cache.getValue(ref.assetId, ref.tagId),
      })),
    subscribe: (listener) => cache.subscribe(listener),
    onStateChange(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    stats: () => ({
      monitoredItems: cache.listAssets().reduce((count, asset) => count + asset.tags.length, 0),
      reconnects,
      lastHeardAt: lastHeardAtMs === null ? null : new Date(lastHeardAtMs),
    }),
    async close() {
      if (state === 'closed') return;
      setState('closed');
      stateListeners.clear();
      client.removeAllListeners('close');
      client.removeAllListeners('offline');
      // A clean disconnect sends no will: say offline ourselves so edge nodes know.
      if (options.hostId && client.connected) {
        await client.publishAsync(stateTopic(options.hostId), encodeHostState(false, sessionMs), { qos: 1, retain: true }).catch(() => undefined);
      }
      await client.endAsync(true).catch(() => undefined);
    },
  };

  registerWriteDriver(connection, {
    kind: 'sparkplug',
    findTag(assetId, tagId): MappedTag {
      const asset = cache.getAsset(assetId);
      const tag = asset.tags.find((candidate) => candidate.id === tagId);
      if (!tag) cache.getValue(assetId, tagId); // throws not_found naming the tags
      return tag!;
    },
    async writeTag(assetId, tagId, value) {
      const device = liveDevice(assetId);
      const binding = [...device.birth.byName.values()].find((candidate) => candidate.tagId === tagId && !candidate.name.startsWith(COMMAND_PREFIX))!;
      const sent = commandValue(binding, value, `${assetId}/${tagId}`);
      await command(device, binding, sent, 'metric');
      const readBack: TagValue = cache.getValue(assetId, tagId);
      return { address: `${device.birth.info.tags.find((tag) => tag.id === tagId)!.nodeId}`, written: sent as ScalarValue, readBack };
    },
    async callMethod(assetId, methodId, args) {
      const device = liveDevice(assetId);
      const method = device.birth.info.methods.find((candidate) => candidate.id === methodId);
      if (!method) {
        throw new AppError(
          'not_found',
          `Asset ${assetId} has no method ${methodId}. Its methods are: ${device.birth.info.methods.map((m) => m.id).join(', ') || 'none'}.`,
        );
      }
      const binding = device.birth.byName.get(method.nodeId.slice(method.objectNodeId.length + 1))!;
      if (args.length > 1)
        throw new AppError(
          'invalid_argument',
          `${methodId} on ${assetId} takes at most one argument (a Sparkplug command metric carries one value); got ${args.length}.`,
        );
      const value = args.length === 0 ? commandValue(binding, true, `${methodId} on ${assetId}`) : commandValue(binding, args[0], `Argument of ${methodId}`);
      const reported = await command(device, binding, value, 'any');
      return { outputs: [], statusText: reported ? 'Sent; the edge node reported the command' : 'Sent; no report from the edge node yet' };
    },
  });
  return connection;
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 25));
}
