/**
 * Publishes twin areas as Sparkplug B edge nodes, the way newer equipment reaches a plant's unified
 * namespace: one edge node per area (edge node id = area id, e.g. Utilities), one device per
 * machine. Births carry every tag with its unit (`engUnit`), range (`engLow`/`engHigh`), writability
 * and an alias; DDATA reports changed values by alias at a fixed interval; a DCMD writes a
 * setpoint (refused out of range, as the OPC UA server refuses) or gives a PackML command
 * (`Command/Start` …, `Command/SetSpeed`), and the next DDATA echoes the result; an NCMD
 * `Node Control/Rebirth` republishes all births. The NDEATH will carries the session's bdSeq.
 */
import mqtt, { type MqttClient } from 'mqtt';
import { randomBytes } from 'node:crypto';
import {
  BD_SEQ_METRIC,
  REBIRTH_METRIC,
  decode,
  decodeHostState,
  encode,
  formatTopic,
  metricScalar,
  nextSeq,
  parseTopic,
  stateTopic,
  toNumber,
  type TypeStr,
  type UMetric,
  type UPayload,
} from '../sparkplug/sparkplug-codec';
import { MACHINES, UNITS, tagsForMachine, type AreaId, type MachineDefinition, type TagDefinition } from './catalogue';
import type { PackmlCommand } from './packml';
import type { PlantTwin } from './simulation';

export type TwinEdgeNodeOptions = {
  brokerUrl: string;
  groupId: string;
  areas: readonly AreaId[];
  twin: PlantTwin;
  /** How often changed values go out as DDATA. */
  publishIntervalMs?: number;
  username?: string;
  password?: string;
  /** Sparkplug 3.0: publish births only once this primary host says it is online (and again each time it does). */
  primaryHostId?: string;
  /** Where refused commands and broker trouble are reported (the sim prints to stderr). */
  warn?: (message: string) => void;
};

export interface TwinEdgeNodes {
  edgeNodeIds: string[];
  close(): Promise<void>;
}

const AREA_NAMES: Record<AreaId, string> = { Line1: 'SMT Line 1', Line2: 'SMT Line 2', Utilities: 'Plant utilities' };
const SPARKPLUG_TYPE: Record<TagDefinition['dataType'], TypeStr> = { Double: 'Double', UInt32: 'UInt32', String: 'String' };
const COMMANDS: [string, PackmlCommand][] = [
  ['Start', 'start'],
  ['Stop', 'stop'],
  ['Hold', 'hold'],
  ['Unhold', 'unhold'],
  ['Reset', 'reset'],
  ['Clear', 'clear'],
];

type Metric = { machine: MachineDefinition; tag?: TagDefinition; command?: PackmlCommand | 'setSpeed'; name: string; alias: number };

/** A tag id `Zone4.SetpointC` is the metric `Zone4/SetpointC`: Sparkplug folders use slashes. */
const metricNameOf = (tagId: string) => tagId.split('.').join('/');

function tagMetric(metric: Metric, value: unknown, timestampMs: number, withProperties: boolean): UMetric {
  const tag = metric.tag!;
  const out: UMetric = { alias: metric.alias, type: SPARKPLUG_TYPE[tag.dataType], value: (value ?? null) as UMetric['value'], timestamp: timestampMs };
  if (!withProperties) return out;
  const unit = tag.unit ? UNITS[tag.unit].symbol : '';
  return {
    ...out,
    name: metric.name,
    properties: {
      ...(unit ? { engUnit: { type: 'String', value: unit } } : {}),
      ...(tag.euRange ? { engLow: { type: 'Double', value: tag.euRange.low }, engHigh: { type: 'Double', value: tag.euRange.high } } : {}),
      writable: { type: 'Boolean', value: tag.writable },
      description: { type: 'String', value: tag.description },
    },
  };
}

/** One edge node: its MQTT session, sequence numbers, aliases and the last values it reported. */
class AreaEdgeNode {
  private client: MqttClient | undefined;
  private seq = 0;
  private bdSeq = -1;
  private readonly metrics: Metric[] = [];
  private readonly lastSent = new Map<number, unknown>();
  private timer: NodeJS.Timeout | undefined;
  /** Births sent in this MQTT session; data goes out only after them. */
  private born = false;

  constructor(
    private readonly options: TwinEdgeNodeOptions,
    readonly edgeNodeId: AreaId,
  ) {
    let alias = 1;
    for (const machine of MACHINES.filter((candidate) => candidate.area === edgeNodeId)) {
      for (const tag of tagsForMachine(machine)) this.metrics.push({ machine, tag, name: metricNameOf(tag.id), alias: alias++ });
      for (const [name, command] of COMMANDS) this.metrics.push({ machine, command, name: `Command/${name}`, alias: alias++ });
      this.metrics.push({ machine, command: 'setSpeed', name: 'Command/SetSpeed', alias: alias++ });
    }
  }

  async start(): Promise<void> {
    const { groupId } = this.options;
    // Each (re)connection is a new session with the next bdSeq, named in its will and its NBIRTH.
    const client = mqtt.connect(this.options.brokerUrl, {
      clientId: `plantpilot-twin-${this.edgeNodeId}-${randomBytes(4).toString('hex')}`,
      username: this.options.username,
      password: this.options.password,
      clean: true,
      reconnectPeriod: 1_000,
      // The broker publishes the will (NDEATH) after 1.5 keep-alives of silence: keep that short.
      keepalive: 10,
      will: this.will(this.bdSeq + 1),
    });
    this.client = client;
    client.on('connect', () => {
      this.bdSeq += 1;
      client.options.will = this.will(this.bdSeq + 1);
      void this.subscribeAndBirth();
    });
    client.on('message', (topic, bytes) => this.onMessage(topic, bytes));
    client.on('close', () => (this.born = false));
    client.on('error', (error) => this.options.warn?.(`Sparkplug edge node ${groupId}/${this.edgeNodeId}: ${error.message}`));
    await new Promise<void>((resolve, reject) => {
      client.once('connect', () => resolve());
      client.once('error', reject);
    });
    this.timer = setInterval(() => this.publishChanges(), this.options.publishIntervalMs ?? 1_000);
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (!this.client) return;
    // A clean stop says goodbye with NDEATH itself: the broker sends the will only on a failure.
    if (this.client.connected) await this.client.publishAsync(this.will(this.bdSeq).topic, this.will(this.bdSeq).payload, { qos: 1 }).catch(() => undefined);
    await this.client.endAsync(true).catch(() => undefined);
  }

  private will(bdSeq: number) {
    const payload = encode({ timestamp: Date.now(), metrics: [{ name: BD_SEQ_METRIC, type: 'UInt64', value: bdSeq }] });
    return { topic: formatTopic({ groupId: this.options.groupId, type: 'NDEATH', edgeNodeId: this.edgeNodeId }), payload, qos: 1 as const, retain: false };
  }

  private async subscribeAndBirth(): Promise<void> {
    const { groupId, primaryHostId } = this.options;
    await this.client!.subscribeAsync([
      formatTopic({ groupId, type: 'NCMD', edgeNodeId: this.edgeNodeId }),
      `${formatTopic({ groupId, type: 'DCMD', edgeNodeId: this.edgeNodeId })}/+`,
      ...(primaryHostId ? [stateTopic(primaryHostId)] : []),
    ]);
    // With a primary host, its retained STATE message (online) triggers the births instead.
    if (!primaryHostId) this.birth();
  }

  private onMessage(topic: string, bytes: Buffer): void {
    if (this.options.primaryHostId && topic === stateTopic(this.options.primaryHostId)) {
      const state = decodeHostState(bytes);
      if (state?.online) this.birth();
      return;
    }
    this.onCommand(topic, bytes);
  }

  private publish(type: 'NBIRTH' | 'DBIRTH' | 'DDATA', deviceId: string | undefined, payload: UPayload): void {
    if (!this.client?.connected) return;
    this.seq = type === 'NBIRTH' ? 0 : nextSeq(this.seq);
    const topic = formatTopic({ groupId: this.options.groupId, type, edgeNodeId: this.edgeNodeId, ...(deviceId ? { deviceId } : {}) });
    this.client.publish(topic, encode({ ...payload, seq: this.seq }), { qos: 0 });
  }

  /** NBIRTH and every DBIRTH, with all current values: what a host needs to know everything again. */
  private birth(): void {
    if (!this.client?.connected) return;
    this.born = true;
    const nowMs = Date.now();
    this.publish('NBIRTH', undefined, {
      timestamp: nowMs,
      metrics: [
        { name: BD_SEQ_METRIC, type: 'UInt64', value: this.bdSeq, timestamp: nowMs },
        { name: REBIRTH_METRIC, type: 'Boolean', value: false, timestamp: nowMs },
        { name: 'Node Info/Name', type: 'String', value: AREA_NAMES[this.edgeNodeId], timestamp: nowMs },
      ],
    });
    for (const machine of MACHINES.filter((candidate) => candidate.area === this.edgeNodeId)) {
      const metrics: UMetric[] = [
        { name: 'Device Info/Name', type: 'String', value: machine.displayName, timestamp: nowMs },
        { name: 'Device Info/Type', type: 'String', value: machine.type, timestamp: nowMs },
      ];
      for (const metric of this.metrics.filter((candidate) => candidate.machine === machine)) {
        if (metric.tag) {
          const value = this.options.twin.readValue(machine.id, metric.tag.id);
          this.lastSent.set(metric.alias, value);
          metrics.push(tagMetric(metric, value, nowMs, true));
        } else {
          metrics.push({
            name: metric.name,
            alias: metric.alias,
            type: metric.command === 'setSpeed' ? 'Double' : 'Boolean',
            value: metric.command === 'setSpeed' ? this.options.twin.readValue(machine.id, 'SpeedPct') : false,
            timestamp: nowMs,
            properties: { writable: { type: 'Boolean', value: true } },
          });
        }
      }
      this.publish('DBIRTH', machine.id, { timestamp: nowMs, metrics });
    }
  }

  /** DDATA per machine with the values that changed since they were last reported (and any forced). */
  private publishChanges(forced: ReadonlySet<number> = new Set()): void {
    if (!this.born) return;
    const nowMs = Date.now();
    for (const machine of MACHINES.filter((candidate) => candidate.area === this.edgeNodeId)) {
      const metrics: UMetric[] = [];
      for (const metric of this.metrics) {
        if (metric.machine !== machine || !metric.tag) continue;
        const value = this.options.twin.readValue(machine.id, metric.tag.id);
        if (value === this.lastSent.get(metric.alias) && !forced.has(metric.alias)) continue;
        this.lastSent.set(metric.alias, value);
        metrics.push(tagMetric(metric, value, nowMs, false));
      }
      if (metrics.length > 0) this.publish('DDATA', machine.id, { timestamp: nowMs, metrics });
    }
  }

  private onCommand(topicText: string, bytes: Buffer): void {
    const topic = parseTopic(topicText);
    if (!topic) return;
    let payload: UPayload;
    try {
      payload = decode(bytes);
    } catch {
      return;
    }
    if (topic.type === 'NCMD') {
      if (payload.metrics?.some((metric) => metric.name === REBIRTH_METRIC && metric.value === true)) this.birth();
      return;
    }
    if (topic.type !== 'DCMD' || !topic.deviceId) return;
    const forced = new Set<number>();
    for (const incoming of payload.metrics ?? []) {
      const alias = toNumber(incoming.alias);
      const metric = this.metrics.find(
        (candidate) => candidate.machine.id === topic.deviceId && (alias !== undefined ? candidate.alias === alias : candidate.name === incoming.name),
      );
      if (!metric) continue;
      try {
        this.apply(metric, metricScalar(incoming));
      } catch (error) {
        this.options.warn?.(`Sparkplug edge node ${this.edgeNodeId}: refused ${metric.name} on ${metric.machine.id}: ${(error as Error).message}`);
      }
      // The echo: the host reads back the value the twin holds now, whether or not it changed.
      const echoed = this.echoAliasOf(metric);
      if (echoed !== undefined) forced.add(echoed);
    }
    this.publishChanges(forced);
  }

  /** What a command is read back by: a setpoint by itself, SetSpeed by SpeedPct, PackML commands by State. */
  private echoAliasOf(metric: Metric): number | undefined {
    if (metric.tag) return metric.alias;
    const tagId = metric.command === 'setSpeed' ? 'SpeedPct' : 'State';
    return this.metrics.find((candidate) => candidate.machine === metric.machine && candidate.tag?.id === tagId)?.alias;
  }

  private apply(metric: Metric, value: number | string | boolean | null): void {
    const { twin } = this.options;
    if (metric.tag) {
      if (!metric.tag.writable) throw new Error(`${metric.tag.id} is read-only`);
      twin.writeSetpoint(metric.machine.id, metric.tag.id, Number(value));
    } else if (metric.command === 'setSpeed') twin.setSpeed(metric.machine.id, Number(value));
    else if (metric.command && value === true) twin.command(metric.machine.id, metric.command);
  }
}

/** Connects one edge node per area and publishes their births; resolves once all are connected. */
export async function startTwinEdgeNodes(options: TwinEdgeNodeOptions): Promise<TwinEdgeNodes> {
  const nodes = options.areas.map((area) => new AreaEdgeNode(options, area));
  try {
    await Promise.all(nodes.map((node) => node.start()));
  } catch (error) {
    await Promise.all(nodes.map((node) => node.close()));
    throw error;
  }
  return { edgeNodeIds: nodes.map((node) => node.edgeNodeId), close: async () => void (await Promise.all(nodes.map((node) => node.close()))) };
}
